"""What the head's home reads about their departments (department_scope): today's day board, next month's rosters
against demand and the month at a glance, one statement per panel (two for the rosters)."""
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa

from hrapp.blueprints.attendance.access import day_scope
from hrapp.blueprints.attendance.board.queries import local_now
from hrapp.blueprints.attendance.board.rules import board_state
from hrapp.blueprints.conduct.access import STAFF_VISIBLE_STATES, reward_scope, violation_scope
from hrapp.blueprints.conduct.ledger.queries import reward_on_ledger
from hrapp.blueprints.roster.services.facts import demand_table
from hrapp.company import utc_bounds
from hrapp.extensions import db
from hrapp.models import (
    AttendanceDay,
    Department,
    Punch,
    Reward,
    Roster,
    RosterCell,
    RosterDemand,
    RosterStatus,
    ShiftType,
    StaffMember,
    Violation,
)
from hrapp.permissions import department_scope

from .rules import Gap, MonthFigures, StateGroup, board_groups, month_figures, roster_gaps, roster_state

ON_BOARD = (RosterStatus.PUBLISHED, RosterStatus.LOCKED)  # the day board reads published rosters only
# Violations that count in the month: submitted on, voided ones left out (drafts and proposals are not yet).
COUNTED_VIOLATIONS = tuple(sorted(STAFF_VISIBLE_STATES - {"void"}))


def _value(enum_or_text) -> str:
    return getattr(enum_or_text, "value", enum_or_text)


def day_board(user, day: date) -> list[StateGroup]:
    """Who is rostered on `day` in the user's departments (published rosters) grouped by where they stand, by the
    attendance board's rule (`board_state`): the reconciled day when there is one, else the cell and the punches
    of the local day so far. One statement."""
    start, end = utc_bounds(day)
    punches = (sa.select(sa.func.count(Punch.id))
               .where(Punch.staff_id == RosterCell.staff_id, Punch.excluded_at.is_(None),
                      Punch.punched_at >= start, Punch.punched_at < end)
               .correlate(RosterCell).scalar_subquery())
    rows = db.session.execute(
        sa.select(StaffMember.name_zh, ShiftType.kind, ShiftType.start_time, AttendanceDay.status,
                  AttendanceDay.late_minutes, punches)
        .select_from(RosterCell)
        .join(Roster, Roster.id == RosterCell.roster_id).join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
        .join(StaffMember, StaffMember.id == RosterCell.staff_id)
        .outerjoin(AttendanceDay, sa.and_(AttendanceDay.staff_id == RosterCell.staff_id, AttendanceDay.day == day))
        .where(RosterCell.day == day, Roster.status.in_(ON_BOARD),
               Roster.department_id.in_(department_scope(user)))
        .order_by(ShiftType.start_time, StaffMember.staff_number)).all()
    now = local_now()
    return board_groups(
        (board_state(_value(status) if status is not None else None, _value(kind), punch_count,
                     _starts(day, starts), now, late or 0), name)
        for name, kind, starts, status, late, punch_count in rows)


def _starts(day: date, starts) -> datetime | None:
    return datetime.combine(day, starts) if starts is not None else None


@dataclass(frozen=True)
class ShiftCode:
    """A shift type as the demand table reads it."""

    id: int
    code: str


@dataclass(frozen=True)
class DepartmentMonth:
    """A department's next month: its rosters' state, the first of them (to link) and the gaps against demand."""

    department_id: int
    name: str
    state: str
    roster_id: int | None
    gaps: list[Gap]

    @property
    def missing(self) -> int:
        return sum(gap.missing for gap in self.gaps)


