"""The working calendar a request is counted on: the person's published roster where it has cells, the company's
working calendar elsewhere (roster's holidays and adjusted working days). Reads only; never commits."""
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from hrapp.blueprints.roster.rules import is_company_workday
from hrapp.blueprints.roster.services.facts import day_kinds, holiday_overrides
from hrapp.extensions import db
from hrapp.models import LeaveType, Roster, RosterCell, RosterStatus, ShiftType, StaffMember

from . import rules

PUBLISHED = (RosterStatus.PUBLISHED, RosterStatus.LOCKED)


def roster_kinds(staff_id: int, first: date, last: date) -> dict[date, str]:
    """date -> the shift kind ("work", "rest", "leave") of the person's cells in published rosters."""
    rows = db.session.execute(
        sa.select(RosterCell.day, ShiftType.kind).join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
        .join(Roster, Roster.id == RosterCell.roster_id)
        .where(RosterCell.staff_id == staff_id, RosterCell.day.between(first, last), Roster.status.in_(PUBLISHED)))
    return {day: kind.value for day, kind in rows}


def company_calendar(first: date, last: date) -> Callable[[date], bool]:
    """day -> whether the company works that day (Monday-Friday, holidays and adjusted days applied)."""
    kinds = day_kinds(holiday_overrides(first, last))
    return lambda day: is_company_workday(day, kinds)


def terms_of(leave_type: LeaveType) -> rules.TypeTerms:
    return rules.TypeTerms(leave_type.half_days, leave_type.counts_calendar_days,
                           None if leave_type.max_days is None else Decimal(leave_type.max_days),
                           None if leave_type.note_after_days is None else Decimal(leave_type.note_after_days))


def day_counter(staff: StaffMember, leave_type: LeaveType, first: date, last: date) -> Callable[[date], bool]:
    """day -> whether it uses leave of `leave_type` for `staff` (see rules.day_counts)."""
    if leave_type.counts_calendar_days:
        return lambda day: True
    kinds, workday = roster_kinds(staff.id, first, last), company_calendar(first, last)
    return lambda day: rules.day_counts(kinds.get(day), workday(day))


def count_request(staff: StaffMember, leave_type: LeaveType, shape: rules.RequestShape) -> Decimal:
    """The days `shape` uses for `staff` on `leave_type` (see rules.requested_days)."""
    if shape.ends_on < shape.starts_on:
        return Decimal(0)
    kinds = {} if leave_type.counts_calendar_days else roster_kinds(staff.id, shape.starts_on, shape.ends_on)
    return rules.requested_days(shape, terms_of(leave_type), kinds,
                                company_calendar(shape.starts_on, shape.ends_on))
