"""Induction (入职培训): each position's required courses assigned to whoever is hired or moved into it, with due
dates; done when the person completes the course, waived by HR with a reason; the catch-up tick for placements
written without the service (demo data, old imports).

Listens (connected at import, weak=False) to `staff_placed` (a hire or a move into a position: assign at once)
and to `training_completed` (the person's open assignments of that course become done).
"""
from collections.abc import Iterable
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.dialects import postgresql, sqlite

from hrapp import audit
from hrapp.blueprints.roster.services.notify import accounts_of
from hrapp.blueprints.staff.signals import staff_placed
from hrapp.blueprints.training.signals import training_completed
from hrapp.company import company_settings, local_day, utc_bounds
from hrapp.core.approvers import approvers_for
from hrapp.core.errors import check_version
from hrapp.core.localtime import to_zone
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import (
    Attempt,
    Course,
    EmploymentEvent,
    EmploymentStatus,
    Enrolment,
    EventKind,
    InductionAssignment,
    InductionReason,
    InductionStatus,
    PositionCourse,
    Presence,
    StaffMember,
    TrainingSession,
)
from hrapp.notifications import notify

from . import rules

INDUCTION_KIND = "training.induction"
WAIVE_MESSAGES = {
    "not_open": _l("Only an open assignment can be waived."),
    "reason_required": _l("Say why the course is waived."),
}
AUDIT_FIELDS = ("status", "waived_reason", "completed_on")


def _insert():
    """An INSERT of an assignment that does nothing when the same (person, position, course) exists already."""
    dialect = db.session.get_bind().dialect.name
    table = InductionAssignment.__table__
    if dialect == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing(constraint="induction_once")
    if dialect == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing(index_elements=["staff_id", "position_id", "course_id"])
    raise RuntimeError(f"assign_inductions supports SQLite and PostgreSQL, not {dialect}")


def completed_courses(staff_id: int, course_ids: Iterable[int], since: date) -> dict[int, date]:
    """Course id -> the first day on or after `since` the person completed it (present at a session; passed,
    where the course is assessed): two queries."""
    course_ids = list(course_ids)
    if not course_ids:
        return {}
    assessed = set(db.session.scalars(sa.select(Course.id).where(Course.id.in_(course_ids),
                                                                 Course.pass_score.is_not(None))))
    zone = company_settings().timezone
    present: dict[int, list[date]] = {}
    for course_id, starts_at in db.session.execute(
            sa.select(TrainingSession.course_id, TrainingSession.starts_at).join(Enrolment)
            .where(Enrolment.staff_id == staff_id, Enrolment.presence == Presence.PRESENT,
                   TrainingSession.course_id.in_(course_ids),
                   TrainingSession.starts_at >= utc_bounds(since)[0])):
        present.setdefault(course_id, []).append(to_zone(starts_at, zone).date())
    passed: dict[int, list[date]] = {}
    for course_id, taken_on in db.session.execute(
            sa.select(Attempt.course_id, Attempt.taken_on).where(
                Attempt.staff_id == staff_id, Attempt.passed.is_(True), Attempt.course_id.in_(course_ids),
                Attempt.taken_on >= since)):
        passed.setdefault(course_id, []).append(taken_on)
    done = {c: rules.completion_day(present.get(c, ()), passed.get(c, ()), c in assessed, since) for c in course_ids}
    return {c: day for c, day in done.items() if day is not None}


def assign_inductions(staff: StaffMember, position_id: int, on: date, reason: InductionReason) -> int:
    """Assign the position's required courses to `staff`, placed there on `on`: due `due_days` later, done at once
    where the person already completed the course since `on`. An assignment that exists is left alone (the
    database's unique constraint decides, so calling twice, or twice at once, assigns once). The person and their
    heads are told of the new ones. Never commits.

    :return: how many assignments were made.
    """
    required = list(db.session.scalars(sa.select(PositionCourse).where(PositionCourse.position_id == position_id)
                                       .order_by(PositionCourse.id)))
    if not required:
        return 0
    done = completed_courses(staff.id, [r.course_id for r in required], on)
    made = []
    for item in required:
        completed_on = done.get(item.course_id)
        result = db.session.execute(_insert().values(
            staff_id=staff.id, position_id=position_id, course_id=item.course_id, kind=item.kind,
            reason=InductionReason(reason), assigned_on=on, due_on=rules.induction_due_on(on, item.due_days),
            status=InductionStatus.DONE if completed_on else InductionStatus.OPEN, completed_on=completed_on)
            .returning(InductionAssignment.__table__.c.id))
        if result.first() is not None:  # nothing returned: the row existed (rowcount is not portable here)
            made.append(item)
    if made:
        _tell(staff, made, on)
    return len(made)


