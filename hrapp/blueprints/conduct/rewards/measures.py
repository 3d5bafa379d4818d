"""Measures on a person's history (warnings, demotion, transfer, unpaid suspension, dismissal), recorded by HR.
They never commit; the actor is passed in.

A demotion, a transfer and a dismissal are carried out through the staff module's own service
(`update_staff`: the position / department / status change, its employment event and audit row), so the staff
record and its history say what happened; the measure keeps the why (its note and linked violation). An unpaid
suspension only stores its days: the roster rule checks read it (a shift inside it is a hard breach).
"""
from dataclasses import dataclass, replace
from datetime import date

import sqlalchemy as sa

from hrapp import audit
from hrapp.blueprints.conduct.rewards import rules
from hrapp.blueprints.conduct.rewards.messages import (
    NOT_FOR_YOURSELF,
    UNKNOWN_DEPARTMENT,
    UNKNOWN_POSITION,
    UNKNOWN_STAFF,
    UNKNOWN_VIOLATION,
    problem_texts,
)
from hrapp.blueprints.staff.services import staff_data_of, update_staff
from hrapp.core.errors import check_version
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.labels import label
from hrapp.models import (
    Department,
    DisciplinaryMeasure,
    EmploymentStatus,
    Measure,
    Position,
    StaffMember,
    Violation,
    utcnow,
)
from hrapp.period_close import ensure_open
from hrapp.permissions import is_self

AUDIT_FIELDS = ("staff_id", "kind", "starts_on", "ends_on", "violation_id", "note")


class MeasureError(ValidationFailed):
    """A measure or revocation refused: field -> translated messages."""


@dataclass(frozen=True)
class MeasureDraft:
    """What HR enters."""

    staff_number: str
    kind: str
    starts_on: date
    ends_on: date | None = None
    to_department_id: int | None = None
    to_position_id: int | None = None
    violation_number: str = ""
    note: str = ""


def _position(position_id: int | None, department_id: int) -> Position | None:
    if position_id is None:
        return None
    position = db.session.get(Position, position_id)
    if position is None or position.department_id != department_id:
        raise MeasureError({"to_position_id": [UNKNOWN_POSITION]})
    return position


def _violation(number: str, staff: StaffMember) -> Violation | None:
    if not number.strip():
        return None
    found = db.session.scalar(sa.select(Violation).where(Violation.number == number.strip(),
                                                         Violation.staff_id == staff.id))
    if found is None:
        raise MeasureError({"violation_number": [UNKNOWN_VIOLATION]})
    return found


def suspension_overlaps(staff_id: int, starts_on: date, ends_on: date | None, exclude_id: int | None = None) -> bool:
    """Whether the person has another unrevoked suspension overlapping [starts_on, ends_on]."""
    last = ends_on or starts_on
    return db.session.scalar(sa.select(sa.exists().where(
        DisciplinaryMeasure.staff_id == staff_id, DisciplinaryMeasure.kind == Measure.UNPAID_SUSPENSION,
        DisciplinaryMeasure.revoked_at.is_(None), DisciplinaryMeasure.starts_on <= last,
        sa.or_(DisciplinaryMeasure.ends_on.is_(None), DisciplinaryMeasure.ends_on >= starts_on),
        DisciplinaryMeasure.id != (exclude_id or -1))))


def _carry_out(actor, staff: StaffMember, draft: MeasureDraft) -> None:
    """Demotion, transfer, dismissal: change the staff record through the staff module's service."""
    data = staff_data_of(staff)
    if draft.kind == rules.DEMOTION:
        data = replace(data, position_id=draft.to_position_id)
    elif draft.kind == rules.TRANSFER:
        data = replace(data, department_id=draft.to_department_id, position_id=draft.to_position_id)
    elif draft.kind == rules.DISMISSAL:
        data = replace(data, status=EmploymentStatus.LEFT, left_on=draft.starts_on, status_since_on=draft.starts_on)
    else:
        return
    note = f"{label(Measure(draft.kind))}: {draft.note.strip()}"[:255].rstrip(": ")
    update_staff(staff, data, actor, effective_on=draft.starts_on, event_note=note)


