"""Asking for, deciding and making corrections (补卡). Services never commit; the actor is passed in.

A request is checked against the reconciled day (it must be missing that punch, its window closed), the shift's
punch window, the company's monthly limit (pending + accepted requests of the person in the day's month; HR's
own corrections do not count) and the attendance month's close. Accepting stores the punch through the punch
store (source CORRECTION, recorded by the decider, the reason as its note); the store's listener re-reconciles
the day.
"""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp import audit
from hrapp.blueprints.attendance.capture.services import clock_id_of
from hrapp.blueprints.attendance.punch_store import PunchRow, store_punches
from hrapp.blueprints.attendance.reconcile.rules import Policy, shift_times, window
from hrapp.blueprints.attendance.settings import attendance_settings, windows_by_shift_type
from hrapp.blueprints.roster.services.notify import accounts_of
from hrapp.company import company_settings, utc_of_local
from hrapp.core.approvers import approvers_for
from hrapp.core.localtime import to_zone
from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import FORM, ValidationFailed
from hrapp.core.workflow import apply, check
from hrapp.extensions import db
from hrapp.models import (
    AttendanceCorrection,
    AttendanceDay,
    CorrectionKind,
    CorrectionStatus,
    Department,
    Punch,
    PunchSource,
    PunchState,
    Role,
    StaffMember,
    User,
)
from hrapp.models.base import utcnow
from hrapp.notifications import notify
from hrapp.period_close import ensure_open

from . import messages, rules
from .workflow import CORRECTION_WORKFLOW, NOTIFICATION_KIND, correction_label, correction_link

DUPLICATE_OPEN = unique_field("uq_attendance_corrections_open_key", "kind", messages.DUPLICATE)
COUNTED = (CorrectionStatus.PENDING, CorrectionStatus.ACCEPTED)
FIELD_OF = {rules.NOT_YET: "day", rules.NO_SHIFT: "day", rules.NOT_NEEDED: "kind",
            rules.OUTSIDE_WINDOW: "time", rules.LIMIT_REACHED: FORM}


class CorrectionRefused(ValidationFailed):
    """The correction cannot be made: `errors` names the field and the message."""


@dataclass(frozen=True)
class Claim:
    """What a person (or HR) says: the day, which punch, the local time, why."""

    day: date
    kind: CorrectionKind
    at: time
    reason: str


def _refuse(key: str, **args):
    raise CorrectionRefused.single(FIELD_OF[key], messages.REFUSALS[key] % args if args else messages.REFUSALS[key])


def local_now() -> datetime:
    """The company's local time now (naive)."""
    return to_zone(utcnow(), company_settings().timezone).replace(tzinfo=None)


def day_record(staff: StaffMember, day: date) -> AttendanceDay | None:
    """The person's reconciled day."""
    return db.session.scalar(sa.select(AttendanceDay).where(AttendanceDay.staff_id == staff.id,
                                                            AttendanceDay.day == day))


def day_window(record: AttendanceDay | None) -> tuple[datetime, datetime] | None:
    """The local [check-in opens, check-out closes] of the day's work shift, or None."""
    shift_type = record.shift_type if record is not None else None
    if shift_type is None or not (shift_type.start_time and shift_type.end_time):
        return None
    found = windows_by_shift_type()
    windows = found.get(shift_type.id) or found[None]
    shift = shift_times(record.day, shift_type.start_time, shift_type.end_time, shift_type.break_minutes)
    return window(shift, Policy(windows.checkin_opens, windows.checkout_closes))


def claimed_at(day: date, at: time, span: tuple[datetime, datetime] | None) -> datetime:
    """The local datetime of `at` on `day`, or the next date when only that lies in the window (a night shift)."""
    candidate = datetime.combine(day, at)
    if span is not None and candidate < span[0] and span[0] <= candidate + timedelta(days=1) <= span[1]:
        return candidate + timedelta(days=1)
    return candidate


