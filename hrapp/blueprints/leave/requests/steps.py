"""The decision steps on a request (hrapp.core.workflow): approve (re-checking overlap and balance), reject,
withdraw, cancel before it starts, cut short after it started. Never commit; the actor is passed in."""
from datetime import date, timedelta

import sqlalchemy as sa

from hrapp.core import workflow
from hrapp.extensions import db
from hrapp.models import AuditEntry, LeaveRequest, LeaveStatus, utcnow
from hrapp.notifications import notify
from hrapp.period_close import ensure_open

from . import rules
from .audit_labels import AUDIT
from .days import count_request
from .effects import leave_approved, leave_released, shape_of
from .messages import refusal
from .services import check_request
from .workflow import APPROVALS, LEAVE_WORKFLOW, cut_short_notice


def approval_step(actor, leave: LeaveRequest) -> str:
    """Which approval `actor` takes now: approve (to approved), forward (a head, to HR) or hr_approve."""
    for name in APPROVALS:
        step = LEAVE_WORKFLOW.transition(name)
        if leave.status in step.sources and step.allowed(actor, leave):
            return name
    return "hr_approve" if leave.status == LeaveStatus.AWAITING_HR else "approve"


def approve(actor, leave: LeaveRequest, expected_version: int) -> str:
    """Approve (or, for a head on a type that needs HR, pass on to HR): the overlap and the balance are checked
    again, and the days recounted on today's roster; approved leave marks the roster (effects). Returns the step.

    :raise TransitionRefused / TransitionForbidden / StaleRecord: as workflow.check.
    :raise LeaveRequestError / PeriodClosed: see services.check_request.
    """
    name = approval_step(actor, leave)
    workflow.check(LEAVE_WORKFLOW, leave, name, actor, expected_version)
    days = check_request(leave.staff, leave.leave_type, shape_of(leave), has_note=True, exclude_id=leave.id,
                         blackouts=False, note_needed=False)
    with db.session.no_autoflush:  # the access rules query; the step's UPDATE carries these columns
        if name == "hr_approve":
            leave.hr_decided_by_id, leave.hr_decided_at = actor.id, utcnow()
        else:
            leave.decided_by_id, leave.decided_at = actor.id, utcnow()
        workflow.apply(LEAVE_WORKFLOW, leave, name, actor, expected_version, details={"days": str(days)})
    if days != leave.days:
        leave.days = days
    if leave.status == LeaveStatus.APPROVED:
        leave_approved(actor, leave)
    return name


def reject(actor, leave: LeaveRequest, expected_version: int, note: str) -> None:
    """Refuse a waiting request, with a reason (told to the person)."""
    workflow.check(LEAVE_WORKFLOW, leave, "reject", actor, expected_version, note)
    with db.session.no_autoflush:
        if leave.status == LeaveStatus.AWAITING_HR:
            leave.hr_decided_by_id, leave.hr_decided_at = actor.id, utcnow()
        else:
            leave.decided_by_id, leave.decided_at = actor.id, utcnow()
        leave.decision_note = note.strip()[:500]
        workflow.apply(LEAVE_WORKFLOW, leave, "reject", actor, expected_version, note)


def withdraw(actor, leave: LeaveRequest, expected_version: int) -> None:
    """The person takes back a request not decided yet."""
    workflow.apply(LEAVE_WORKFLOW, leave, "withdraw", actor, expected_version)


def cancel(actor, leave: LeaveRequest, expected_version: int, note: str = "") -> None:
    """Cancel approved leave before its first day; its days return to the balance and the heads are told which
    roster cells to re-plan.

    :raise PeriodClosed: a day lies in a closed attendance month.
    """
    workflow.check(LEAVE_WORKFLOW, leave, "cancel", actor, expected_version, note)
    ensure_open("attendance", leave.staff.department, rules.days_between(leave.starts_on, leave.ends_on))
    with db.session.no_autoflush:
        leave.cancelled_by_id, leave.cancelled_at, leave.cancel_note = actor.id, utcnow(), note.strip()[:500]
        workflow.apply(LEAVE_WORKFLOW, leave, "cancel", actor, expected_version, note)
    leave_released(leave, leave.starts_on, leave.ends_on)


def cut_short(actor, leave: LeaveRequest, expected_version: int, last_day: date | None, note: str = "") -> None:
    """End started leave on `last_day` (from its first day to the day before its current end): `ends_on` becomes
    `last_day` (the first original end is kept), the days are recounted and the rest returns to the balance.

    :raise LeaveRequestError: `last_day` outside that range. :raise PeriodClosed: a given-back day is closed.
    """
    workflow.check(LEAVE_WORKFLOW, leave, "cut_short", actor, expected_version, note)
    if last_day is None or not leave.starts_on <= last_day < leave.ends_on:
        raise refusal("last_day", "last_day")
    old_end = leave.ends_on
    ensure_open("attendance", leave.staff.department, rules.days_between(last_day + timedelta(days=1), old_end))
    shape = rules.RequestShape(leave.starts_on, last_day, leave.starts_afternoon, False)
    days = count_request(leave.staff, leave.leave_type, shape)
    # the step first (its rule reads the current end), then the new end, told once it stands
    workflow.apply(LEAVE_WORKFLOW, leave, "cut_short", actor, expected_version, note,
                   details={"ends_on": last_day.isoformat(), "original_ends_on": old_end.isoformat(),
                            "days": str(days)})
    leave.original_ends_on = leave.original_ends_on or old_end
    leave.ends_on, leave.ends_at_noon, leave.days = last_day, False, days
    leave.cancelled_by_id, leave.cancelled_at, leave.cancel_note = actor.id, utcnow(), note.strip()[:500]
    db.session.flush()
    users, text, link, kind = cut_short_notice(leave, actor, note)
    notify(users, text, link, kind=kind)
    leave_released(leave, last_day + timedelta(days=1), old_end)


def history(leave: LeaveRequest) -> list[tuple]:
    """(when, what happened (its audit label), actor id, note) of the request's audit trail, oldest first."""
    rows = db.session.execute(sa.select(AuditEntry.at, AuditEntry.action, AuditEntry.actor_id, AuditEntry.after)
                              .where(AuditEntry.target_type == "LeaveRequest", AuditEntry.target_id == leave.id)
                              .order_by(AuditEntry.at, AuditEntry.id))
    return [(at, AUDIT.actions.get(action, action), actor_id, (after or {}).get("note", "")) for at, action, actor_id, after in rows]