def record_measure(actor, draft: MeasureDraft, today: date) -> DisciplinaryMeasure:
    """Record a measure on a person's history (HR; the view checks the permission) and carry it out.

    :raise MeasureError: unknown person (or `actor`'s own record), department, position or violation, or a rule
        of rules.measure_problems
        (or of the staff record's own rules, for a change it refuses).
    :raise PeriodClosed: the first day lies in a closed conduct period of the person's department.
    """
    staff = db.session.scalar(sa.select(StaffMember).where(StaffMember.staff_number == draft.staff_number.strip()))
    if staff is None:
        raise MeasureError({"staff_number": [UNKNOWN_STAFF]})
    if is_self(actor, staff):
        raise MeasureError({"staff_number": [NOT_FOR_YOURSELF]})
    target_department = staff.department_id
    if draft.kind == rules.TRANSFER and draft.to_department_id is not None:
        if db.session.get(Department, draft.to_department_id) is None:
            raise MeasureError({"to_department_id": [UNKNOWN_DEPARTMENT]})
        target_department = draft.to_department_id
    if draft.kind in (rules.DEMOTION, rules.TRANSFER):
        _position(draft.to_position_id, target_department)
    violation = _violation(draft.violation_number, staff)
    problems = rules.measure_problems(rules.MeasureInput(
        draft.kind, draft.starts_on, draft.ends_on, today, staff.hire_on, staff.left_on, staff.department_id,
        staff.position_id, draft.to_department_id, draft.to_position_id,
        draft.kind == rules.SUSPENSION and suspension_overlaps(staff.id, draft.starts_on, draft.ends_on)))
    if problems:
        raise MeasureError(problem_texts(problems))
    ensure_open("conduct", staff.department, draft.starts_on)
    _carry_out(actor, staff, draft)
    measure = DisciplinaryMeasure(staff=staff, kind=Measure(draft.kind), starts_on=draft.starts_on,
                                  ends_on=draft.ends_on, violation=violation, note=draft.note.strip(),
                                  recorded_by_id=getattr(actor, "id", None))
    db.session.add(measure)
    db.session.flush()
    audit.record(actor, "measure.create", measure, None,
                 {**audit.snapshot(measure, AUDIT_FIELDS), "to_department_id": draft.to_department_id,
                  "to_position_id": draft.to_position_id}, label=staff.staff_number)
    return measure


def revoke_measure(actor, measure: DisciplinaryMeasure, reason: str, expected_version: int) -> None:
    """Revoke a measure with a reason (a suspension stops counting in the roster checks). A transfer or demotion
    is not undone on the staff record (that is a new change of the record); a dismissal cannot be revoked.

    :raise StaleRecord: the measure changed since the page was loaded.
    :raise MeasureError: already revoked, a dismissal, or no reason.
    """
    check_version(measure, expected_version)
    problems = rules.revoke_problems(measure.kind.value, measure.revoked_at is not None, reason)
    if problems:
        raise MeasureError(problem_texts(problems))
    measure.revoked_at, measure.revoked_reason = utcnow(), reason.strip()[:255]
    db.session.flush()
    audit.record(actor, "measure.revoke", measure, {"revoked_reason": ""},
                 {"revoked_reason": measure.revoked_reason}, label=measure.staff.staff_number)


def measures_query() -> sa.Select:
    """Every measure with its person (HR's list)."""
    return sa.select(DisciplinaryMeasure).join(DisciplinaryMeasure.staff)


def measures_of(staff_id: int) -> list[DisciplinaryMeasure]:
    """A person's measures, newest first."""
    return list(db.session.scalars(sa.select(DisciplinaryMeasure).where(DisciplinaryMeasure.staff_id == staff_id)
                                   .order_by(DisciplinaryMeasure.starts_on.desc(), DisciplinaryMeasure.id.desc())))
