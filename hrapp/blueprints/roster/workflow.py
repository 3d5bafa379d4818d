"""The roster module's declared transitions, on the shared workflow mechanism (hrapp.core.workflow):
shift swaps and requested days off.

Shift swap: proposed -> accepted (the partner) | declined (the partner) | cancelled (the requester, while
open) | rejected (a head or HR, while open); accepted -> approved (a head or HR, after the rule recheck in
`approve_swap`) | rejected | cancelled. The approvers told of an accepted swap are `department_approvers` of
the roster's department: exactly the heads `can_decide_swap` admits (heads up the tree), else HR.
"""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.roster.access import can_answer_swap, can_cancel_swap, can_decide_swap, can_manage_day_off
from hrapp.blueprints.roster.services.notify import SWAP, accounts_of, roster_link
from hrapp.core.approvers import department_approvers
from hrapp.core.workflow import Transition, Workflow
from hrapp.models import DayOffStatus, ShiftSwap, SwapStatus

OPEN = frozenset({SwapStatus.PROPOSED, SwapStatus.ACCEPTED})


def swap_days(swap: ShiftSwap) -> str:
    """The swap's days as "03-04 / 03-07"."""
    return " / ".join(f"{d:%m-%d}" for d in sorted({swap.requester_day, swap.partner_day}))


def swap_link(swap: ShiftSwap) -> str:
    """Where a swap notification points."""
    return f"{roster_link(swap.roster)}/swaps/{swap.id}"


def _to_approvers(swap, actor, note):  # noqa: ARG001
    return (department_approvers(swap.roster.department),
            lambda: _("A shift swap (%(days)s) waits for your approval.", days=swap_days(swap)), swap_link(swap), SWAP)


def _to_requester(swap, actor, note):  # noqa: ARG001
    return (accounts_of([swap.requester_id]),
            lambda: _("Your swap request (%(days)s) was declined.", days=swap_days(swap)), swap_link(swap), SWAP)


def _to_both(swap, actor, note):  # noqa: ARG001
    return (accounts_of([swap.requester_id, swap.partner_id]),
            lambda: _("The shift swap (%(days)s) was not approved.", days=swap_days(swap)), swap_link(swap), SWAP)


SWAP_WORKFLOW = Workflow(
    name="swap",
    url_args=lambda swap: {"roster_id": swap.roster_id, "swap_id": swap.id},
    audit_label=lambda swap: swap.requester.staff_number if swap.requester else "",
    transitions=(
        Transition("accept", frozenset({SwapStatus.PROPOSED}), SwapStatus.ACCEPTED, can_answer_swap, _l("Accept"),
                   endpoint="roster.accept_swap", notify=_to_approvers, style="success"),
        Transition("decline", frozenset({SwapStatus.PROPOSED}), SwapStatus.DECLINED, can_answer_swap, _l("Decline"),
                   endpoint="roster.decline_swap", notify=_to_requester, style="outline-danger"),
        Transition("approve", frozenset({SwapStatus.ACCEPTED}), SwapStatus.APPROVED, can_decide_swap, _l("Approve"),
                   endpoint="roster.approve_swap", style="success"),
        Transition("reject", OPEN, SwapStatus.REJECTED, can_decide_swap, _l("Reject"),
                   endpoint="roster.reject_swap", notify=_to_both, style="outline-danger"),
        Transition("cancel", OPEN, SwapStatus.CANCELLED, can_cancel_swap, _l("Withdraw my request"),
                   endpoint="roster.cancel_swap", confirm=_l("Withdraw this swap request?")),
    ),
)


# Requested day off: requested -> withdrawn (the person, a head of their department or above, HR; the service
# checks first that the day is ahead and not on a published roster); withdrawn -> requested when it is asked
# for again (the service reopens the row: one row per person and day). Who is told is `notify_day_off`'s
# business (`approvers_for` the person's own wish, the person when someone else acts).
DAY_OFF_WORKFLOW = Workflow(
    name="roster.day_off",
    url_args=lambda wish: {"request_id": wish.id},
    audit_label=lambda wish: f"{wish.staff.staff_number} {wish.day.isoformat()}",
    transitions=(
        Transition("withdraw", frozenset({DayOffStatus.REQUESTED}), DayOffStatus.WITHDRAWN, can_manage_day_off,
                   _l("Withdraw"), endpoint="roster.withdraw_day_off_request", style="outline-danger",
                   confirm=_l("Withdraw this day-off request?")),
        Transition("request", frozenset({DayOffStatus.WITHDRAWN}), DayOffStatus.REQUESTED, can_manage_day_off,
                   _l("Request"), automatic=True),
    ),
)

