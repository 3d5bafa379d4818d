"""Loading what the rules need about a roster, in a fixed, small number of queries."""
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp.blueprints.roster.rules import (
    SUSPENSION_SPAN,
    AbsenceSpan,
    Assignment,
    ContextShift,
    RosterFacts,
    RuleSettings,
    ShiftSpec,
    StaffFacts,
)
from hrapp.blueprints.roster.services.staffing import known_counts, remember_counts
from hrapp.extensions import db
from hrapp.models import (
    CompanyHoliday,
    DayKind,
    DayOffRequest,
    DayOffStatus,
    DisciplinaryMeasure,
    EmploymentStatus,
    LeaveRequest,
    LeaveStatus,
    LeaveType,
    Measure,
    Position,
    Roster,
    RosterCell,
    RosterDemand,
    RosterMember,
    RosterRuleSettings,
    RosterStatus,
    ShiftKind,
    ShiftType,
    StaffMember,
)

CONTEXT_DAYS_BEFORE = 7  # enough for rest, consecutive days and a week's hours across the boundary


def spec_of(shift: ShiftType) -> ShiftSpec:
    """The rules' view of a shift type."""
    return ShiftSpec(shift.code, shift.start_time, shift.end_time, shift.break_minutes, shift.is_night,
                     shift.counts_as_workday, shift.kind.value)


def rule_settings() -> RuleSettings:
    """The company's roster rule settings (the defaults while none are stored)."""
    row = db.session.scalar(sa.select(RosterRuleSettings).limit(1))
    if row is None:
        return RuleSettings()
    return RuleSettings(row.min_rest_minutes, row.max_consecutive_days, row.max_weekly_minutes,
                        row.comprehensive_hours, frozenset(row.soft_rules or ()))


def period_days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def demand_for(department_id: int, first: date, last: date) -> dict[tuple[date, str], int]:
    """(day, shift code) -> people required: the weekday default, replaced by a figure for that date."""
    return shift_types_and_demand(department_id, first, last)[1]


def demand_within(first: date, last: date) -> sa.ColumnElement[bool]:
    """SQL condition on RosterDemand: the rows that can set demand between `first` and `last` (the weekday
    defaults, and the figures dated within); `demand_table` turns them into (day, code) -> required."""
    return sa.or_(RosterDemand.on_date.is_(None), RosterDemand.on_date.between(first, last))


def shift_types_and_demand(department_id: int, first: date, last: date
                           ) -> tuple[list[ShiftType], dict[tuple[date, str], int]]:
    """The department's shift types (in display order) and its demand between `first` and `last`: one query,
    the types outer-joined to their weekday and dated demand rows."""
    rows = db.session.execute(
        sa.select(ShiftType, RosterDemand)
        .outerjoin(RosterDemand, sa.and_(
            RosterDemand.shift_type_id == ShiftType.id, RosterDemand.department_id == department_id,
            demand_within(first, last)))
        .where(ShiftType.department_id == department_id)
        .order_by(ShiftType.sort_order, ShiftType.code, RosterDemand.id)).all()
    shift_types = list(dict.fromkeys(shift for shift, _ in rows))
    return shift_types, demand_table([d for _, d in rows if d is not None], shift_types, first, last)


def demand_table(rows: list[RosterDemand], shift_types: list[ShiftType], first: date, last: date
                 ) -> dict[tuple[date, str], int]:
    """(day, code) -> required from weekday defaults and dated figures (a dated figure wins)."""
    codes = {s.id: s.code for s in shift_types}
    weekly = {(r.weekday, codes[r.shift_type_id]): r.required for r in rows if r.weekday is not None}
    dated = {(r.on_date, codes[r.shift_type_id]): r.required for r in rows if r.on_date is not None}
    out: dict[tuple[date, str], int] = {}
    for day in period_days(first, last):
        for code in codes.values():
            value = dated.get((day, code), weekly.get((day.weekday(), code)))
            if value:
                out[(day, code)] = value
    return out


def holiday_overrides(first: date, last: date) -> dict[date, CompanyHoliday]:
    """The company calendar's entries between `first` and `last`."""
    rows = db.session.scalars(sa.select(CompanyHoliday).where(CompanyHoliday.day.between(first, last)))
    return {row.day: row for row in rows}


def staff_facts(staff: StaffMember) -> StaffFacts:
    """Hire date, last day and suspension start of a staff record."""
    suspended = None
    if staff.status == EmploymentStatus.SUSPENDED:
        suspended = staff.status_since_on or date.min
    return StaffFacts(staff.id, staff.hire_on, staff.left_on, suspended)


