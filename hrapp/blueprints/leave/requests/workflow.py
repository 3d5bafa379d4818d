"""The leave request's declared steps, on the shared workflow mechanism (hrapp.core.workflow).

pending -> approved (a head of the person's department, or HR) | awaiting_hr (a head approves a type that
needs HR too) ; awaiting_hr -> approved (HR) ; pending / awaiting_hr -> rejected (the deciders, with a reason) |
withdrawn (the person) ; approved -> cancelled (before it starts: the person, their heads or HR) ; approved ->
approved, cut short (after it started: their heads or HR; `original_ends_on` kept). HR also records leave as
approved directly (services.record_leave). The services that take the steps (re-checking the balance, marking
the roster) live in steps.py; whom each step tells is declared here.
"""
import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.leave.access import can_approve_leave_of, can_manage_leave
from hrapp.company import company_today
from hrapp.core.approvers import approvers_for, hr_users
from hrapp.core.workflow import Transition, Workflow
from hrapp.extensions import db
from hrapp.models import LeaveRequest, User
from hrapp.models import LeaveStatus as S
from hrapp.permissions import is_self

LEAVE_KIND = "leave_request"  # the notification kind


def is_person(user, leave: LeaveRequest) -> bool:
    """The person the leave is for (withdraw, cancel their own)."""
    return getattr(user, "is_active", False) and is_self(user, leave.staff)


def may_decide(user, leave: LeaveRequest) -> bool:
    """The decision waiting now: the heads (or HR) while pending, HR once the head approved; never one's own."""
    if leave.status == S.AWAITING_HR:
        return can_manage_leave(user) and not is_self(user, leave.staff)
    return can_approve_leave_of(user, leave.staff)


def may_approve_fully(user, leave: LeaveRequest) -> bool:
    """The decision that ends in approved: HR, or a head when the type needs no HR approval."""
    return may_decide(user, leave) and (can_manage_leave(user) or not leave.leave_type.needs_hr_approval)


def may_forward(user, leave: LeaveRequest) -> bool:
    """A head (not HR) approving a type that needs HR too: it goes on to HR."""
    return may_decide(user, leave) and leave.leave_type.needs_hr_approval and not can_manage_leave(user)


def may_cancel(user, leave: LeaveRequest) -> bool:
    """Cancel approved leave before its first day: the person, their heads, HR."""
    return leave.starts_on > company_today() and (is_person(user, leave) or can_approve_leave_of(user, leave.staff))


def may_cut_short(user, leave: LeaveRequest) -> bool:
    """End approved leave early once it has started (there is a later day to give back): their heads, HR."""
    return leave.starts_on <= company_today() < leave.ends_on and can_approve_leave_of(user, leave.staff)


def leave_link(leave: LeaveRequest) -> str:
    return f"/leave/requests/{leave.id}"


def person_users(leave: LeaveRequest) -> list[User]:
    """The person's own enabled account(s)."""
    return list(db.session.scalars(sa.select(User).where(User.is_enabled.is_(True),
                                                         User.staff_id == leave.staff_id).order_by(User.id)))


def _what(leave: LeaveRequest) -> dict:
    return {"name": leave.staff.display_name, "type": leave.leave_type.name, "first": leave.starts_on.isoformat(),
            "last": leave.ends_on.isoformat(), "days": leave.days}


def to_approvers(leave: LeaveRequest, actor, note):  # noqa: ARG001
    """A new request: the approvers (heads up the tree, else HR)."""
    users = [u for u in approvers_for(leave.staff) if u.staff_id != leave.staff_id]
    return (users, lambda: _("%(name)s asks for %(type)s from %(first)s to %(last)s (%(days)s days).",
                             **_what(leave)), leave_link(leave), LEAVE_KIND)


def _to_person(text):
    def notifier(leave, actor, note):  # noqa: ARG001
        return (person_users(leave), lambda: text(leave, note), leave_link(leave), LEAVE_KIND)
    return notifier


def _to_hr(leave, actor, note):  # noqa: ARG001
    return ([u for u in hr_users() if u.staff_id != leave.staff_id],
            lambda: _("%(name)s's %(type)s from %(first)s to %(last)s waits for HR's approval.", **_what(leave)),
            leave_link(leave), LEAVE_KIND)


def _to_person_and_approvers(text):
    def notifier(leave, actor, note):
        users = {u.id: u for u in person_users(leave) + approvers_for(leave.staff) if u.id != actor.id}
        return (list(users.values()), lambda: text(leave, note), leave_link(leave), LEAVE_KIND)
    return notifier


_approved = _to_person(lambda leave, note: _("Your %(type)s from %(first)s to %(last)s was approved.",
                                             **_what(leave)))
_rejected = _to_person(lambda leave, note: _("Your %(type)s from %(first)s to %(last)s was rejected: %(reason)s",
                                             reason=note, **_what(leave)))
_withdrawn = _to_person_and_approvers(lambda leave, note: _("%(name)s withdrew the request for %(type)s from "
                                                            "%(first)s to %(last)s.", **_what(leave)))
_cancelled = _to_person_and_approvers(lambda leave, note: _("%(name)s's %(type)s from %(first)s to %(last)s was "
                                                            "cancelled.", **_what(leave)))
cut_short_notice = _to_person_and_approvers(lambda leave, note: _("%(name)s's %(type)s was cut short: it now ends on "
                                                            "%(last)s.", **_what(leave)))

DECIDABLE = frozenset({S.PENDING, S.AWAITING_HR})
APPROVE = "leave_requests.approve_request"

LEAVE_WORKFLOW = Workflow(
    name="leave_request",
    url_args=lambda leave: {"request_id": leave.id},
    audit_label=lambda leave: f"{leave.staff.staff_number} {leave.starts_on.isoformat()}",
    transitions=(
        Transition("approve", frozenset({S.PENDING}), S.APPROVED, may_approve_fully, _l("Approve"),
                   endpoint=APPROVE, notify=_approved, style="success"),
        Transition("forward", frozenset({S.PENDING}), S.AWAITING_HR, may_forward, _l("Approve"),
                   endpoint=APPROVE, notify=_to_hr, style="success"),
        Transition("hr_approve", frozenset({S.AWAITING_HR}), S.APPROVED, may_approve_fully, _l("Approve"),
                   endpoint=APPROVE, notify=_approved, style="success"),
        Transition("reject", DECIDABLE, S.REJECTED, may_decide, _l("Reject"),
                   endpoint="leave_requests.reject_request", note_required=True, notify=_rejected,
                   style="outline-danger"),
        Transition("withdraw", DECIDABLE, S.WITHDRAWN, is_person, _l("Withdraw"),
                   endpoint="leave_requests.withdraw_request", notify=_withdrawn,
                   confirm=_l("Withdraw this request?")),
        Transition("cancel", frozenset({S.APPROVED}), S.CANCELLED, may_cancel, _l("Cancel the leave"),
                   endpoint="leave_requests.cancel_request", notify=_cancelled, style="outline-danger",
                   confirm=_l("Cancel this approved leave?")),
        Transition("cut_short", frozenset({S.APPROVED}), S.APPROVED, may_cut_short, _l("Cut short"),
                   endpoint="leave_requests.cut_short_request", style="outline-warning"),  # steps.cut_short tells
    ),
)
APPROVALS = ("approve", "forward", "hr_approve")
