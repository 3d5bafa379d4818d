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
from hrapp.blueprints.roster.services.notify import accounts_of, notify_users, roster_link
from hrapp.extensions import db
from hrapp.models import (
    Department,
    Roster,
    RosterStatus,
    ShiftSwap,
    StaffMember,
    SwapStatus,
    User,
    department_heads,
    utcnow,
)


def _swap_changes(data: RosterData, swap: ShiftSwap) -> dict:
    cells = {(c.staff_id, c.day): data.code_of[c.shift_type_id] for c in data.cells}
    return swapped_cells(cells, swap.requester_id, swap.partner_id, {swap.requester_day, swap.partner_day})


def propose_swap(actor, roster: Roster, requester: StaffMember, requester_day: date, partner: StaffMember,
                 partner_day: date, note: str = "") -> ShiftSwap:
    """`requester` offers to exchange what both work on `requester_day` and `partner_day` with `partner`.

    The partner is notified. :raise RosterValidationError: roster not published, same person, someone not on
    the roster, a day outside the period, or nothing would change. :raise PeriodClosed: a day is closed.
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
    db.session.add(swap)
    audit.record(actor, "swap.propose", swap, None, _summary(swap), label=requester.staff_number)
    notify_users(accounts_of([partner.id]), lambda: _("%(name)s asks to swap shifts with you (%(days)s).",
                                                      name=requester.name_zh, days=_days(swap)), _link(swap))
    return swap


def _days(swap: ShiftSwap) -> str:
    days = sorted({swap.requester_day, swap.partner_day})
    return " / ".join(f"{d:%m-%d}" for d in days)


def _link(swap: ShiftSwap) -> str:
    return f"{roster_link(swap.roster)}/swaps/{swap.id}"


def _summary(swap: ShiftSwap) -> dict:
    return {"requester_id": swap.requester_id, "partner_id": swap.partner_id, "status": swap.status.value,
            "requester_day": swap.requester_day.isoformat(), "partner_day": swap.partner_day.isoformat()}


def _move(actor, swap: ShiftSwap, allowed: tuple[SwapStatus, ...], to: SwapStatus, note: str = "") -> None:
    if swap.status not in allowed:
        raise RosterValidationError.of("swap", "swap_state")
    before = swap.status.value
    swap.status = to
    if to in (SwapStatus.APPROVED, SwapStatus.REJECTED):
        swap.decided_by_id, swap.decided_at, swap.decision_note = getattr(actor, "id", None), utcnow(), note[:255]
    audit.record(actor, f"swap.{to.value}", swap, {"status": before}, {"status": to.value, "note": note[:255]})


def accept_swap(actor, swap: ShiftSwap) -> None:
    """The partner agrees; the department's heads are asked to approve. :raise RosterValidationError: not open."""
    _move(actor, swap, (SwapStatus.PROPOSED,), SwapStatus.ACCEPTED)
    swap.accepted_at = utcnow()
    notify_users(heads_of(swap.roster.department), lambda: _("A shift swap (%(days)s) waits for your approval.",
                                                             days=_days(swap)), _link(swap))


def heads_of(department: Department) -> list[User]:
    """Enabled heads of the department or of any department above it (their scope covers it)."""
    ids = [int(part) for part in department.path.strip("/").split("/") if part] or [department.id]
    return list(db.session.scalars(
        sa.select(User).join(department_heads, department_heads.c.user_id == User.id)
        .where(department_heads.c.department_id.in_(ids), User.is_enabled.is_(True)).distinct().order_by(User.id)))


def decline_swap(actor, swap: ShiftSwap, note: str = "") -> None:
    """The partner says no; the requester is told."""
    _move(actor, swap, (SwapStatus.PROPOSED,), SwapStatus.DECLINED, note)
    notify_users(accounts_of([swap.requester_id]), lambda: _("Your swap request (%(days)s) was declined.",
                                                             days=_days(swap)), _link(swap))


def cancel_swap(actor, swap: ShiftSwap) -> None:
    """The requester withdraws a request that is not decided yet."""
    _move(actor, swap, (SwapStatus.PROPOSED, SwapStatus.ACCEPTED), SwapStatus.CANCELLED)


def swap_breaches(swap: ShiftSwap) -> list[Breach]:
    """Hard breaches the swap would add to the roster as it stands now (the recheck the head sees)."""
    data = load_roster_data(swap.roster)
    before = data.assignments()
    cells = {(a.staff_id, a.day): a.shift_code for a in before} | _swap_changes(data, swap)
    known = {b.key for b in check_roster(before, data.facts) if b.is_hard}
    after = [Assignment(s, d, c) for (s, d), c in cells.items() if c is not None]
    return [b for b in check_roster(after, data.facts) if b.is_hard and b.key not in known]


def approve_swap(actor, swap: ShiftSwap, note: str = "", override_reason: str = "") -> int:
    """The head approves an accepted swap: the rules are rechecked on the roster as it is now, then both
    people's cells are exchanged as a tracked change and both are notified. Returns the cells changed.

    :raise RosterValidationError: not accepted, nothing left to swap, roster locked.
    :raise RosterBreachError: the swap adds hard breaches (HR may pass `override_reason`).
    :raise PeriodClosed: one of the days is in a closed period (apply_changes).
    """
    if swap.status != SwapStatus.ACCEPTED:
        raise RosterValidationError.of("swap", "swap_state")
    data = load_roster_data(swap.roster)
    changes = _swap_changes(data, swap)
    if not changes:
        raise RosterValidationError.of("swap", "swap_nothing")
    reason = _("Shift swap #%(id)s", id=swap.id) + (f": {note}" if note else "")
    changed = apply_changes(actor, data, changes, reason, override_reason, fixed=True, swap_id=swap.id)
    _move(actor, swap, (SwapStatus.ACCEPTED,), SwapStatus.APPROVED, note)
    return changed


def reject_swap(actor, swap: ShiftSwap, note: str = "") -> None:
    """The head refuses a swap; both people are told."""
    _move(actor, swap, (SwapStatus.PROPOSED, SwapStatus.ACCEPTED), SwapStatus.REJECTED, note)
    notify_users(accounts_of([swap.requester_id, swap.partner_id]),
                 lambda: _("The shift swap (%(days)s) was not approved.", days=_days(swap)), _link(swap))


def open_swaps(roster: Roster) -> list[ShiftSwap]:
    """Swaps of a roster still waiting for the partner or the head, oldest first."""
    return list(db.session.scalars(sa.select(ShiftSwap).where(
        ShiftSwap.roster_id == roster.id, ShiftSwap.status.in_([SwapStatus.PROPOSED, SwapStatus.ACCEPTED]))
        .order_by(ShiftSwap.created_at, ShiftSwap.id)))
