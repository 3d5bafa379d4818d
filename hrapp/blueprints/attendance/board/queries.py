"""What the board pages read, each in a fixed, small number of queries whatever the department's size."""
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from flask_babel import get_timezone
from sqlalchemy.orm import joinedload

from hrapp.blueprints.attendance.access import day_scope
from hrapp.blueprints.attendance.settings import Windows, windows_by_shift_type
from hrapp.company import utc_bounds
from hrapp.extensions import db
from hrapp.models import (
    AttendanceDay,
    DayStatus,
    Department,
    Punch,
    Roster,
    RosterCell,
    RosterStatus,
    ShiftType,
    StaffMember,
)

from .rules import BOARD_STATES, DayFigures, Totals, board_state, month_totals

PAGE_SIZE = 50


def local_now() -> datetime:
    """Now in the company's zone, naive."""
    return datetime.now(get_timezone()).replace(tzinfo=None)


def subtree_ids(department: Department) -> sa.Select:
    """The ids of `department` and its sub-departments."""
    return sa.select(Department.id).where(Department.path.startswith(department.path))


def punch_span(day: date) -> tuple[datetime, datetime]:
    """The naive UTC span whose punches may belong to a shift on `day`: a night shift's check-out falls on the
    next day, an early shift's check-in may be the evening before. Read it, then keep each shift's own with
    `punch_window` (the day board and the head's home both do)."""
    return utc_bounds(day - timedelta(days=1), day + timedelta(days=1))


def punch_window(day: date, start_time: time | None, end_time: time | None, windows: Windows
                 ) -> tuple[datetime, datetime]:
    """The naive UTC span [first, last) whose punches belong to a shift of these times on `day`: from its
    check-in opening to its check-out closing (a shift ending at or before its start ends the next day); the
    local day for a cell without times (rest, leave)."""
    if start_time is None or end_time is None:
        return utc_bounds(day, day)
    zone = get_timezone()
    starts = datetime.combine(day, start_time, zone)
    ends = datetime.combine(day + timedelta(days=1) if end_time <= start_time else day, end_time, zone)
    first = starts - timedelta(minutes=windows.checkin_opens)
    last = ends + timedelta(minutes=windows.checkout_closes)
    return first.astimezone(UTC).replace(tzinfo=None), last.astimezone(UTC).replace(tzinfo=None)


def in_window(window: tuple[datetime, datetime], punched_at: datetime) -> bool:
    """Whether a punch (naive UTC) falls in a shift's `punch_window`."""
    return window[0] <= punched_at < window[1]


@dataclass
class BoardRow:
    staff: StaffMember
    shift: ShiftType
    state: str
    day: AttendanceDay | None
    punches: list[Punch] = field(default_factory=list)


@dataclass
class Board:
    rows: list[BoardRow]
    counts: dict[str, int]


def day_board(department: Department, day: date) -> Board:
    """Who is rostered on `day` in the department (and its sub-departments) on published rosters, with their
    shift, the punches within its windows and their state (four queries)."""
    cells = db.session.execute(
        sa.select(RosterCell, ShiftType, StaffMember)
        .join(Roster, Roster.id == RosterCell.roster_id).join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
        .join(StaffMember, StaffMember.id == RosterCell.staff_id)
        .where(RosterCell.day == day, Roster.status.in_((RosterStatus.PUBLISHED, RosterStatus.LOCKED)),
               Roster.department_id.in_(subtree_ids(department)))
        .order_by(ShiftType.start_time, StaffMember.staff_number)).all()
    ids = [staff.id for _cell, _shift, staff in cells]
    days = {d.staff_id: d for d in db.session.scalars(
        sa.select(AttendanceDay).where(AttendanceDay.staff_id.in_(ids), AttendanceDay.day == day))} if ids else {}
    punches: dict[int, list[Punch]] = {}
    if ids:
        start, end = punch_span(day)
        for punch in db.session.scalars(sa.select(Punch).where(
                Punch.staff_id.in_(ids), Punch.excluded_at.is_(None), Punch.punched_at >= start,
                Punch.punched_at < end).order_by(Punch.punched_at)):
            punches.setdefault(punch.staff_id, []).append(punch)
    windows = windows_by_shift_type()
    now = local_now()
    rows = []
    for _cell, shift, staff in cells:
        reconciled = days.get(staff.id)
        window = punch_window(day, shift.start_time, shift.end_time, windows.get(shift.id, windows[None]))
        own = [p for p in punches.get(staff.id, ()) if in_window(window, p.punched_at)]
        starts_at = datetime.combine(day, shift.start_time) if shift.start_time else None
        state = board_state(reconciled.status.value if reconciled else None, shift.kind.value, len(own), starts_at,
                            now, reconciled.late_minutes if reconciled else 0)
        rows.append(BoardRow(staff, shift, state, reconciled, own))
    counts = {state: sum(1 for r in rows if r.state == state) for state in BOARD_STATES}
    return Board(rows, counts)