@dataclass
class RosterData:
    """A roster with everything around it: shift types, cells, rows (staff) and the facts for the rules."""

    roster: Roster
    shift_types: list[ShiftType]
    cells: list  # RosterCell objects, or CellRow tuples when loaded read-only
    staff: list[StaffMember]
    facts: RosterFacts
    holidays: dict[date, CompanyHoliday]
    wishes: frozenset[tuple[int, date]] = frozenset()  # requested days off (staff id, day) in the period
    by_code: dict[str, ShiftType] = field(default_factory=dict)
    cell_at: dict[tuple[int, date], RosterCell] = field(default_factory=dict)
    code_of: dict[int, str] = field(default_factory=dict)
    column_counts: dict[tuple[date, str], int] | None = None  # the whole roster's, when only a page is loaded

    def __post_init__(self) -> None:
        self.by_code = {s.code: s for s in self.shift_types}
        self.code_of = {s.id: s.code for s in self.shift_types}
        self.cell_at = {(c.staff_id, c.day): c for c in self.cells}

    @property
    def days(self) -> list[date]:
        return period_days(self.roster.starts_on, self.roster.ends_on)

    @property
    def staff_ids(self) -> set[int]:
        return {s.id for s in self.staff}

    def assignments(self) -> list[Assignment]:
        return [Assignment(c.staff_id, c.day, self.code_of[c.shift_type_id]) for c in self.cells]

    def code_at(self, staff_id: int, day: date) -> str | None:
        cell = self.cell_at.get((staff_id, day))
        return None if cell is None else self.code_of[cell.shift_type_id]

    def rest_type(self) -> ShiftType | None:
        """The department's (first active) rest marker."""
        return next((s for s in self.shift_types if s.kind == ShiftKind.REST and s.is_active), None)


def employed_clause(roster: Roster):
    """The department's people employed during the roster's period."""
    return sa.and_(StaffMember.department_id == roster.department_id, StaffMember.hire_on <= roster.ends_on,
                   sa.or_(StaffMember.left_on.is_(None), StaffMember.left_on >= roster.starts_on))


def roster_staff_clause(roster: Roster, extra_staff_ids=()):
    """Rows of a roster: a draft's are the department's people employed during the period, a published one's
    those on it at publication (or added by the head since); then anyone with a cell in it (someone lent by
    another department), and `extra_staff_ids` (about to get a cell)."""
    if roster.status == RosterStatus.DRAFT:
        employed = employed_clause(roster)
    else:
        employed = StaffMember.id.in_(sa.select(RosterMember.staff_id).where(RosterMember.roster_id == roster.id))
    # EXISTS rather than IN (subquery): one index look-up per person, not a set of every cell's staff id
    with_cells = sa.exists().where(RosterCell.roster_id == roster.id, RosterCell.staff_id == StaffMember.id)
    extra = StaffMember.id.in_(list(extra_staff_ids)) if extra_staff_ids else sa.false()
    return sa.or_(employed, with_cells, extra)


class CellRow(NamedTuple):
    """A roster cell read for display or checking only (plain tuple attributes are quick to read)."""

    id: int
    staff_id: int
    day: date
    shift_type_id: int
    is_fixed: bool
    version_id: int


# The day and flag as the database driver gives them (SQLite: an ISO string and 0/1; PostgreSQL: a date and a
# bool): SQLAlchemy's per-row converters were a third of reading a page's 1,550 cells. `cell_rows` converts.
CELL_COLUMNS = (RosterCell.id, RosterCell.staff_id, sa.type_coerce(RosterCell.day, sa.String), RosterCell.shift_type_id,
                sa.type_coerce(RosterCell.is_fixed, sa.Integer), RosterCell.version_id)


def cell_rows(rows) -> list[CellRow]:
    """CellRow tuples from rows of CELL_COLUMNS (each day's date made once: a month has 31)."""
    days: dict = {}
    out = []
    for cell_id, staff_id, day, type_id, fixed, version in rows:
        found = days.get(day)
        if found is None:
            found = days[day] = day if isinstance(day, date) else date.fromisoformat(day)
        out.append(CellRow(cell_id, staff_id, found, type_id, bool(fixed), version))
    return out