def month_count(staff_id: int, day: date) -> int:
    """The person's own requests (pending or accepted) in `day`'s month: what the limit counts."""
    first, last = rules.month_bounds(day)
    return db.session.scalar(sa.select(sa.func.count(AttendanceCorrection.id)).where(
        AttendanceCorrection.staff_id == staff_id, AttendanceCorrection.by_hr.is_(False),
        AttendanceCorrection.status.in_(COUNTED), AttendanceCorrection.day.between(first, last))) or 0


def _department(staff: StaffMember, record: AttendanceDay | None) -> Department:
    return db.session.get(Department, record.department_id) if record is not None else staff.department


def _check_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise CorrectionRefused.single("reason", _("Please give a reason."))
    return reason[:500]


def request_correction(actor, staff: StaffMember, claim: Claim, idempotency_key: str | None = None,
                       now: datetime | None = None) -> AttendanceCorrection:
    """`staff` asks for a correction of their own day; the approvers are told.

    :raise CorrectionRefused: no reason, a day that needs none, a time outside the window, the limit reached,
        a pending one for the same day and punch.
    :raise PeriodClosed: the attendance month is closed for the day's department.
    """
    reason = _check_reason(claim.reason)
    record = day_record(staff, claim.day)
    span = day_window(record)
    facts = rules.DayFacts(record.status.value if record else None, bool(record and record.in_punch_id),
                           bool(record and record.out_punch_id), span)
    if refusal := rules.day_refusal(facts, claim.kind.value, now or local_now()):
        _refuse(refusal)
    at = claimed_at(claim.day, claim.at, span)
    if rules.time_refusal(span, at):
        _refuse(rules.OUTSIDE_WINDOW, opens=f"{span[0]:%H:%M}", closes=f"{span[1]:%H:%M}")
    limit = attendance_settings().corrections_per_month
    if rules.limit_refusal(month_count(staff.id, claim.day), limit):
        _refuse(rules.LIMIT_REACHED, limit=limit)
    department = _department(staff, record)
    ensure_open("attendance", department, claim.day)
    if _open_exists(staff.id, claim.day, claim.kind):
        raise CorrectionRefused.single("kind", messages.DUPLICATE)
    correction = AttendanceCorrection(
        staff=staff, staff_id=staff.id, department_id=department.id, day=claim.day, kind=claim.kind,
        punched_at=utc_of_local(at), reason=reason, status=CorrectionStatus.PENDING, requested_by_id=actor.id,
        idempotency_key=idempotency_key)  # the status set here, not by the column default: the open key reads it
    db.session.add(correction)
    db.session.flush()
    audit.record(actor, "attendance_correction.request", correction, None, _snapshot(correction),
                 label=correction_label(correction))
    notify(_deciders(staff, actor), lambda: _("%(name)s asks for a correction for %(day)s.",
                                              name=staff.display_name, day=claim.day.isoformat()),
           correction_link(correction), NOTIFICATION_KIND)
    return correction


def _deciders(staff: StaffMember, actor) -> list[User]:
    """Who is told of a new request: the person's approvers but the asker (a head asking for their own day),
    else HR."""
    users = [u for u in approvers_for(staff) if u.id != actor.id]
    return users or list(db.session.scalars(sa.select(User).where(User.role == Role.HR, User.is_enabled.is_(True))
                                            .order_by(User.id)))


def _open_exists(staff_id: int, day: date, kind: CorrectionKind) -> bool:
    return db.session.scalar(sa.select(AttendanceCorrection.id).where(
        AttendanceCorrection.staff_id == staff_id, AttendanceCorrection.day == day,
        AttendanceCorrection.kind == kind, AttendanceCorrection.status == CorrectionStatus.PENDING)) is not None


def _snapshot(correction: AttendanceCorrection) -> dict:
    return {"day": correction.day.isoformat(), "kind": correction.kind.value,
            "punched_at": correction.punched_at.isoformat(), "reason": correction.reason[:255],
            "by_hr": correction.by_hr}


