"""The charts' pure rules: the month range a page shows (default the last 6 months), the months and quarters in
it, and the figures worked out from counts. No Flask, no database."""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hrapp.blueprints.attendance.sheet.rules import month_end, parse_month
from hrapp.blueprints.training.rules import add_months

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
        return [month_name(first) for first in month_starts(self.first, self.last)]

    @property
    def first_month(self) -> str:
        return month_name(self.first)

    @property
    def last_month(self) -> str:
        return month_name(self.last)


def month_name(day: date) -> str:
    """The month of `day` as "YYYY-MM"."""
    return f"{day.year:04d}-{day.month:02d}"


def month_starts(first: date, last: date) -> list[date]:
    """The first day of every month from `first`'s to `last`'s."""
    starts, month = [], first.replace(day=1)
    while month <= last:
        starts.append(month)
        month = add_months(month, 1)
    return starts


def default_range(today: date, months: int = DEFAULT_MONTHS) -> MonthRange:
    """The last `months` months, the current one included."""
    this_month = today.replace(day=1)
    return MonthRange(add_months(this_month, 1 - months), month_end(this_month))


def month_range(start_text: str | None, end_text: str | None, today: date) -> MonthRange:
    """The range "YYYY-MM".."YYYY-MM" asked for; a missing or unreadable end is the default range's. The ends are
    swapped when given the wrong way round, and a range longer than MAX_MONTHS keeps its last MAX_MONTHS."""
    default = default_range(today)
    start = parse_month(start_text or "") or default.first
    end = parse_month(end_text or "") or default.last.replace(day=1)
    if start > end:
        start, end = end, start
    start = max(start, add_months(end, 1 - MAX_MONTHS))
    return MonthRange(start, month_end(end))


def quarter_of(day: date) -> tuple[int, int]:
    """(year, quarter 1..4) of `day`."""
    return day.year, (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    """The first and last day of a quarter."""
    first = date(year, 3 * quarter - 2, 1)
    return first, month_end(add_months(first, 2))


def quarters_of(period: MonthRange) -> list[tuple[int, int]]:
    """The quarters the range touches, oldest first."""
    found: list[tuple[int, int]] = []
    for start in month_starts(period.first, period.last):
        if quarter_of(start) not in found:
            found.append(quarter_of(start))
    return found


def weekday_totals(days: Iterable[tuple[date, object, int, int]]) -> dict[tuple[int, object], tuple[int, int]]:
    """(weekday, shift key) -> (late days, attended days), summed over rows of (day, shift key, late, attended)."""
    totals: dict[tuple[int, object], tuple[int, int]] = {}
    for day, shift, late, attended in days:
        key = (day.weekday(), shift)
        old_late, old_attended = totals.get(key, (0, 0))
        totals[key] = (old_late + int(late), old_attended + int(attended))
    return totals


def share(part: int, whole: int) -> Decimal | None:
    """`part` of `whole` in %, 1 decimal place; None when `whole` is 0."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))
