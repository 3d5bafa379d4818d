"""One date and one date-time format per interface language, in the company's time zone (Flask-Babel's).

Templates use the `date_display` and `datetime_display` filters, never `strftime` or a locale's 'short'
pattern (which gives `12/2/26, 8:50 AM` in English and `2026/12/2 08:45` in Chinese)."""
from datetime import date, datetime

from flask_babel import format_date, format_datetime, get_locale, get_timezone

from hrapp.core.localtime import local_datetime

# language -> date pattern (CLDR syntax); date-times have core.localtime's one format.
DATE_PATTERNS = {"zh": "yyyy-MM-dd", "en": "yyyy-MM-dd"}


def _date_pattern() -> str:
    locale = get_locale()
    return DATE_PATTERNS.get(locale.language if locale else "zh", DATE_PATTERNS["zh"])


def date_display(value: date | datetime | None) -> str:
    """A day as the interface language writes it; '' for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value, _date_pattern())
    return format_date(value, _date_pattern())


def datetime_display(value: datetime | None, seconds: bool = False) -> str:
    """A moment (stored in UTC) in the company's time zone, as the interface language writes it; '' for None.

    With `seconds` (signature times), "2026-05-03 14:05:09". One implementation for pages and PDFs
    (`hrapp.core.localtime.local_datetime`, which PDFs built outside a request call with the company's zone)."""
    return local_datetime(value, str(get_timezone()), seconds)
