"""The monthly attendance sheet (月度考勤表) of one department: who, a mark per day, the totals — one plain
structure the page, the XLSX, the signed PDF and the payroll export all read.

Loaded set-based (five queries whatever the department's size, six with someone on comprehensive hours): the people, their reconciled days in the
department, their approved leave there overlapping the month, the month's public holidays, their rest owed at
its end. A person belongs to the sheet when they have a cell on the department's published (or locked) roster,
a reconciled day there, or approved leave there in the month.
"""
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

import sqlalchemy as sa

from hrapp.blueprints.attendance.labels import MARKS
from hrapp.blueprints.attendance.reconcile.rules import period_overtime_minutes
from hrapp.blueprints.roster.services.rest_owed import rest_owed_balances
from hrapp.extensions import db
from hrapp.models import (
    AttendanceDay,
    CompanyHoliday,
    DayStatus,
    Department,
    LeaveRequest,
    LeaveStatus,
    LeaveType,
    Position,
    Roster,
    RosterCell,
    RosterStatus,
    ShiftKind,
    ShiftType,
    StaffMember,
)
from hrapp.models.shift import DayKind

from . import rules

COUNTED_ROSTERS = (RosterStatus.PUBLISHED, RosterStatus.LOCKED)
LEAVE_MARK = MARKS[DayStatus.LEAVE]


@dataclass(frozen=True)
class SheetCell:
    """One person-day: its mark (√ 迟 早 旷 假 休 加 缺, "" for nothing), the reconciled status (a DayStatus value,
    "" when there is no day) and, on leave, the leave type's name."""

    mark: str = ""
    status: str = ""
    leave_name: str = ""


@dataclass(frozen=True)
class SheetLeaveType:
    code: str
    name: str
    name_en: str
    paid: bool


@dataclass(frozen=True)
class SheetRow:
    staff_id: int
    staff_number: str
    name: str
    name_en: str
    cells: tuple[SheetCell, ...]  # one per day of the month
    totals: rules.SheetTotals


@dataclass(frozen=True)
class Sheet:
    """A department's month: its days (with the public holidays), the leave types that occur, one row each."""

    department_id: int
    department_code: str
    department_name: str
    department_name_en: str
    first: date
    last: date
    days: tuple[date, ...]
    holidays: frozenset[date]
    leave_types: tuple[SheetLeaveType, ...]
    rows: tuple[SheetRow, ...]

    @property
    def month(self) -> str:
        return self.first.strftime("%Y-%m")


def _people(department_id: int, first: date, last: date) -> list:
    rostered = (sa.select(RosterCell.staff_id).join(Roster, Roster.id == RosterCell.roster_id)
                .where(Roster.department_id == department_id, Roster.status.in_(COUNTED_ROSTERS),
                       RosterCell.day.between(first, last)))
    reconciled = sa.select(AttendanceDay.staff_id).where(AttendanceDay.department_id == department_id,
                                                         AttendanceDay.day.between(first, last))
    on_leave = sa.select(LeaveRequest.staff_id).where(
        LeaveRequest.department_id == department_id, LeaveRequest.status == LeaveStatus.APPROVED,
        LeaveRequest.starts_on <= last, LeaveRequest.ends_on >= first)
    ids = sa.union(rostered, reconciled, on_leave).subquery()
    return db.session.execute(
        sa.select(StaffMember.id, StaffMember.staff_number, StaffMember.name_zh, StaffMember.name_en,
                  sa.func.coalesce(Position.comprehensive_hours, False).label("comprehensive"))
        .outerjoin(Position, Position.id == StaffMember.position_id)
        .where(StaffMember.id.in_(sa.select(ids.c[0]))).order_by(StaffMember.staff_number)).all()


def _days(department_id: int, first: date, last: date) -> dict[int, dict[date, tuple]]:
    out: dict[int, dict[date, tuple]] = defaultdict(dict)
    # Core and the status as text: a department's month is thousands of rows
    for sid, day, status, late, early, overtime, worked, scheduled in db.session.connection().execute(
            sa.select(AttendanceDay.staff_id, AttendanceDay.day, sa.cast(AttendanceDay.status, sa.String),
                      AttendanceDay.late_minutes, AttendanceDay.early_minutes,
                      # overtime counts once approved (or where the company needs no approval: approved as read)
                      sa.case((AttendanceDay.overtime_approved.is_(True), AttendanceDay.overtime_minutes), else_=0),
                      AttendanceDay.worked_minutes, AttendanceDay.shift_type_id)
            .where(AttendanceDay.department_id == department_id, AttendanceDay.day.between(first, last))):
        out[sid][day] = (status, late, early, overtime, worked, scheduled)
    return out


