"""Read-only look-ups the roster pages need besides the services: choice lists, listings, colleagues."""
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp.blueprints.roster.access import can_decide_swap, can_edit_department_rosters
from hrapp.blueprints.roster.services.closing import MODULE_NAME
from hrapp.blueprints.roster.services.facts import roster_staff_clause
from hrapp.extensions import db
from hrapp.models import (
    CalendarFeedToken,
    CompanyHoliday,
    Department,
    PeriodClose,
    Position,
    Roster,
    RosterCell,
    RosterDemand,
    RosterStatus,
    ShiftKind,
    ShiftSwap,
    ShiftType,
    StaffMember,
    SwapStatus,
)
from hrapp.period_close import overlapping_close

VISIBLE = (RosterStatus.PUBLISHED, RosterStatus.LOCKED)


def rosters_of(department_id: int) -> sa.Select:
    """A select of one department's rosters, for the list page (which sorts and pages it)."""
    return sa.select(Roster).where(Roster.department_id == department_id)


def roster_and_close(roster_id: int) -> tuple[Roster, PeriodClose | None] | None:
    """The roster and a closed period overlapping it (None if all open), in one statement; None if no roster."""
    row = db.session.execute(sa.select(Roster, PeriodClose).outerjoin(PeriodClose, overlapping_close(
        MODULE_NAME, Roster.department_id, Roster.starts_on, Roster.ends_on)).where(Roster.id == roster_id)
        .order_by(PeriodClose.starts_on).limit(1)).first()
    return (row[0], row[1]) if row is not None else None


def editable_departments(user) -> list[Department]:
    """Departments whose rosters `user` may edit, in tree order."""
    rows = db.session.scalars(sa.select(Department).order_by(Department.path, Department.code))
    return [d for d in rows if can_edit_department_rosters(user, d)]


def department_staff(department_id: int) -> list[StaffMember]:
    """The department's people who have not left, by staff number."""
    return list(db.session.scalars(sa.select(StaffMember).where(
        StaffMember.department_id == department_id, StaffMember.left_on.is_(None))
        .order_by(StaffMember.staff_number)))


def roster_people(roster) -> list[StaffMember]:
    """A roster's rows: the department's people employed in the period and anyone with a cell in it."""
    return list(db.session.scalars(sa.select(StaffMember).where(roster_staff_clause(roster))
                                   .order_by(StaffMember.staff_number)))


def department_positions(department_id: int) -> list[Position]:
    """The department's positions, by code."""
    return list(db.session.scalars(sa.select(Position).where(Position.department_id == department_id)
                                   .order_by(Position.code)))


def shift_types_of(department_id: int) -> list[ShiftType]:
    """The department's shift types (retired ones too), in grid order."""
    return list(db.session.scalars(sa.select(ShiftType).where(ShiftType.department_id == department_id)
                                   .order_by(ShiftType.sort_order, ShiftType.code)))


def shift_colours() -> list[str]:
    """Every colour a shift type uses (for the generated stylesheet)."""
    return list(db.session.scalars(sa.select(ShiftType.colour).distinct()))


def weekly_demand(department_id: int) -> dict[tuple[int, int], int]:
    """(shift type id, weekday) -> people required."""
    rows = db.session.execute(sa.select(RosterDemand.shift_type_id, RosterDemand.weekday, RosterDemand.required)
                              .where(RosterDemand.department_id == department_id, RosterDemand.weekday.is_not(None)))
    return {(s, w): n for s, w, n in rows}


def dated_demand(department_id: int, since: date) -> list[RosterDemand]:
    """Demand set for single dates from `since` on."""
    return list(db.session.scalars(sa.select(RosterDemand).options(joinedload(RosterDemand.shift_type)).where(
        RosterDemand.department_id == department_id, RosterDemand.on_date >= since)
        .order_by(RosterDemand.on_date, RosterDemand.shift_type_id)))


def holidays_of_year(year: int) -> list[CompanyHoliday]:
    return list(db.session.scalars(sa.select(CompanyHoliday).where(
        CompanyHoliday.day.between(date(year, 1, 1), date(year, 12, 31))).order_by(CompanyHoliday.day)))


def live_feed_token(user) -> CalendarFeedToken | None:
    """The user's calendar token that still works, if any."""
    return db.session.scalar(sa.select(CalendarFeedToken).where(
        CalendarFeedToken.user_id == user.id, CalendarFeedToken.revoked_at.is_(None))
        .order_by(CalendarFeedToken.id.desc()).limit(1))


