"""The charts' pure rules: the month range a page shows (default the last 6 months), the months and quarters in
it, and the figures worked out from counts. No Flask, no database."""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from hrapp.blueprints.attendance.sheet.rules import parse_month
from hrapp.blueprints.training.rules import add_months
from hrapp.core.periods import MONTH, QUARTER, Period, period_of, periods_between

DEFAULT_MONTHS = 6
MAX_MONTHS = 24
WEEKDAYS = tuple(range(7))  # Monday (0) .. Sunday (6), as date.weekday()


@dataclass(frozen=True)
class MonthRange:
    """The local days from the first day of the first month to the last day of the last month."""

    first: date
    last: date

    @property
    def months(self) -> list[str]:
        """The months of the range as "YYYY-MM", oldest first."""
        return [month.name for month in periods_between(MONTH, self.first, self.last)]

    @property
    def quarters(self) -> list[Period]:
        """The quarters the range touches (whole), oldest first."""
        return periods_between(QUARTER, self.first, self.last)

    @property
    def first_month(self) -> str:
        return period_of(MONTH, self.first).name

    @property
    def last_month(self) -> str:
        return period_of(MONTH, self.last).name


def default_range(today: date, months: int = DEFAULT_MONTHS) -> MonthRange:
    """The last `months` months, the current one included."""
    this_month = period_of(MONTH, today)
    return MonthRange(add_months(this_month.first, 1 - months), this_month.last)


def month_range(start_text: str | None, end_text: str | None, today: date) -> MonthRange:
    """The range "YYYY-MM".."YYYY-MM" asked for; a missing or unreadable end is the default range's. The ends are
    swapped when given the wrong way round, and a range longer than MAX_MONTHS keeps its last MAX_MONTHS."""
    default = default_range(today)
    start = parse_month(start_text or "") or default.first
    end = parse_month(end_text or "") or default.last.replace(day=1)
    if start > end:
        start, end = end, start
    start = max(start, add_months(end, 1 - MAX_MONTHS))
    return MonthRange(start, period_of(MONTH, end).last)


def weekday_totals(days: Iterable[tuple[date, object, int, int]]) -> dict[tuple[int, object], tuple[int, int]]:
    """(weekday, shift key) -> (late days, attended days), summed over rows of (day, shift key, late, attended)."""
    totals: dict[tuple[int, object], tuple[int, int]] = {}
    for day, shift, late, attended in days:
        key = (day.weekday(), shift)
        old_late, old_attended = totals.get(key, (0, 0))
        totals[key] = (old_late + int(late), old_attended + int(attended))
    return totals