def _scheduled_minutes(days: dict) -> dict[int, int]:
    """Shift type id -> the minutes a shift of it asks for (its span less its break), for the types the days
    use (one query): comprehensive working hours measure the month's work against them."""
    ids = {d[5] for person in days.values() for d in person.values() if d[5] is not None}
    if not ids:
        return {}
    found = {}
    for type_id, kind, start, end, pause in db.session.execute(sa.select(
            ShiftType.id, ShiftType.kind, ShiftType.start_time, ShiftType.end_time, ShiftType.break_minutes)
            .where(ShiftType.id.in_(ids))):
        if kind == ShiftKind.WORK and start and end:
            span = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
            found[type_id] = (span if span > 0 else span + 24 * 60) - (pause or 0)
    return found


def _leave(department_id: int, first: date, last: date, days, holidays) -> tuple[dict, dict[str, SheetLeaveType]]:
    """(staff id -> day -> (type code, days)), and the types that occur by code."""
    on: dict[int, dict[date, tuple[str, Decimal]]] = defaultdict(dict)
    types: dict[str, SheetLeaveType] = {}
    rows = db.session.execute(
        sa.select(LeaveRequest.staff_id, LeaveRequest.starts_on, LeaveRequest.ends_on,
                  LeaveRequest.starts_afternoon, LeaveRequest.ends_at_noon, LeaveType.code, LeaveType.name,
                  LeaveType.name_en, LeaveType.paid, LeaveType.counts_calendar_days)
        .join(LeaveType, LeaveType.id == LeaveRequest.leave_type_id)
        .where(LeaveRequest.department_id == department_id, LeaveRequest.status == LeaveStatus.APPROVED,
               LeaveRequest.starts_on <= last, LeaveRequest.ends_on >= first)
        .order_by(LeaveRequest.starts_on))
    for sid, starts, ends, afternoon, noon, code, name, name_en, paid, calendar in rows:
        mine = days.get(sid, {})

        def counts(day, calendar=calendar, mine=mine):
            return rules.leave_counts(mine.get(day, ("",))[0], calendar, day in holidays)

        for day, part in rules.leave_in_month(starts, ends, afternoon, noon, first, last, counts).items():
            on[sid][day] = (code, part)
        types[code] = SheetLeaveType(code, name, name_en, paid)
    return on, types


def _holidays(first: date, last: date) -> frozenset[date]:
    """The statutory public holidays of the month (a rest day moved by 调休 is not one)."""
    return frozenset(db.session.scalars(sa.select(CompanyHoliday.day).where(
        CompanyHoliday.day.between(first, last), CompanyHoliday.kind == DayKind.HOLIDAY,
        CompanyHoliday.in_lieu.is_(False))))


@lru_cache(maxsize=512)
def _cell(status: str, leave_name: str) -> SheetCell:
    """The cell of a status (and leave type): few distinct ones, shared by every row."""
    if leave_name:
        return SheetCell(LEAVE_MARK, status, leave_name)
    return SheetCell(MARKS.get(DayStatus(status), "") if status else "", status)


def _row(person, month: list[date], days: dict, leave: dict, types: dict, holidays, owed,
         scheduled: dict[int, int]) -> SheetRow:
    cells, figures, leave_days = [], [], defaultdict(Decimal)
    for day in month:
        reconciled, on_leave = days.get(day), leave.get(day)
        status = reconciled[0] if reconciled else ""
        if on_leave:
            leave_days[on_leave[0]] += on_leave[1]
        cells.append(_cell(status, types[on_leave[0]].name if on_leave else ""))
        if reconciled:
            figures.append(rules.DayFigures(status, reconciled[1], reconciled[2], reconciled[3],
                                            rules.overtime_kind(status, day in holidays)))
    if person.comprehensive:  # 综合计算工时制: the month's hours beyond its shifts' are its overtime
        worked = [d[4] for d in days.values()]
        planned = [scheduled.get(d[5], 0) for d in days.values() if d[0] != "leave"]
        figures.append(rules.DayFigures("", overtime_minutes=period_overtime_minutes(worked, planned)))
    totals = rules.sheet_totals(figures, leave_days, owed)
    return SheetRow(person.id, person.staff_number, person.name_zh, person.name_en, tuple(cells), totals)


def build_sheet(department: Department, first: date) -> Sheet:
    """The sheet of `department` (itself, not its sub-departments: each signs its own) for the month starting
    on `first` (five queries)."""
    last = rules.month_end(first)
    month = rules.month_days(first)
    people = _people(department.id, first, last)
    ids = [p.id for p in people]
    days = _days(department.id, first, last) if ids else {}
    holidays = _holidays(first, last)
    leave, types = _leave(department.id, first, last, days, holidays) if ids else ({}, {})
    owed = rest_owed_balances(ids, last) if ids else {}
    scheduled = _scheduled_minutes(days) if any(p.comprehensive for p in people) else {}
    rows = tuple(_row(p, month, days.get(p.id, {}), leave.get(p.id, {}), types, holidays, owed.get(p.id, rules.ZERO),
                      scheduled)
                 for p in people)
    return Sheet(department.id, department.code, department.name, department.name_en, first, last, tuple(month),
                 holidays, tuple(sorted(types.values(), key=lambda t: t.code)), rows)
