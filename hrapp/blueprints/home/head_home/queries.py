"""What the head's home reads about their departments (department_scope): today's day board, next month's rosters
against demand and the month at a glance, one statement per panel (two for the board, with the attendance
windows, and two for the rosters)."""
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa

from hrapp.blueprints.appraisals.metrics.compute import ATTENDED, LATE
from hrapp.blueprints.attendance.access import day_scope
from hrapp.blueprints.attendance.board.queries import in_window, local_now, punch_span, punch_window
from hrapp.blueprints.attendance.board.rules import board_state
from hrapp.blueprints.attendance.settings import windows_by_shift_type
from hrapp.blueprints.conduct.access import reward_scope, violation_scope
from hrapp.blueprints.conduct.ledger.queries import OPEN_STATES, reward_on_ledger, violation_on_ledger
from hrapp.blueprints.roster.queries import VISIBLE
from hrapp.blueprints.roster.services.facts import demand_table, demand_within
from hrapp.core.periods import Period
from hrapp.extensions import db
from hrapp.models import (
    AttendanceDay,
    DayStatus,
    Department,
    Punch,
    Reward,
    Roster,
    RosterCell,
    RosterDemand,
    ShiftType,
    StaffMember,
    Violation,
)
from hrapp.naming import display_name
from hrapp.permissions import department_scope

from .rules import Gap, MonthFigures, StateGroup, board_groups, roster_gaps, roster_state


def _value(enum_or_text) -> str:
    return getattr(enum_or_text, "value", enum_or_text)


def day_board(user, day: date) -> list[StateGroup]:
    """Who is rostered on `day` in the user's departments (published rosters) grouped by where they stand, as the
    attendance board reads it: the reconciled day when there is one, else the cell and the punches so far within
    the shift's own check-in/check-out windows (`punch_window`). One statement (the cells with their punches of
    the board's `punch_span`) and the windows' one."""
    start, end = punch_span(day)
    rows = db.session.execute(
        sa.select(RosterCell.id, StaffMember.name_zh.label("name"), StaffMember.name_en, ShiftType.id.label("shift"),
                  ShiftType.kind, ShiftType.start_time, ShiftType.end_time, AttendanceDay.status,
                  AttendanceDay.late_minutes, Punch.punched_at)
        .select_from(RosterCell)
        .join(Roster, Roster.id == RosterCell.roster_id).join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
        .join(StaffMember, StaffMember.id == RosterCell.staff_id)
        .outerjoin(AttendanceDay, sa.and_(AttendanceDay.staff_id == RosterCell.staff_id, AttendanceDay.day == day))
        .outerjoin(Punch, sa.and_(Punch.staff_id == RosterCell.staff_id, Punch.excluded_at.is_(None),
                                  Punch.punched_at >= start, Punch.punched_at < end))
        .where(RosterCell.day == day, Roster.status.in_(VISIBLE), Roster.department_id.in_(department_scope(user)))
        .order_by(ShiftType.start_time, StaffMember.staff_number, RosterCell.id)).all()
    windows = windows_by_shift_type()
    shift_windows: dict[int, tuple[datetime, datetime]] = {}
    cells: dict[int, tuple] = {}
    for row in rows:  # one row per cell and punch of the span
        if row.shift not in shift_windows:
            shift_windows[row.shift] = punch_window(day, row.start_time, row.end_time,
                                                    windows.get(row.shift, windows[None]))
        seen, punches = cells.get(row.id, (row, 0))
        own = row.punched_at is not None and in_window(shift_windows[row.shift], row.punched_at)
        cells[row.id] = (seen, punches + own)
    now = local_now()
    return board_groups(
        (board_state(_value(row.status) if row.status is not None else None, _value(row.kind), punches,
                     _starts(day, row.start_time), now, row.late_minutes or 0), display_name(row))
        for row, punches in cells.values())


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