@dataclass
class MonthRow:
    staff: StaffMember
    days: dict[date, AttendanceDay]
    totals: Totals


@dataclass
class MonthGrid:
    rows: list[MonthRow]
    total: int
    page: int
    pages: int


def _figures(days) -> list[DayFigures]:
    return [DayFigures(d.status.value, d.late_minutes, d.overtime_minutes) for d in days]


def month_grid(department: Department, first: date, last: date, text: str = "", page: int = 1) -> MonthGrid:
    """The department's people (members now, or with days there in the month) × the month's days, 50 a page,
    filtered by staff number or name (three queries)."""
    in_tree = subtree_ids(department)
    people = sa.select(StaffMember.id).where(sa.or_(
        sa.and_(StaffMember.department_id.in_(in_tree), sa.or_(StaffMember.left_on.is_(None),
                                                              StaffMember.left_on >= first)),
        StaffMember.id.in_(sa.select(AttendanceDay.staff_id).where(
            AttendanceDay.department_id.in_(in_tree), AttendanceDay.day.between(first, last)))))
    if text:
        pattern = f"%{text}%"
        people = people.where(sa.or_(StaffMember.staff_number.ilike(pattern), StaffMember.name_zh.ilike(pattern),
                                     StaffMember.name_en.ilike(pattern)))
    total = db.session.scalar(sa.select(sa.func.count()).select_from(people.subquery())) or 0
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 1), pages)
    staff = db.session.scalars(sa.select(StaffMember).where(StaffMember.id.in_(people))
                               .order_by(StaffMember.staff_number).limit(PAGE_SIZE)
                               .offset((page - 1) * PAGE_SIZE)).all()
    by_staff: dict[int, dict[date, AttendanceDay]] = {s.id: {} for s in staff}
    if staff:
        for d in db.session.scalars(sa.select(AttendanceDay).where(
                AttendanceDay.staff_id.in_(list(by_staff)), AttendanceDay.day.between(first, last))):
            by_staff[d.staff_id][d.day] = d
    rows = [MonthRow(s, by_staff[s.id], month_totals(_figures(by_staff[s.id].values()))) for s in staff]
    return MonthGrid(rows, total, page, pages)


@dataclass
class PersonMonth:
    days: list[AttendanceDay]
    punches: dict[date, list[Punch]]
    totals: Totals


def person_month(staff: StaffMember, first: date, last: date) -> PersonMonth:
    """A person's reconciled days and punches (by local day) in a month (two queries)."""
    days = db.session.scalars(sa.select(AttendanceDay).options(joinedload(AttendanceDay.shift_type))
                              .where(AttendanceDay.staff_id == staff.id, AttendanceDay.day.between(first, last))
                              .order_by(AttendanceDay.day)).all()
    start, end = utc_bounds(first, last)
    zone = get_timezone()
    punches: dict[date, list[Punch]] = {}
    for punch in db.session.scalars(sa.select(Punch).where(
            Punch.staff_id == staff.id, Punch.punched_at >= start, Punch.punched_at < end).order_by(Punch.punched_at)):
        local_day = punch.punched_at.replace(tzinfo=UTC).astimezone(zone).date()
        punches.setdefault(local_day, []).append(punch)
    return PersonMonth(list(days), punches, month_totals(_figures(days)))


@dataclass(frozen=True)
class DepartmentCounts:
    department: Department
    late: int
    absent: int
    missing: int


def overview(user, first: date, last: date) -> list[DepartmentCounts]:
    """Per department (where the days were worked): late, absent and missing-punch days in the month."""
    def count(*statuses):
        return sa.func.sum(sa.case((AttendanceDay.status.in_(statuses), 1), else_=0))

    rows = db.session.execute(
        sa.select(AttendanceDay.department_id, count(DayStatus.LATE, DayStatus.LATE_AND_EARLY),
                  count(DayStatus.ABSENT), count(DayStatus.MISSING_PUNCH))
        .where(AttendanceDay.day.between(first, last), day_scope(user)).group_by(AttendanceDay.department_id)).all()
    figures = {row[0]: row[1:] for row in rows}
    departments = db.session.scalars(sa.select(Department).order_by(Department.path)).all()
    return [DepartmentCounts(d, *(int(n or 0) for n in figures.get(d.id, (0, 0, 0)))) for d in departments]


def unmapped_punch_count() -> int:
    """Punches whose clock id maps to no one."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(Punch).where(Punch.staff_id.is_(None))) or 0
