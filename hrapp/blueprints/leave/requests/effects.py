"""What approved leave does outside itself: the roster cells of its days become the department's leave marker
(假) through the roster's own services, compensatory rest re-accrues the rest-owed ledger, and attendance
re-reads the days (`leave_changed`). Cancelled or cut-short leave puts nothing back by itself: the heads are told
which cells to re-plan. Never commits.
"""
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp.blueprints.leave.signals import leave_changed
from hrapp.blueprints.roster.services import (
    CellEdit,
    RosterBreachError,
    RosterValidationError,
    StaleRosterError,
    accrue_rest_owed,
    set_cells,
)
from hrapp.core.approvers import approvers_for
from hrapp.extensions import db
from hrapp.models import (
    LeaveBalanceKind,
    LeaveRequest,
    Roster,
    RosterCell,
    RosterStatus,
    ShiftKind,
    ShiftType,
)
from hrapp.notifications import notify
from hrapp.period_close import PeriodClosed

from . import rules
from .days import day_counter
from .workflow import LEAVE_KIND, leave_link

WRITABLE = (RosterStatus.DRAFT, RosterStatus.PUBLISHED)


def shape_of(leave: LeaveRequest) -> rules.RequestShape:
    return rules.RequestShape(leave.starts_on, leave.ends_on, leave.starts_afternoon, leave.ends_at_noon)


def rosters_touching(staff_id: int, department_id: int, first: date, last: date,
                     statuses=WRITABLE) -> list[Roster]:
    """Rosters in `statuses` overlapping the days: the person's department's, and any holding their cells."""
    holding = sa.select(RosterCell.roster_id).where(RosterCell.staff_id == staff_id,
                                                    RosterCell.day.between(first, last))
    return list(db.session.scalars(sa.select(Roster).where(
        Roster.status.in_(statuses), Roster.starts_on <= last, Roster.ends_on >= first,
        sa.or_(Roster.department_id == department_id, Roster.id.in_(holding))).order_by(Roster.starts_on)))


def _leave_code(department_id: int) -> str | None:
    return db.session.scalar(sa.select(ShiftType.code).where(
        ShiftType.department_id == department_id, ShiftType.kind == ShiftKind.LEAVE,
        ShiftType.is_active.is_(True)).order_by(ShiftType.id).limit(1))


def _cell_kinds(roster: Roster, staff_id: int) -> dict[date, str]:
    rows = db.session.execute(sa.select(RosterCell.day, ShiftType.kind)
                              .join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
                              .where(RosterCell.roster_id == roster.id, RosterCell.staff_id == staff_id))
    return {day: kind.value for day, kind in rows}


def _edits(roster: Roster, leave: LeaveRequest, days: list[date], code: str) -> list[CellEdit]:
    """Cells to turn into the marker: working shifts (and, in the person's own department, empty days); rest
    days and cells already marked stay."""
    kinds, home = _cell_kinds(roster, leave.staff_id), roster.department_id == leave.staff.department_id
    return [CellEdit(leave.staff_id, day, code) for day in days
            if roster.starts_on <= day <= roster.ends_on and kinds.get(day) not in (rules.REST, rules.LEAVE)
            and (home or day in kinds)]


def mark_roster(actor, leave: LeaveRequest) -> list[Roster]:
    """Turn the leave's days into the leave marker in the draft and published rosters (a published roster's
    change is recorded with its reason and told like any change); returns the rosters that refused the change
    (locked period, a breach only HR may override...), whose heads are told to re-plan by hand."""
    counts = day_counter(leave.staff, leave.leave_type, leave.starts_on, leave.ends_on)
    days = rules.marked_days(shape_of(leave), counts)
    refused = []
    for roster in rosters_touching(leave.staff_id, leave.staff.department_id, leave.starts_on, leave.ends_on):
        code = _leave_code(roster.department_id)
        edits = _edits(roster, leave, days, code) if code else []
        if not edits:
            continue
        try:
            with db.session.begin_nested():
                set_cells(actor, roster, edits, reason=_("Approved leave"), fixed=True)
        except (RosterValidationError, RosterBreachError, StaleRosterError, PeriodClosed):
            refused.append(roster)
    if refused:
        _tell_heads(leave, lambda: _("%(name)s's approved leave from %(first)s to %(last)s could not be marked in "
                                     "the roster of %(periods)s: re-plan those days by hand.",
                                     name=leave.staff.display_name, first=leave.starts_on.isoformat(),
                                     last=leave.ends_on.isoformat(),
                                     periods=", ".join(r.starts_on.isoformat() for r in refused)))
    return refused


def _tell_heads(leave: LeaveRequest, text) -> None:
    users = [u for u in approvers_for(leave.staff) if u.staff_id != leave.staff_id]
    notify(users, text, leave_link(leave), kind=LEAVE_KIND)


def _accrue(leave: LeaveRequest, first: date, last: date) -> None:
    if leave.leave_type.balance_kind != LeaveBalanceKind.REST_OWED:
        return
    for roster in rosters_touching(leave.staff_id, leave.staff.department_id, first, last,
                                   (RosterStatus.PUBLISHED, RosterStatus.LOCKED)):
        accrue_rest_owed(roster, [leave.staff_id])


def leave_approved(actor, leave: LeaveRequest) -> None:
    """Everything approved leave sets off: the marker in the rosters, rest owed, attendance."""
    mark_roster(actor, leave)
    _accrue(leave, leave.starts_on, leave.ends_on)
    leave_changed.send(None, staff_id=leave.staff_id, first=leave.starts_on, last=leave.ends_on)


def leave_released(leave: LeaveRequest, first: date, last: date) -> list[date]:
    """Days `first`..`last` are no longer leave (cancelled, or cut short): the heads are told which marked cells
    to re-plan, rest owed re-accrues, attendance re-reads the days. Returns the marked days told."""
    marked = sorted(db.session.scalars(
        sa.select(RosterCell.day).join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
        .join(Roster, Roster.id == RosterCell.roster_id)
        .where(RosterCell.staff_id == leave.staff_id, RosterCell.day.between(first, last),
               ShiftType.kind == ShiftKind.LEAVE, Roster.status.in_(WRITABLE))).unique())
    if marked:
        _tell_heads(leave, lambda: _("%(name)s's leave no longer covers %(days)s: the roster still shows leave "
                                     "there; re-plan those days.", name=leave.staff.display_name,
                                     days=", ".join(d.isoformat() for d in marked)))
    _accrue(leave, first, last)
    leave_changed.send(None, staff_id=leave.staff_id, first=first, last=last)
    return marked
