"""Holiday years: the official schedule (chinesecalendar) or, for a year it does not cover yet, the statutory
holidays by rule (the `holidays` package), marked provisional until the official notice is out."""
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import chinese_calendar
import holidays
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import CompanyHoliday, DayKind, HolidaySource

# The `holidays` package's English names -> the official library's names (the key the catalogue translates).
_RULE_NAMES = (("New Year's Eve", "Spring Festival"), ("Spring Festival", "Spring Festival"),
               ("New Year's Day", "New Year's Day"), ("Tomb-Sweeping", "Tomb-sweeping Day"),
               ("Labor Day", "Labour Day"), ("Dragon Boat", "Dragon Boat Festival"),
               ("Mid-Autumn", "Mid-autumn Festival"), ("National Day", "National Day"))

RULE_YEARS_AHEAD = 2  # years past the official schedule taken by rule (further out is guesswork)


class YearStatus(enum.StrEnum):
    """How much the company calendar knows about a year."""

    OFFICIAL = "official"  # synced from the official schedule
    PROVISIONAL = "provisional"  # statutory holidays by rule; adjusted working days not announced yet
    UNKNOWN = "unknown"  # never synced


def last_official_year() -> int:
    """The last year the installed official schedule covers."""
    return max(d.year for d in chinese_calendar.holidays)


def _canonical(name: str) -> str:
    return next((key for fragment, key in _RULE_NAMES if fragment in name), name)


def rule_days(year: int) -> dict[date, tuple[DayKind, str, bool]]:
    """The statutory holidays of `year` by rule: day -> (HOLIDAY, official name, is a moved rest day).

    Adjusted working days (调休上班) are announced each year and are not in it.
    """
    found = holidays.China(years=year, language="en_US")
    return {day: (DayKind.HOLIDAY, _canonical(name), "(observed)" in name)
            for day, name in sorted(found.items())}


@dataclass(frozen=True)
class CalendarWarning:
    """Years of a roster whose holidays are provisional or unknown."""

    provisional: tuple[int, ...]
    unknown: tuple[int, ...]


def year_status(year: int) -> YearStatus:
    """OFFICIAL, PROVISIONAL or UNKNOWN, from the synced rows of `year` (HR's own entries do not count)."""
    sources = set(db.session.scalars(sa.select(CompanyHoliday.source).distinct().where(
        CompanyHoliday.day.between(date(year, 1, 1), date(year, 12, 31)),
        CompanyHoliday.source != HolidaySource.HR)))
    if HolidaySource.RULES in sources:
        return YearStatus.PROVISIONAL
    return YearStatus.OFFICIAL if sources else YearStatus.UNKNOWN


def period_warning(days, holidays: Mapping[date, CompanyHoliday]) -> CalendarWarning | None:
    """The warning for a roster from the holiday rows its grid loaded already (no query of its own).

    A year with a rule-based (RULES) row among them is provisional; a year past the official schedule
    with none of its rows is unknown (never synced, or a month without holidays whose adjusted working
    days are not announced yet: either way, not official).
    """
    years = sorted({d.year for d in days})
    sources = {(d.year, h.source) for d, h in holidays.items()}
    provisional = tuple(y for y in years if (y, HolidaySource.RULES) in sources)
    unknown = tuple(y for y in years if y > last_official_year() and y not in provisional
                    and (y, HolidaySource.LIBRARY) not in sources)
    return CalendarWarning(provisional, unknown) if provisional or unknown else None


def calendar_warning(first: date, last: date) -> CalendarWarning | None:
    """What to warn about on a roster from `first` to `last`; None when its years are official."""
    status = {year: year_status(year) for year in range(first.year, last.year + 1)}
    provisional = tuple(y for y, s in status.items() if s == YearStatus.PROVISIONAL)
    unknown = tuple(y for y, s in status.items() if s == YearStatus.UNKNOWN)
    return CalendarWarning(provisional, unknown) if provisional or unknown else None
