"""The company's settings row (name, time zone, currency), read by every module; HR edits it in `org`."""
import sqlalchemy as sa

from hrapp.core.money import DEFAULT_PAID_DAYS_PER_MONTH
from hrapp.extensions import db
from hrapp.models import CompanySettings


def company_settings() -> CompanySettings:
    """The company's settings row; an unsaved default if none was stored yet."""
    return db.session.scalar(sa.select(CompanySettings).limit(1)) or CompanySettings(
        name="", timezone="Asia/Shanghai", currency="CNY", paid_days_per_month=DEFAULT_PAID_DAYS_PER_MONTH)