def staff_names(staff_ids) -> dict[int, str]:
    """staff id -> "number name"."""
    ids = list(set(staff_ids))
    if not ids:
        return {}
    rows = db.session.execute(sa.select(StaffMember.id, StaffMember.staff_number, StaffMember.name_zh)
                              .where(StaffMember.id.in_(ids)))
    return {i: f"{number} {name}" for i, number, name in rows}


def roster_statuses(roster_ids) -> dict[int, RosterStatus]:
    ids = list(set(roster_ids))
    if not ids:
        return {}
    return dict(db.session.execute(sa.select(Roster.id, Roster.status).where(Roster.id.in_(ids))).all())


def colleagues_on_shifts(staff_id: int, department_id: int, first: date, last: date) -> dict[tuple, list[str]]:
    """(day, shift code) -> names of the others working that shift in the person's own department's
    published rosters (no one from other departments is shown)."""
    rows = db.session.execute(
        sa.select(RosterCell.day, ShiftType.code, StaffMember.name_zh)
        .join(Roster, Roster.id == RosterCell.roster_id).join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
        .join(StaffMember, StaffMember.id == RosterCell.staff_id)
        .where(Roster.department_id == department_id, Roster.status.in_(VISIBLE),
               RosterCell.day.between(first, last), RosterCell.staff_id != staff_id,
               ShiftType.kind == ShiftKind.WORK)
        .order_by(RosterCell.day, StaffMember.staff_number))
    out: dict[tuple, list[str]] = defaultdict(list)
    for day, code, name in rows:
        out[(day, code)].append(name)
    return dict(out)


def swap_partners(department_ids, exclude_staff_id: int) -> list[StaffMember]:
    """Possible partners of a swap: current people of these departments, the requester excluded."""
    ids = list(set(department_ids))
    if not ids:
        return []
    return list(db.session.scalars(sa.select(StaffMember).where(
        StaffMember.department_id.in_(ids), StaffMember.left_on.is_(None), StaffMember.id != exclude_staff_id)
        .order_by(StaffMember.staff_number)))


def swaps_of(staff_id: int, limit: int = 30) -> list[ShiftSwap]:
    """Swaps the person asked for or was asked for, newest first."""
    return list(db.session.scalars(sa.select(ShiftSwap).where(
        sa.or_(ShiftSwap.requester_id == staff_id, ShiftSwap.partner_id == staff_id))
        .order_by(ShiftSwap.created_at.desc(), ShiftSwap.id.desc()).limit(limit)))


def swaps_to_decide(user) -> list[ShiftSwap]:
    """Accepted swaps waiting for `user`'s approval (rosters they may edit), oldest first."""
    rows = db.session.scalars(sa.select(ShiftSwap).options(joinedload(ShiftSwap.roster))
                              .where(ShiftSwap.status == SwapStatus.ACCEPTED)
                              .order_by(ShiftSwap.created_at, ShiftSwap.id))
    return [s for s in rows if can_decide_swap(user, s)]


def swap_cells(swap: ShiftSwap) -> dict[tuple[int, date], str]:
    """What the two people of a swap work on its days: (staff id, day) -> shift code."""
    rows = db.session.execute(
        sa.select(RosterCell.staff_id, RosterCell.day, ShiftType.code)
        .join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
        .where(RosterCell.roster_id == swap.roster_id,
               RosterCell.staff_id.in_([swap.requester_id, swap.partner_id]),
               RosterCell.day.in_([swap.requester_day, swap.partner_day])))
    return {(s, d): code for s, d, code in rows}


@dataclass(frozen=True)
class DepartmentRosters:
    """A department's roster covering today and the one after it (None: not started yet, a gap)."""

    department: Department
    current: Roster | None
    following: Roster | None

    @property
    def gaps(self) -> int:
        return (self.current is None) + (self.following is None)


def roster_overview(departments: list[Department], today: date) -> list[DepartmentRosters]:
    """For each department, the roster covering `today` and the next one (the one covering the day after it,
    else the first of next month): one query for all of them."""
    ids = [d.id for d in departments]
    rows = db.session.scalars(sa.select(Roster).where(
        Roster.department_id.in_(ids), Roster.ends_on >= today, Roster.starts_on <= today + timedelta(days=70))
        .order_by(Roster.starts_on)) if ids else []
    by_department: dict[int, list[Roster]] = {}
    for roster in rows:
        by_department.setdefault(roster.department_id, []).append(roster)
    next_month = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    out = []
    for department in departments:
        rosters = by_department.get(department.id, [])
        current = next((r for r in rosters if r.starts_on <= today <= r.ends_on), None)
        after = current.ends_on + timedelta(days=1) if current else next_month
        following = next((r for r in rosters if r.starts_on <= after <= r.ends_on), None)
        out.append(DepartmentRosters(department, current, following))
    return out