def next_month_rosters(user, month: Period) -> list[DepartmentMonth]:
    """Every department the user heads (sub-departments included) with `month`'s rosters' state and the
    (day, shift) columns staffed below the department's demand (the roster module's demand table and rule).
    Two statements: the rosters with their cells counted per day and shift, and the demand."""
    first, last = month.bounds
    scope = department_scope(user)
    rows = db.session.execute(
        sa.select(Department.id.label("department_id"), Department.name, Department.name_en,
                  Roster.id.label("roster_id"), Roster.status, RosterCell.day, RosterCell.shift_type_id,
                  sa.func.count().label("number"))  # count(*): the cells' (roster, day, type) index covers it
        .select_from(Department)
        .outerjoin(Roster, sa.and_(Roster.department_id == Department.id, Roster.starts_on <= last,
                                   Roster.ends_on >= first))
        .outerjoin(RosterCell, sa.and_(RosterCell.roster_id == Roster.id, RosterCell.day.between(first, last)))
        .where(Department.id.in_(scope))
        # grouped by the keys alone: names, path and status follow from the primary keys (narrower sort keys)
        .group_by(Department.id, Roster.id, RosterCell.day, RosterCell.shift_type_id)
        .order_by(Department.path, Roster.id)).all()
    demand_rows = db.session.execute(
        sa.select(RosterDemand.department_id, RosterDemand.shift_type_id, RosterDemand.weekday, RosterDemand.on_date,
                  RosterDemand.required, ShiftType.code)
        .join(ShiftType, ShiftType.id == RosterDemand.shift_type_id)
        .where(RosterDemand.department_id.in_(scope), demand_within(first, last))).all()
    demand_of: dict[int, tuple[list, dict]] = {}
    for row in demand_rows:  # rows read like RosterDemand (and ShiftCode like ShiftType) for `demand_table`
        entries, shifts = demand_of.setdefault(row.department_id, ([], {}))
        entries.append(row)
        shifts[row.shift_type_id] = ShiftCode(row.shift_type_id, row.code)
    names, rosters, counts = {}, {}, {}
    for row in rows:
        department_id, _name, _name_en, roster_id, status, day, shift_type_id, number = row
        if department_id not in names:
            names[department_id] = display_name(row)
        department_rosters = rosters.setdefault(department_id, {})
        if roster_id is not None:
            department_rosters[roster_id] = status in VISIBLE
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


def _count(key: str, model, *conditions) -> sa.Select:
    return (sa.select(sa.literal(key, sa.String(24)).label("key"), sa.func.count().label("n"))
            .select_from(model).where(*conditions))


def month_glance(user, month: Period) -> MonthFigures:
    """The departments' month so far: reconciled days by status (read as the appraisal metrics read them: the
    attendance rate and lateness the charts show), the month's violations on the ledger and those still waiting
    for a decision (the ledger's open states), and rewards on the ledger. One statement (a UNION of counts)."""
    scope = department_scope(user)
    days = (sa.select(sa.cast(AttendanceDay.status, sa.String(24)).label("key"), sa.func.count().label("n"))
            .where(AttendanceDay.day.between(month.first, month.last), AttendanceDay.department_id.in_(scope),
                   day_scope(user))
            .group_by(AttendanceDay.status))
    in_scope = (Violation.department_id.in_(scope), violation_scope(user))
    violations = _count("violations", Violation, violation_on_ledger(month.name), *in_scope)
    open_violations = _count("open_violations", Violation, Violation.ledger_month == month.name,
                             Violation.state.in_(OPEN_STATES), *in_scope)
    rewards = _count("rewards", Reward, reward_on_ledger(month.name), Reward.department_id.in_(scope),
                     reward_scope(user))
    counts = {key: int(n) for key, n in db.session.execute(sa.union_all(days, violations, open_violations, rewards))}

    def days_in(statuses) -> int:
        return sum(counts.get(_value(status), 0) for status in statuses)

    return MonthFigures(attended=days_in(ATTENDED), absent=days_in((DayStatus.ABSENT,)),
                        missing_punch=days_in((DayStatus.MISSING_PUNCH,)), late=days_in(LATE),
                        violations=counts.get("violations", 0), open_violations=counts.get("open_violations", 0),
                        rewards=counts.get("rewards", 0))
