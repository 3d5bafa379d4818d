"""Shift swaps: a person proposes, the colleague accepts, the head approves after a rule recheck."""
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp import audit
from hrapp.blueprints.roster.rules import Assignment, Breach, check_roster, swapped_cells
from hrapp.blueprints.roster.services.changes import apply_changes
from hrapp.blueprints.roster.services.closing import ensure_roster_open
from hrapp.blueprints.roster.services.facts import RosterData, load_roster_data
from hrapp.blueprints.roster.services.messages import RosterValidationError
from hrapp.blueprints.roster.services.notify import accounts_of, notify_users
from hrapp.blueprints.roster.workflow import SWAP_WORKFLOW, swap_days, swap_link
from hrapp.core import workflow
from hrapp.extensions import db
from hrapp.models import (
    Roster,
    RosterStatus,
    ShiftSwap,
    StaffMember,
    SwapStatus,
    utcnow,
)


def _swap_changes(data: RosterData, swap: ShiftSwap) -> dict:
    cells = {(c.staff_id, c.day): data.code_of[c.shift_type_id] for c in data.cells}
    return swapped_cells(cells, swap.requester_id, swap.partner_id, {swap.requester_day, swap.partner_day})


def propose_swap(actor, roster: Roster, requester: StaffMember, requester_day: date, partner: StaffMember,
                 partner_day: date, note: str = "") -> ShiftSwap:
    """`requester` offers to exchange what both work on `requester_day` and `partner_day` with `partner`.

    The partner is notified. :raise RosterValidationError: roster not published, same person, someone not on
    the roster, a day outside the period, nothing would change, or the same swap is already open (also when
    the database refuses a second one racing this: ShiftSwap.open_key). :raise PeriodClosed: a day is closed.
    """
    if roster.status != RosterStatus.PUBLISHED:
        raise RosterValidationError.of("roster", "swap_not_published")
    if requester.id == partner.id:
        raise RosterValidationError.of("partner", "swap_same_person")
    data = load_roster_data(roster)
    if not {requester.id, partner.id} <= data.staff_ids:
        raise RosterValidationError.of("partner", "unknown_staff")
    for day in (requester_day, partner_day):
        if not roster.starts_on <= day <= roster.ends_on:
            raise RosterValidationError.of("day", "outside_period")
    ensure_roster_open(roster, (requester_day, partner_day))
    swap = ShiftSwap(roster_id=roster.id, requester_id=requester.id, partner_id=partner.id,
                     requester_day=requester_day, partner_day=partner_day, note=note.strip()[:255],
                     status=SwapStatus.PROPOSED)
    if not _swap_changes(data, swap):
        raise RosterValidationError.of("partner", "swap_nothing")
    if db.session.scalar(sa.select(ShiftSwap.id).where(ShiftSwap.open_key == swap.open_key_value())):
        raise RosterValidationError.of("partner", "swap_duplicate")
    db.session.add(swap)
    audit.record(actor, "swap.propose", swap, None, _summary(swap), label=requester.staff_number)
    notify_users(accounts_of([partner.id]), lambda: _("%(name)s asks to swap shifts with you (%(days)s).",
                                                      name=requester.name_zh, days=swap_days(swap)), swap_link(swap))
    return swap


def _summary(swap: ShiftSwap) -> dict:
    return {"requester_id": swap.requester_id, "partner_id": swap.partner_id, "status": swap.status.value,
            "requester_day": swap.requester_day.isoformat(), "partner_day": swap.partner_day.isoformat()}


def _version(swap: ShiftSwap, expected_version: int | None) -> int:
    """Callers that load and act at once (CLI, demo) pass None: the version they hold."""
    return swap.version_id if expected_version is None else expected_version


def _decided(actor, swap: ShiftSwap, note: str) -> None:
    swap.decided_by_id, swap.decided_at, swap.decision_note = getattr(actor, "id", None), utcnow(), note.strip()[:255]