def next_month_rosters(user, first: date, last: date) -> list[DepartmentMonth]:
    """Every department the user heads (sub-departments included) with next month's rosters' state and the
    (day, shift) columns staffed below the department's demand (the roster module's demand table and rule).
    Two statements: the rosters with their cells counted per day and shift, and the demand."""
    scope = department_scope(user)
    rows = db.session.execute(
        sa.select(Department.id, Department.name, Roster.id, Roster.status, RosterCell.day, RosterCell.shift_type_id,
                  sa.func.count())  # count(*): the cells' (roster, day, type) index covers it
        .select_from(Department)
        .outerjoin(Roster, sa.and_(Roster.department_id == Department.id, Roster.starts_on <= last,
                                   Roster.ends_on >= first))
        .outerjoin(RosterCell, sa.and_(RosterCell.roster_id == Roster.id, RosterCell.day.between(first, last)))
        .where(Department.id.in_(scope))
        .group_by(Department.id, Department.name, Department.path, Roster.id, Roster.status, RosterCell.day,
                  RosterCell.shift_type_id)
        .order_by(Department.path, Roster.id)).all()
    demand_rows = db.session.execute(
        sa.select(RosterDemand.department_id, RosterDemand.shift_type_id, RosterDemand.weekday, RosterDemand.on_date,
                  RosterDemand.required, ShiftType.code)
        .join(ShiftType, ShiftType.id == RosterDemand.shift_type_id)
        .where(RosterDemand.department_id.in_(scope),
               sa.or_(RosterDemand.on_date.is_(None), RosterDemand.on_date.between(first, last)))).all()
    demand_of: dict[int, tuple[list, dict]] = {}
    for row in demand_rows:  # rows read like RosterDemand (and ShiftCode like ShiftType) for `demand_table`
        entries, shifts = demand_of.setdefault(row.department_id, ([], {}))
        entries.append(row)
        shifts[row.shift_type_id] = ShiftCode(row.shift_type_id, row.code)
    names, rosters, counts = {}, {}, {}
    for department_id, name, roster_id, status, day, shift_type_id, number in rows:
        names[department_id] = name
        department_rosters = rosters.setdefault(department_id, {})
        if roster_id is not None:
            department_rosters[roster_id] = _value(status)
        shift = demand_of.get(department_id, ([], {}))[1].get(shift_type_id)
        if day is not None and shift is not None:  # a shift without demand has no gaps
            key = (day, shift.code)
            counts.setdefault(department_id, {})[key] = counts.get(department_id, {}).get(key, 0) + number
    out = []
    for department_id, name in names.items():
        entries, shifts = demand_of.get(department_id, ([], {}))
        demand = demand_table(entries, list(shifts.values()), first, last)
        own = rosters[department_id]
        out.append(DepartmentMonth(department_id, name, roster_state(own.values()), min(own, default=None),
                                   roster_gaps(first, last, demand, counts.get(department_id, {}))))
    return out


def month_glance(user, first: date, last: date) -> MonthFigures:
    """The departments' month so far: reconciled days by status (attendance rate, lateness), violations counted
    in the month's ledger and approved rewards. One statement (a UNION of three counts)."""
    month = first.strftime("%Y-%m")
    scope = department_scope(user)
    days = (sa.select(sa.cast(AttendanceDay.status, sa.String(24)).label("key"), sa.func.count().label("n"))
            .where(AttendanceDay.day.between(first, last), AttendanceDay.department_id.in_(scope), day_scope(user))
            .group_by(AttendanceDay.status))
    violations = (sa.select(sa.literal("violations", sa.String(24)).label("key"), sa.func.count().label("n"))
                  .select_from(Violation)
                  .where(Violation.ledger_month == month, Violation.state.in_(COUNTED_VIOLATIONS),
                         Violation.department_id.in_(scope), violation_scope(user)))
    rewards = (sa.select(sa.literal("rewards", sa.String(24)).label("key"), sa.func.count().label("n"))
               .select_from(Reward)
               .where(reward_on_ledger(month),
                      Reward.department_id.in_(scope), reward_scope(user)))
    counts = {key: int(n) for key, n in db.session.execute(sa.union_all(days, violations, rewards))}
    violation_count, reward_count = counts.pop("violations", 0), counts.pop("rewards", 0)
    return month_figures(counts, violation_count, reward_count)
