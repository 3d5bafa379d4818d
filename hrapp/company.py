"""The company's settings row (name, time zone, currency), read by every module (HR edits it in `org`), and the
company's clock: its local day and today."""
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from flask import g, has_request_context

from hrapp.core.localtime import to_zone, zone_of
from hrapp.core.money import DEFAULT_PAID_DAYS_PER_MONTH
from hrapp.extensions import db
from hrapp.models import CompanySettings, utcnow


def company_settings() -> CompanySettings:
    """The company's settings row; an unsaved default if none was stored yet."""
    return db.session.scalar(sa.select(CompanySettings).limit(1)) or CompanySettings(
        name="", timezone="Asia/Shanghai", currency="CNY", paid_days_per_month=DEFAULT_PAID_DAYS_PER_MONTH)


def local_day(moment: datetime) -> date:
    """The company-local date of a naive-UTC moment (days are the company's, never UTC dates)."""
    return to_zone(moment, company_settings().timezone).date()


def company_today(now: datetime | None = None) -> date:
    """Today in the company's time zone (the server may run in UTC); `now` is naive UTC, the clock by default."""
    return local_day(now or utcnow())


def utc_of_local(local: datetime) -> datetime:
    """A company-local wall time (naive, or aware in any zone) as naive UTC."""
    aware = local if local.tzinfo else local.replace(tzinfo=zone_of(company_settings().timezone))
    return aware.astimezone(UTC).replace(tzinfo=None)


def request_zone_name() -> str:
    """The company's time zone name, read once per request (the pages' Babel time zone reads it here too)."""
    if not has_request_context():
        return company_settings().timezone
    if "company_tz" not in g:
        g.company_tz = company_settings().timezone
    return g.company_tz


def utc_bounds(first: date, last: date | None = None) -> tuple[datetime, datetime]:
    """The local days `first`..`last` (just `first` when no `last`) as a naive UTC interval [start, end): from
    local midnight of `first` to local midnight after `last`."""
    zone = zone_of(request_zone_name())
    last = last or first
    return tuple(datetime.combine(day, time(), zone).astimezone(UTC).replace(tzinfo=None)
                 for day in (first, last + timedelta(days=1)))
