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
from hrapp.blueprints.roster.services.facts import day_kinds, load_roster_data
from hrapp.models import Roster


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

    @property
    def hard_breach_count(self) -> int:
        return sum(1 for b in self.breaches if b.is_hard)


def roster_grid(roster: Roster) -> RosterGrid:
    """Load the grid of `roster` (7 queries whatever its size) with totals and the live rule check."""
    data = load_roster_data(roster, writable=False)
    cells = data.assignments()
    kinds = day_kinds(data.holidays)
    days = tuple(GridDay(d, day_kind(d, kinds), data.holidays[d].name if d in kinds else "", d.weekday() >= 5)
                 for d in data.days)
    totals = row_totals(cells, data.facts.shifts)
    row_cells: dict[int, dict[date, GridCell]] = defaultdict(dict)
    code_of = data.code_of
    for c in data.cells:
        row_cells[c.staff_id][c.day] = GridCell(code_of[c.shift_type_id], c.version_id, c.is_fixed)
    rows = tuple(GridRow(s.id, s.staff_number, s.display_name, s.position.name if s.position else "",
                         row_cells.get(s.id, {}), totals.get(s.id, RowTotals()))
                 for s in data.staff)
    breaches = tuple(check_roster(cells, data.facts))
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
                      column_totals(cells, data.facts.shifts, data.days, data.facts.demand), breaches,
                      {k: tuple(v) for k, v in per_cell.items()}, {k: tuple(v) for k, v in per_column.items()},
                      data.wishes, period_warning(data.days, data.holidays))