def _store_punch(correction: AttendanceCorrection, actor) -> Punch:
    """Store the correction's punch (or find the identical one already stored); refused punches raise."""
    state = PunchState.CHECK_IN if correction.kind == CorrectionKind.MISSING_IN else PunchState.CHECK_OUT
    clock_id = clock_id_of(correction.staff)
    result = store_punches([PunchRow(clock_id, correction.punched_at, PunchSource.CORRECTION, state=state,
                                     recorded_by_id=actor.id, note=correction.reason)])
    if result.refused:
        raise CorrectionRefused.single(FORM, messages.REFUSED_PUNCH)
    return db.session.scalar(sa.select(Punch).where(Punch.clock_id == clock_id,
                                                    Punch.punched_at == correction.punched_at))


def accept_correction(actor, correction: AttendanceCorrection, expected_version: int) -> AttendanceCorrection:
    """Accept: store the punch (the day is re-reconciled), audit, tell the person.

    :raise TransitionRefused / TransitionForbidden / StaleRecord: see hrapp.core.workflow.check.
    :raise PeriodClosed: the month is closed.
    """
    check(CORRECTION_WORKFLOW, correction, "accept", actor, expected_version)
    ensure_open("attendance", db.session.get(Department, correction.department_id), correction.day)
    punch = _store_punch(correction, actor)
    correction.punch_id = punch.id
    correction.decided_by_id, correction.decided_at = actor.id, utcnow()
    apply(CORRECTION_WORKFLOW, correction, "accept", actor, expected_version, details={"punch_id": punch.id})
    return correction


def reject_correction(actor, correction: AttendanceCorrection, note: str,
                      expected_version: int) -> AttendanceCorrection:
    """Reject with a reason (required); the person is told."""
    check(CORRECTION_WORKFLOW, correction, "reject", actor, expected_version, note)
    correction.decided_by_id, correction.decided_at = actor.id, utcnow()
    correction.decision_note = note.strip()[:500]
    apply(CORRECTION_WORKFLOW, correction, "reject", actor, expected_version, note)
    return correction


def withdraw_correction(actor, correction: AttendanceCorrection, expected_version: int) -> AttendanceCorrection:
    """The person withdraws their pending correction."""
    apply(CORRECTION_WORKFLOW, correction, "withdraw", actor, expected_version)
    return correction


def hr_correct(actor, staff: StaffMember, claim: Claim) -> AttendanceCorrection:
    """HR adds a missing punch for any person-day at once (accepted, `by_hr`; not counted against the limit).

    :raise CorrectionRefused: no reason; the punch refused (future, outside the person's employment).
    :raise PeriodClosed: the attendance month is closed.
    """
    reason = _check_reason(claim.reason)
    record = day_record(staff, claim.day)
    department = _department(staff, record)
    ensure_open("attendance", department, claim.day)
    at = claimed_at(claim.day, claim.at, day_window(record))
    correction = AttendanceCorrection(
        staff=staff, staff_id=staff.id, department_id=department.id, day=claim.day, kind=claim.kind,
        punched_at=utc_of_local(at), reason=reason, by_hr=True, status=CorrectionStatus.ACCEPTED,
        requested_by_id=actor.id, decided_by_id=actor.id, decided_at=utcnow())
    punch = _store_punch(correction, actor)
    correction.punch_id = punch.id
    db.session.add(correction)
    db.session.flush()
    audit.record(actor, "attendance_correction.hr_correct", correction, None,
                 {**_snapshot(correction), "punch_id": punch.id}, label=correction_label(correction))
    notify([u for u in accounts_of([staff.id]) if u.id != actor.id],
           lambda: _("HR added a punch for %(day)s.", day=claim.day.isoformat()),
           correction_link(correction), NOTIFICATION_KIND)
    return correction


def correction_by_key(user, key: str) -> AttendanceCorrection | None:
    """The correction `user` created earlier with this Idempotency-Key."""
    return db.session.scalar(sa.select(AttendanceCorrection).where(
        AttendanceCorrection.requested_by_id == user.id, AttendanceCorrection.idempotency_key == key))
