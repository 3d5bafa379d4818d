"""Calendar periods by name (pure): the one place for week, month, quarter and year bounds.

Names: "2026-05" (a calendar month), "2026-W19" (an ISO week, Monday to Sunday), "2026-Q2" (a quarter)
and "2026" (a year). `parse_period` reads a name, `Period.name` writes it back, `period_of` finds the
period of a kind that contains a day, `periods_between` those a range of days touches,
`Period.previous()`/`Period.next()` step through them.
"""
import calendar
import re
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple


class PeriodKind(StrEnum):
    """The kinds of period; the values are stored (rosters use week and month)."""

    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


WEEK, MONTH, QUARTER, YEAR = PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR

_PATTERNS = (
    (MONTH, re.compile(r"^(\d{4})-(\d{1,2})$")),
    (WEEK, re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)),
    (QUARTER, re.compile(r"^(\d{4})-?Q(\d)$", re.IGNORECASE)),
    (YEAR, re.compile(r"^(\d{4})$")),
)
_FORMATS = {WEEK: "YYYY-Www", MONTH: "YYYY-MM", QUARTER: "YYYY-Qn", YEAR: "YYYY"}


class PeriodError(ValueError):
    """Text that names no period (of the kinds asked for), or a period that does not exist."""


class Period(NamedTuple):
    """A period: its kind and its first and last days (both included). Unpacks as (kind, first, last)."""

    kind: PeriodKind
    first: date
    last: date

    @property
    def name(self) -> str:
        """"2026-05", "2026-W19", "2026-Q2" or "2026"."""
        return period_label(self.kind, self.first)

    @property
    def number(self) -> int:
        """Its number within its year: the ISO week (1..53), the month (1..12), the quarter (1..4); 1 for a year."""
        if self.kind == WEEK:
            return iso_week(self.first)[1]
        if self.kind == MONTH:
            return self.first.month
        return (self.first.month - 1) // 3 + 1 if self.kind == QUARTER else 1

    @property
    def bounds(self) -> tuple[date, date]:
        """(first day, last day)."""
        return self.first, self.last

    def contains(self, day: date) -> bool:
        """Whether `day` falls within the period."""
        return self.first <= day <= self.last

    def previous(self) -> "Period":
        """The period of the same kind just before this one."""
        return period_of(self.kind, self.first - timedelta(days=1))

    def next(self) -> "Period":
        """The period of the same kind just after this one."""
        return period_of(self.kind, self.last + timedelta(days=1))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period_of(kind: str, day: date) -> Period:
    """The period of `kind` ("week", "month", "quarter", "year") that contains `day`.

    :raise PeriodError: an unknown kind.
    """
    kind = _kind(kind)
    if kind == WEEK:
        first = day - timedelta(days=day.weekday())
        return Period(kind, first, first + timedelta(days=6))
    if kind == MONTH:
        return Period(kind, day.replace(day=1), _month_end(day.year, day.month))
    if kind == QUARTER:
        first_month = 3 * ((day.month - 1) // 3) + 1
        return Period(kind, date(day.year, first_month, 1), _month_end(day.year, first_month + 2))
    return Period(kind, date(day.year, 1, 1), date(day.year, 12, 31))


def periods_between(kind: str, first: date, last: date) -> list[Period]:
    """The periods of `kind` from the one containing `first` to the one containing `last`, oldest first (empty
    when `last` is before `first`): the months or quarters a range of days touches.

    :raise PeriodError: an unknown kind.
    """
    found: list[Period] = []
    period = period_of(kind, first)
    while period.first <= last:
        found.append(period)
        period = period.next()
    return found


def parse_period(value: str, kinds: tuple[str, ...] = tuple(PeriodKind)) -> Period:
    """Read a period name: "2026-05" -> (month, 2026-05-01, 2026-05-31); "2026-W19" -> (week, Monday, Sunday);
    "2026-Q2" -> (quarter, 2026-04-01, 2026-06-30); "2026" -> (year, 2026-01-01, 2026-12-31).

    Surrounding spaces are ignored, "W" and "Q" may be lower case and the dash before them left out.
    :raise PeriodError: text of no kind in `kinds`, or a month, week or quarter that does not exist.
    """
    text = (value or "").strip()
    for kind, pattern in _PATTERNS:
        match = pattern.match(text)
        if match is None or kind not in kinds:
            continue
        year, number = int(match[1]), (int(match[2]) if kind != YEAR else 1)
        try:
            if kind == WEEK:
                return period_of(WEEK, date.fromisocalendar(year, number, 1))
            if kind == QUARTER:
                if not 1 <= number <= 4:
                    raise ValueError(number)
                return period_of(QUARTER, date(year, 3 * number - 2, 1))
            return period_of(kind, date(year, number, 1))
        except ValueError as exc:
            raise PeriodError(f"No such period: {text}") from exc
    wanted = " or ".join(_FORMATS[kind] for kind, _pattern in _PATTERNS if kind in kinds)
    raise PeriodError(f"Period must be {wanted}, not {text!r}")


def period_label(kind: str, first: date) -> str:
    """The name of the period of `kind` containing `first`: "2026-05", "2026-W19", "2026-Q2" or "2026"."""
    kind = _kind(kind)
    if kind == WEEK:
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}"
    if kind == MONTH:
        return f"{first:%Y-%m}"
    if kind == QUARTER:
        return f"{first.year}-Q{(first.month - 1) // 3 + 1}"
    return f"{first.year}"


def iso_week(day: date) -> tuple[int, int]:
    """(ISO year, ISO week number) of `day`: days with the same value are in the same week."""
    year, week, _ = day.isocalendar()
    return year, week


def _kind(kind: str) -> PeriodKind:
    try:
        return PeriodKind(getattr(kind, "value", kind))
    except ValueError as exc:
        raise PeriodError(f"Unknown kind of period: {kind!r}") from exc
