"""The roster grid as plain data for the UI: rows of people, columns of days, totals and live breaches."""
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import NamedTuple

from hrapp.blueprints.roster.rules import (
    Breach,
    ColumnTotal,
    RowTotals,
    check_roster,
    column_totals,
    day_kind,
    row_totals,
)
from hrapp.blueprints.roster.services.calendar_years import CalendarWarning, period_warning
from hrapp.blueprints.roster.services.facts import Person, RosterData, day_kinds, load_roster_data, roster_people
from hrapp.models import Roster

PER_PAGE = 50  # rows per page of a large roster's grid


@dataclass(frozen=True)
class RowQuery:
    """Which rows of a roster the grid loads: those whose staff number or name contains `text`, page `page`
    (from 1) of `per_page`; with `staff_id`, that person's row only (a staff member viewing their own)."""

    text: str = ""
    page: int = 1
    per_page: int = PER_PAGE
    staff_id: int | None = None


@dataclass(frozen=True)
class RowPaging:
    """The page shown: `matching` rows match `text` over `pages` pages; `people` are all the roster's rows."""

    text: str
    page: int
    pages: int
    matching: int
    people: tuple[Person, ...]


@dataclass(frozen=True)
class GridShiftType:
    id: int
    code: str
    name: str
    name_en: str
    kind: str
    start: time | None
    end: time | None
    colour: str
    is_night: bool
    is_active: bool


@dataclass(frozen=True)
class GridDay:
    """A column: `kind` is "holiday" (public holiday), "workday" (调休上班) or "normal"."""

    day: date
    kind: str
    holiday_name: str
    is_weekend: bool


class GridCell(NamedTuple):
    """`version` goes back in CellEdit.expected_version (an empty cell has none: send 0).

    A named tuple rather than a frozen dataclass: a month's grid builds thousands, and tuples are built
    several times faster.
    """

    code: str
    version: int
    is_fixed: bool = False


@dataclass(frozen=True)
class GridRow:
    staff_id: int
    staff_number: str
    name: str
    position: str
    cells: Mapping[date, GridCell]
    totals: RowTotals


@dataclass(frozen=True)
class RosterGrid:
    """Everything the roster page shows. `columns` maps (day, work code) to assigned/required;
    `cell_breaches` maps (staff_id, day) and `column_breaches` (day, code) to their breaches."""

    roster_id: int
    department_id: int
    status: str
    version: int
    starts_on: date
    ends_on: date
    shift_types: tuple[GridShiftType, ...]
    days: tuple[GridDay, ...]
    rows: tuple[GridRow, ...]
    columns: Mapping[tuple[date, str], ColumnTotal]
    breaches: tuple[Breach, ...]
    cell_breaches: Mapping[tuple[int, date], tuple[Breach, ...]]
    column_breaches: Mapping[tuple[date, str], tuple[Breach, ...]]
    wishes: frozenset[tuple[int, date]] = frozenset()  # requested days off (staff id, day)
    calendar_warning: CalendarWarning | None = None  # holidays of a provisional or unknown year
    paging: RowPaging | None = None  # a page of the rows (the totals and coverage are the whole roster's)

    @property
    def hard_breach_count(self) -> int:
        return sum(1 for b in self.breaches if b.is_hard)


def person_matches(person: Person, text: str) -> bool:
    """True if `text` (any case) is part of the person's staff number or name; an empty text matches all."""
    needle = text.strip().casefold()
    return needle in person.staff_number.casefold() or needle in person.name.casefold()


def page_of(people: tuple[Person, ...], query: RowQuery) -> tuple[RowPaging, list[Person]]:
    """The rows matching `query.text`, and the page of them asked for (clamped to the pages there are)."""
    text = query.text.strip()
    matching = [p for p in people if person_matches(p, text)] if text else people
    pages = max(1, -(-len(matching) // query.per_page))
    page = min(max(query.page, 1), pages)
    shown = list(matching[(page - 1) * query.per_page:page * query.per_page])
    return RowPaging(text, page, pages, len(matching), people), shown


def roster_grid(roster: Roster, rows: RowQuery | None = None) -> RosterGrid:
    """Load the grid of `roster` with totals and the live rule check: every row (7 queries whatever its size),
    or with `rows` one page of them or one person's (7 queries too, and work in proportion to the page): the
    rows' cells, totals and breaches, with the coverage and understaffing over the whole roster."""
    if rows is None:
        return _grid(roster, load_roster_data(roster, writable=False), None)
    people = roster_people(roster)
    if rows.staff_id is not None:
        paging, page = None, [p for p in people if p.id == rows.staff_id]
    else:
        paging, page = page_of(people, rows)
    return _grid(roster, load_roster_data(roster, writable=False, page=page), paging)


def _grid(roster: Roster, data: RosterData, paging: RowPaging | None) -> RosterGrid:
    cells, counts = data.assignments(), data.column_counts
    kinds = day_kinds(data.holidays)
    days = tuple(GridDay(d, day_kind(d, kinds), data.holidays[d].name if d in kinds else "", d.weekday() >= 5)
                 for d in data.days)
    totals = row_totals(cells, data.facts.shifts)
    row_cells: dict[int, dict[date, GridCell]] = defaultdict(dict)
    code_of = data.code_of
    for c in data.cells:
        row_cells[c.staff_id][c.day] = GridCell(code_of[c.shift_type_id], c.version_id, c.is_fixed)
    rows = tuple(GridRow(s.id, s.staff_number, *_name_and_position(s), row_cells.get(s.id, {}),
                         totals.get(s.id, RowTotals())) for s in data.staff)
    breaches = tuple(check_roster(cells, data.facts, counts))
    per_cell, per_column = defaultdict(list), defaultdict(list)
    for b in breaches:
        if b.staff_id is None:
            per_column[(b.day, b.shift_code)].append(b)
        else:
            per_cell[(b.staff_id, b.day)].append(b)
    types = tuple(GridShiftType(t.id, t.code, t.name, t.name_en, t.kind.value, t.start_time, t.end_time, t.colour,
                                t.is_night, t.is_active) for t in data.shift_types)
    return RosterGrid(roster.id, roster.department_id, roster.status.value, roster.version_id, roster.starts_on,
                      roster.ends_on, types, days, rows,
                      column_totals(cells, data.facts.shifts, data.days, data.facts.demand, counts), breaches,
                      {k: tuple(v) for k, v in per_cell.items()}, {k: tuple(v) for k, v in per_column.items()},
                      data.wishes, period_warning(data.days, data.holidays), paging)


def _name_and_position(staff) -> tuple[str, str]:
    """A row's name and position, from a `Person` or a StaffMember."""
    if isinstance(staff, Person):
        return staff.name, staff.position
    return staff.display_name, staff.position.name if staff.position else ""