def accept_swap(actor, swap: ShiftSwap, expected_version: int | None = None) -> None:
    """The partner agrees; the approvers of the roster's department are asked to approve.

    :raise TransitionRefused: not proposed. :raise TransitionForbidden: not the partner. :raise StaleRecord.
    """
    workflow.apply(SWAP_WORKFLOW, swap, "accept", actor, _version(swap, expected_version))
    swap.accepted_at = utcnow()


def decline_swap(actor, swap: ShiftSwap, note: str = "", expected_version: int | None = None) -> None:
    """The partner says no; the requester is told. Raises as `accept_swap`."""
    workflow.apply(SWAP_WORKFLOW, swap, "decline", actor, _version(swap, expected_version), note)


def cancel_swap(actor, swap: ShiftSwap, expected_version: int | None = None) -> None:
    """The requester withdraws a request that is not decided yet. Raises as `accept_swap`."""
    workflow.apply(SWAP_WORKFLOW, swap, "cancel", actor, _version(swap, expected_version))


def swap_breaches(swap: ShiftSwap) -> list[Breach]:
    """Hard breaches the swap would add to the roster as it stands now (the recheck the head sees)."""
    data = load_roster_data(swap.roster)
    before = data.assignments()
    cells = {(a.staff_id, a.day): a.shift_code for a in before} | _swap_changes(data, swap)
    known = {b.key for b in check_roster(before, data.facts) if b.is_hard}
    after = [Assignment(s, d, c) for (s, d), c in cells.items() if c is not None]
    return [b for b in check_roster(after, data.facts) if b.is_hard and b.key not in known]


def approve_swap(actor, swap: ShiftSwap, note: str = "", override_reason: str = "",
                 expected_version: int | None = None) -> int:
    """A head (or HR) approves an accepted swap: the rules are rechecked on the roster as it is now, then both
    people's cells are exchanged as a tracked change and both are notified. Returns the cells changed.

    :raise TransitionRefused: not accepted. :raise TransitionForbidden: not a head of the roster or HR.
    :raise StaleRecord: the swap changed since `expected_version`.
    :raise RosterValidationError: nothing left to swap, roster locked.
    :raise RosterBreachError: the swap adds hard breaches (HR may pass `override_reason`).
    :raise PeriodClosed: one of the days is in a closed period (apply_changes).
    """
    version = _version(swap, expected_version)
    workflow.check(SWAP_WORKFLOW, swap, "approve", actor, version, note)
    data = load_roster_data(swap.roster)
    changes = _swap_changes(data, swap)
    if not changes:
        raise RosterValidationError.of("swap", "swap_nothing")
    # The step first: a second approval racing this one waits on the swap's row and then matches nothing
    # (StaleRecord) before it touches a cell, so the two never lock cells in opposite orders.
    workflow.apply(SWAP_WORKFLOW, swap, "approve", actor, version, note)
    reason = _("Shift swap #%(id)s", id=swap.id) + (f": {note}" if note else "")
    changed = apply_changes(actor, data, changes, reason, override_reason, fixed=True, swap_id=swap.id)
    _decided(actor, swap, note)
    return changed


def reject_swap(actor, swap: ShiftSwap, note: str = "", expected_version: int | None = None) -> None:
    """A head (or HR) refuses an open swap; both people are told. Raises as `accept_swap`."""
    workflow.apply(SWAP_WORKFLOW, swap, "reject", actor, _version(swap, expected_version), note)
    _decided(actor, swap, note)


def open_swaps(roster: Roster) -> list[ShiftSwap]:
    """Swaps of a roster still waiting for the partner or the head, oldest first."""
    return list(db.session.scalars(sa.select(ShiftSwap).where(
        ShiftSwap.roster_id == roster.id, ShiftSwap.status.in_([SwapStatus.PROPOSED, SwapStatus.ACCEPTED]))
        .order_by(ShiftSwap.created_at, ShiftSwap.id)))