def load_roster_data(roster: Roster, extra_staff_ids=(), writable: bool = True, page=None) -> RosterData:
    """Everything the rules, the grid, generation and the editing services need about `roster`: 7 queries.

    `extra_staff_ids` adds people from other departments as rows (before they have a cell here). `page`
    (`Person` rows of `roster_people` or `people_with_ids`: a page of a large grid, the people a cell save
    touches) are the only rows: their cells and facts are loaded, with the whole roster's `column_counts`.
    With `writable` False the cells are `CellRow` tuples with the same attributes (id, staff_id, day,
    shift_type_id, is_fixed, version_id): several times cheaper to load, for read-only callers.
    """
    first, last = roster.starts_on, roster.ends_on
    shift_types, demand = shift_types_and_demand(roster.department_id, first, last)
    counts = None
    if page is not None:
        staff = list(page)
        cells, counts = cells_and_column_counts(roster, [s.id for s in staff], writable)
    else:
        if writable:
            cells = list(db.session.scalars(sa.select(RosterCell).where(RosterCell.roster_id == roster.id)))
        else:
            cells = cell_rows(db.session.execute(sa.select(*CELL_COLUMNS).where(RosterCell.roster_id == roster.id)).all())
        staff = list(db.session.scalars(sa.select(StaffMember).options(joinedload(StaffMember.position))
                                        .where(roster_staff_clause(roster, extra_staff_ids))
                                        .order_by(StaffMember.staff_number)))
    ids = [s.id for s in staff]
    absences, wishes = people_calendar(ids, first, last)
    holidays = holiday_overrides(first, last)
    facts = RosterFacts(
        first, last, {s.code: spec_of(s) for s in shift_types}, rule_settings(), roster.department_id,
        demand, {s.id: staff_facts(s) for s in staff},
        absences,
        context_shifts(ids, first - timedelta(days=CONTEXT_DAYS_BEFORE), last + timedelta(days=1), roster.id))
    data = RosterData(roster, shift_types, cells, staff, facts, holidays, wishes)
    if counts is not None:
        data.column_counts = {(day, data.code_of[t]): n for (day, t), n in counts.items() if t in data.code_of}
    return data


class Person(NamedTuple):
    """A row of a roster read without its ORM object: what the grid shows and the rules need of a person."""

    id: int
    staff_number: str
    name: str
    position: str
    hire_on: date
    left_on: date | None
    status: EmploymentStatus
    status_since_on: date | None

    @property
    def staff_id(self) -> int:
        return self.id


PERSON_COLUMNS = (StaffMember.id, StaffMember.staff_number, StaffMember.name_zh, StaffMember.name_en,
                  Position.name, StaffMember.hire_on, StaffMember.left_on, StaffMember.status,
                  StaffMember.status_since_on)


def _people(where) -> tuple[Person, ...]:
    rows = db.session.execute(sa.select(*PERSON_COLUMNS).outerjoin(Position, Position.id == StaffMember.position_id)
                              .where(where).order_by(StaffMember.staff_number)).all()
    return tuple(Person(i, number, f"{zh} ({en})" if en else zh, position or "", *rest)
                 for i, number, zh, en, position, *rest in rows)


def roster_people(roster: Roster) -> tuple[Person, ...]:
    """Every row of `roster` by staff number, as light tuples: one query, cheap even for hundreds of people."""
    return _people(roster_staff_clause(roster))


def people_with_ids(staff_ids) -> tuple[Person, ...]:
    """The people with these ids (any department: a cell makes someone lent a row of the roster)."""
    return _people(StaffMember.id.in_(list(staff_ids)))


COUNTED = -1  # the staff id marking a (day, shift type) count in `cells_and_column_counts`' union


def cells_and_column_counts(roster: Roster, staff_ids: list[int], writable: bool = False
                            ) -> tuple[list, dict[tuple[date, int], int]]:
    """The cells of `staff_ids` in the roster (RosterCell objects if `writable`, else CellRow tuples), and how
    many people each (day, shift type id) has in the whole roster.

    The counts are the process's for the roster's current state if it has them (`staffing`); otherwise they
    come with a read-only page's cells in one query (a UNION ALL of the cells and the database's counts), or
    from a second query next to the writable cells'.
    """
    mine = sa.and_(RosterCell.roster_id == roster.id, RosterCell.staff_id.in_(staff_ids))
    counted = known_counts(roster)
    if writable:
        cells = list(db.session.scalars(sa.select(RosterCell).where(mine)))
        if counted is None:
            counted = {(d, t): n for d, t, n in db.session.execute(
                sa.select(RosterCell.day, RosterCell.shift_type_id, sa.func.count())
                .where(RosterCell.roster_id == roster.id).group_by(RosterCell.day, RosterCell.shift_type_id))}
            remember_counts(roster, counted)
        return cells, counted
    if counted is not None:
        return cell_rows(db.session.execute(sa.select(*CELL_COLUMNS).where(mine)).all()), counted
    cells = sa.select(*CELL_COLUMNS).where(mine)
    counts = (sa.select(sa.literal(0), sa.literal(COUNTED), RosterCell.day, RosterCell.shift_type_id,
                        sa.literal(False), sa.func.count())
              .where(RosterCell.roster_id == roster.id).group_by(RosterCell.day, RosterCell.shift_type_id))
    own, counted = [], {}
    for row in db.session.execute(sa.union_all(cells, counts)).all():
        if row[1] == COUNTED:
            day = row[2]
            counted[(day if isinstance(day, date) else date.fromisoformat(day), row[3])] = row[5]
        else:
            own.append(row)
    own = cell_rows(own)
    remember_counts(roster, counted)
    return own, counted


