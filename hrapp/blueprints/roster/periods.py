"""Roster periods by name (pure): "2026-05" is a calendar month, "2026-W19" an ISO week (Monday-Sunday).

The CLI, the API and file names use these names; the roster services work with first and last days.
"""
import calendar
import re
from datetime import date, timedelta

MONTH, WEEK = "month", "week"  # values of models.PeriodKind
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


class PeriodError(ValueError):
    """A period that is neither YYYY-MM nor an ISO week YYYY-Www."""


def parse_period(value: str) -> tuple[str, date, date]:
    """"2026-05" -> ("month", first day, last day); "2026-W19" -> ("week", Monday, Sunday).

    :raise PeriodError: any other text, or a month or week that does not exist.
    """
    text = (value or "").strip()
    try:
        if match := _MONTH.match(text):
            first = date(int(match[1]), int(match[2]), 1)
            return MONTH, first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
        if match := _WEEK.match(text):
            first = date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return WEEK, first, first + timedelta(days=6)
    except ValueError as exc:
        raise PeriodError(f"No such period: {text}") from exc
    raise PeriodError(f"Period must be YYYY-MM or YYYY-Www, not {text!r}")


def period_label(period_kind: str, starts_on: date) -> str:
    """"2026-05" for a month, "2026-W19" for the ISO week starting on `starts_on`."""
    if period_kind == WEEK:
        year, week, _ = starts_on.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{starts_on:%Y-%m}"
