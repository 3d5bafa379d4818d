"""What every review step shares: the company's date, the closed-month guard, the refusal shape."""
from datetime import date, datetime

from hrapp.company import company_settings
from hrapp.core.localtime import zone_of
from hrapp.core.validation import ValidationFailed
from hrapp.models import Violation
from hrapp.period_close import ensure_open

from .. import rules


class ReviewRefused(ValidationFailed):
    """A review step refused on its inputs (field -> messages); nothing changed."""


def company_day(now: datetime) -> date:
    """The company-local date of `now` (UTC)."""
    return rules.local_day(now, zone_of(company_settings().timezone))


def ledger_day(violation: Violation) -> date:
    """The first day of the month whose ledger carries the violation."""
    year, month = (int(part) for part in violation.ledger_month.split("-"))
    return date(year, month, 1)


def ensure_month_open(violation: Violation) -> None:
    """:raise PeriodClosed: the conduct month carrying the violation is closed for its department."""
    ensure_open("conduct", violation.department, ledger_day(violation))