WISH = "day_off_request"  # the kind of a requested day off in `people_calendar`'s query


def people_calendar(staff_ids: list[int], first: date, last: date
                    ) -> tuple[tuple[AbsenceSpan, ...], frozenset[tuple[int, date]]]:
    """The people's approved leave and unpaid suspensions overlapping the period and their requested days off
    in it: one query (a UNION ALL of the three tables), as the rules' absence spans and (staff id, day) wishes."""
    absences = sa.select(LeaveRequest.staff_id, LeaveRequest.starts_on, LeaveRequest.ends_on,
                         LeaveType.code.label("kind")).join(LeaveType, LeaveType.id == LeaveRequest.leave_type_id).where(
        LeaveRequest.staff_id.in_(staff_ids), LeaveRequest.status == LeaveStatus.APPROVED,
        LeaveRequest.starts_on <= last, LeaveRequest.ends_on >= first)
    wishes = sa.select(DayOffRequest.staff_id, DayOffRequest.day, DayOffRequest.day,
                       sa.literal(WISH, sa.String)).where(
        DayOffRequest.staff_id.in_(staff_ids), DayOffRequest.day.between(first, last),
        DayOffRequest.status == DayOffStatus.REQUESTED)
    # Unpaid suspensions recorded as conduct measures (not revoked): spans the rules refuse as SUSPENDED.
    suspensions = sa.select(DisciplinaryMeasure.staff_id, DisciplinaryMeasure.starts_on,
                            sa.func.coalesce(DisciplinaryMeasure.ends_on, last),
                            sa.literal(SUSPENSION_SPAN, sa.String)).where(
        DisciplinaryMeasure.staff_id.in_(staff_ids), DisciplinaryMeasure.kind == Measure.UNPAID_SUSPENSION,
        DisciplinaryMeasure.revoked_at.is_(None), DisciplinaryMeasure.starts_on <= last,
        sa.or_(DisciplinaryMeasure.ends_on.is_(None), DisciplinaryMeasure.ends_on >= first))
    spans, wished = [], set()
    for staff_id, starts_on, ends_on, kind in db.session.execute(sa.union_all(absences, wishes, suspensions)):
        if kind == WISH:
            wished.add((staff_id, starts_on))
        else:
            spans.append(AbsenceSpan(staff_id, starts_on, ends_on, kind))
    return tuple(spans), frozenset(wished)


SPEC_COLUMNS = (ShiftType.id, ShiftType.code, ShiftType.start_time, ShiftType.end_time, ShiftType.break_minutes,
                ShiftType.is_night, ShiftType.counts_as_workday, ShiftType.kind)


def context_shifts(staff_ids, first: date, last: date, exclude_roster_id: int | None) -> tuple[ContextShift, ...]:
    """The people's cells in other rosters between `first` and `last` (earlier periods, other departments)."""
    rows = db.session.execute(
        sa.select(RosterCell.staff_id, RosterCell.day, Roster.department_id, *SPEC_COLUMNS)
        .join(ShiftType, ShiftType.id == RosterCell.shift_type_id).join(Roster, Roster.id == RosterCell.roster_id)
        .where(RosterCell.staff_id.in_(list(staff_ids)), RosterCell.day.between(first, last),
               RosterCell.roster_id != (exclude_roster_id or -1)))
    specs: dict[int, ShiftSpec] = {}  # one spec per shift type, so its cached figures are shared
    out = []
    for staff_id, day, department_id, type_id, code, start, end, brk, night, counts, kind in rows:
        spec = specs.get(type_id)
        if spec is None:
            spec = specs[type_id] = ShiftSpec(code, start, end, brk, night, counts, kind.value)
        out.append(ContextShift(staff_id, day, spec, department_id))
    return tuple(out)


def day_kinds(holidays: dict[date, CompanyHoliday]) -> dict[date, str]:
    """date -> DayKind value, for the pure calendar helpers."""
    return {d: h.kind.value for d, h in holidays.items() if h.kind != DayKind.NORMAL}
