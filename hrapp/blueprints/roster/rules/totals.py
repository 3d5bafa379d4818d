"""Grid totals (per person and per day and shift), company day kinds, and rest owed from a roster."""
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from hrapp.blueprints.roster.rules.specs import LEAVE, REST, Assignment, ShiftSpec

HOLIDAY, WORKDAY, NORMAL = "holiday", "workday", "normal"  # values of models.DayKind


@dataclass(frozen=True)
class RowTotals:
    """One person's totals over the cells given: paid minutes, working days, nights, rest and leave days."""

    minutes: int = 0
    work_days: int = 0
    nights: int = 0
    rest_days: int = 0
    leave_days: int = 0

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 2)


@dataclass(frozen=True)
class ColumnTotal:
    """People on one shift on one day against the demand."""

    assigned: int
    required: int

    @property
    def missing(self) -> int:
        return max(0, self.required - self.assigned)


def row_totals(cells: Iterable[Assignment], shifts: Mapping[str, ShiftSpec]) -> dict[int, RowTotals]:
    """Totals per staff id; cells with unknown codes are ignored."""
    acc: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for cell in cells:
        spec = shifts.get(cell.shift_code)
        if spec is None:
            continue
        row = acc[cell.staff_id]
        if spec.is_work:
            row[0] += spec.paid_minutes
            row[1] += spec.counts_as_workday
            row[2] += spec.is_night
        elif spec.kind == REST:
            row[3] += 1
        elif spec.kind == LEAVE:
            row[4] += 1
    return {staff_id: RowTotals(*values) for staff_id, values in acc.items()}


def column_totals(cells: Iterable[Assignment], shifts: Mapping[str, ShiftSpec], days: Sequence[date],
                  demand: Mapping[tuple[date, str], int], counts: Mapping[tuple[date, str], int] | None = None
                  ) -> dict[tuple[date, str], ColumnTotal]:
    """(day, work shift code) -> people assigned and required, for every day and work shift; `counts`
    ((day, code) -> people, e.g. counted by the database) replaces counting `cells`."""
    if counts is None:
        counts = Counter((c.day, c.shift_code) for c in cells)
    work_codes = [code for code, spec in shifts.items() if spec.is_work]
    return {(day, code): ColumnTotal(counts.get((day, code), 0), demand.get((day, code), 0))
            for day in days for code in work_codes}


def day_kind(day: date, overrides: Mapping[date, str]) -> str:
    """HOLIDAY, WORKDAY or NORMAL: the company calendar's entry for `day`, NORMAL if it has none."""
    return overrides.get(day, NORMAL)


def is_company_workday(day: date, overrides: Mapping[date, str]) -> bool:
    """Monday-Friday unless a public holiday; Saturday/Sunday only as an adjusted working day (调休上班)."""
    kind = day_kind(day, overrides)
    if kind == HOLIDAY:
        return False
    return kind == WORKDAY or day.weekday() < 5


@dataclass(frozen=True)
class RestOwedItem:
    """A day that changes a person's rest owed: +1 for working a rest day or holiday, -1 for a rest in lieu."""

    staff_id: int
    day: date
    days: int
    reason: str  # worked_holiday | worked_rest_day | rest_in_lieu (values of models.RestOwedReason)


def rest_owed_items(cells: Iterable[Assignment], shifts: Mapping[str, ShiftSpec],
                    overrides: Mapping[date, str]) -> list[RestOwedItem]:
    """Rest owed (余假/调休) arising from a roster's cells.

    A working day on a public holiday or on a company rest day (weekend not 调休上班) accrues one day; a rest
    marker on a company working day takes one back. Someone working Saturday and resting Tuesday is owed
    nothing; someone working six days a week is owed one a week.
    """
    items: list[RestOwedItem] = []
    for cell in cells:
        spec = shifts.get(cell.shift_code)
        if spec is None:
            continue
        workday = is_company_workday(cell.day, overrides)
        if spec.counts_as_working_day and not workday:
            reason = "worked_holiday" if day_kind(cell.day, overrides) == HOLIDAY else "worked_rest_day"
            items.append(RestOwedItem(cell.staff_id, cell.day, 1, reason))
        elif spec.kind == REST and workday:
            items.append(RestOwedItem(cell.staff_id, cell.day, -1, "rest_in_lieu"))
    return sorted(items, key=lambda i: (i.staff_id, i.day))