def _tell(staff: StaffMember, made: list[PositionCourse], on: date) -> None:
    titles = "、".join(item.course.title for item in made)
    due = min(rules.induction_due_on(on, item.due_days) for item in made)
    notify(accounts_of([staff.id]), lambda: _("Induction training assigned to you: %(courses)s (first due %(due)s).",
                                              courses=titles, due=due.isoformat()),
           "/training/records/mine", INDUCTION_KIND)
    heads = [u for u in approvers_for(staff) if u.staff_id != staff.id]
    notify(heads, lambda: _("Induction training assigned to %(name)s: %(courses)s (first due %(due)s).",
                            name=staff.display_name, courses=titles, due=due.isoformat()),
           f"/training/records/{staff.id}", INDUCTION_KIND)


def on_staff_placed(sender, staff: StaffMember, position_id: int, on: date, reason: str, **extra) -> None:
    """`staff_placed`: a hire or a move into a position assigns its required courses at once."""
    assign_inductions(staff, position_id, on, InductionReason(reason))


def complete_inductions(staff_id: int, course_id: int, on: date) -> int:
    """The person's open assignments of the course become done on `on`; returns how many."""
    return db.session.execute(
        sa.update(InductionAssignment)
        .where(InductionAssignment.staff_id == staff_id, InductionAssignment.course_id == course_id,
               InductionAssignment.status == InductionStatus.OPEN)
        .values(status=InductionStatus.DONE, completed_on=on, version_id=InductionAssignment.version_id + 1),
        execution_options={"synchronize_session": False}).rowcount


def on_training_completed(sender, staff_id: int, course_id: int, on: date, **extra) -> None:
    complete_inductions(staff_id, course_id, on)


PLACEMENT_KINDS = (EventKind.HIRE, EventKind.TRANSFER, EventKind.PROMOTION)


def missing_placements(today: date) -> list[tuple[int, int, date, InductionReason]]:
    """(staff id, position id, day, reason) of the placements of the last CATCH_UP_DAYS (hires, transfers,
    promotions into the position the person still holds) with a required course not assigned: one query."""
    event = EmploymentEvent
    missing = ~sa.exists().where(InductionAssignment.staff_id == event.staff_id,
                                 InductionAssignment.position_id == event.to_position_id,
                                 InductionAssignment.course_id == PositionCourse.course_id)
    rows = db.session.execute(
        sa.select(event.staff_id, event.to_position_id, event.effective_on, event.kind).distinct()
        .join(PositionCourse, PositionCourse.position_id == event.to_position_id)
        .join(StaffMember, StaffMember.id == event.staff_id)
        .where(event.kind.in_(PLACEMENT_KINDS), event.to_position_id.is_not(None),
               event.effective_on >= today - timedelta(days=rules.CATCH_UP_DAYS), event.effective_on <= today,
               StaffMember.position_id == event.to_position_id, StaffMember.status != EmploymentStatus.LEFT, missing)
        .order_by(event.staff_id, event.effective_on))
    latest: dict[tuple[int, int], tuple[date, InductionReason]] = {}
    for staff_id, position_id, on, kind in rows:  # the latest placement into the position counts
        latest[(staff_id, position_id)] = (on, InductionReason.HIRE if kind == EventKind.HIRE
                                           else InductionReason.TRANSFER)
    return [(s, p, on, reason) for (s, p), (on, reason) in latest.items()]


def catch_up_inductions(now: datetime) -> int:
    """The tick: assign what recent placements are missing (idempotent: only missing rows are inserted)."""
    placements = missing_placements(local_day(now))
    people = {s.id: s for s in db.session.scalars(sa.select(StaffMember).where(
        StaffMember.id.in_({p[0] for p in placements})))} if placements else {}
    return sum(assign_inductions(people[s], p, on, reason) for s, p, on, reason in placements)


def waive_induction(actor, assignment: InductionAssignment, reason: str,
                    expected_version: int | None) -> InductionAssignment:
    """HR waives an open assignment with a reason; audited.

    :raise StaleRecord: the assignment changed since the page was loaded.
    :raise ValidationFailed: it is not open, or no reason is given.
    """
    check_version(assignment, expected_version)
    reason = (reason or "").strip()[:255]
    problems = rules.waive_refusal(assignment.status.value, reason)
    if problems:
        raise ValidationFailed({f: [WAIVE_MESSAGES[code]] for f, code in problems.items()})
    before = audit.snapshot(assignment, AUDIT_FIELDS)
    assignment.status, assignment.waived_reason = InductionStatus.WAIVED, reason
    db.session.flush()
    audit.record(actor, "training.induction_waive", assignment, before, audit.snapshot(assignment, AUDIT_FIELDS),
                 label=f"{assignment.staff.staff_number} {assignment.course.code}")
    return assignment


staff_placed.connect(on_staff_placed, weak=False)
training_completed.connect(on_training_completed, weak=False)
