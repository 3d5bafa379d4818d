"""One date and one date-time format per interface language, in the company's time zone (Flask-Babel's).

Templates use the `date_display` and `datetime_display` filters, never `strftime` or a locale's 'short'
pattern (which gives `12/2/26, 8:50 AM` in English and `2026/12/2 08:45` in Chinese)."""
from datetime import date, datetime

from flask_babel import format_date, format_datetime, get_locale

# language -> (date pattern, date-time pattern), CLDR syntax.
PATTERNS = {"zh": ("yyyy-MM-dd", "yyyy-MM-dd HH:mm"), "en": ("yyyy-MM-dd", "yyyy-MM-dd HH:mm")}


def _patterns() -> tuple[str, str]:
    locale = get_locale()
    return PATTERNS.get(locale.language if locale else "zh", PATTERNS["zh"])


def date_display(value: date | datetime | None) -> str:
    """A day as the interface language writes it; '' for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value, _patterns()[0])
    return format_date(value, _patterns()[0])


def datetime_display(value: datetime | None, seconds: bool = False) -> str:
    """A moment (stored in UTC) in the company's time zone, as the interface language writes it; '' for None.

    With `seconds` (signature times), "2026-05-03 14:05:09". PDFs, built outside a request, use the same
    pattern through `hrapp.core.localtime.local_datetime`."""
    if value is None:
        return ""
    return format_datetime(value, _patterns()[1] + (":ss" if seconds else ""))
