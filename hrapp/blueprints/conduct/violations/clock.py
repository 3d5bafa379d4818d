"""The company's clock for violations: stored moments are naive UTC, the day a violation belongs to is its
company-local date."""
from datetime import date, datetime

from hrapp.company import company_settings
from hrapp.core.localtime import to_zone, zone_of
from hrapp.models import utcnow


def company_zone_name() -> str:
    """The company's time zone name (Asia/Shanghai unless set)."""
    return company_settings().timezone or "Asia/Shanghai"


def local_day(occurred_at: datetime) -> date:
    """The company-local day of a naive-UTC moment."""
    return to_zone(occurred_at, company_zone_name()).date()


def utc_of_local(local: datetime) -> datetime:
    """A company-local wall time (naive, or aware in any zone) as naive UTC."""
    aware = local if local.tzinfo else local.replace(tzinfo=zone_of(company_zone_name()))
    return aware.astimezone(zone_of("UTC")).replace(tzinfo=None)


def company_today() -> date:
    """Today in the company's time zone."""
    return local_day(utcnow())
