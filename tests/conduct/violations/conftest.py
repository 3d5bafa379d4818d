"""Fixtures of the violations part's tests: the standard catalogue, the people of `org` with wages, helpers that
post the recording form and call the API."""
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.auth.tokens import issue_api_token
from hrapp.blueprints.conduct.catalogue.seed import seed_catalogue
from hrapp.extensions import db
from hrapp.models import ConductRule, Role, Violation


@pytest.fixture
def catalogue(app):
    """The 17 standard penalties and the rewards; code -> rule."""
    seed_catalogue(None)
    db.session.commit()
    return {r.code: r for r in db.session.scalars(sa.select(ConductRule))}


@pytest.fixture
def people(org, make_user, set_wage):
    """`org` plus a head of housekeeping (`hk_head`) and a wage for the front desk clerk (4350.00 a month: 200.00
    a day)."""
    org.hk_head = make_user(Role.HEAD, "hkhead", departments=[org.housekeeping])
    set_wage(org.desk_staff, Decimal("4350.00"), date(2020, 3, 1))
    return org


def recent(days: int = 3, hour: int = 10) -> datetime:
    """A company-local wall time `days` ago (naive), safely inside an open month and after the hire."""
    return (datetime.now(UTC) + timedelta(hours=8) - timedelta(days=days)).replace(
        hour=hour, minute=0, second=0, microsecond=0, tzinfo=None)


def form_data(staff, rule, when: datetime | None = None, action="draft", **values) -> dict:
    """The recording form's fields as a browser sends them."""
    data = {"staff_number": staff.staff_number, "rule_id": str(rule.id),
            "occurred_at": (when or recent()).strftime("%Y-%m-%dT%H:%M"), "description": "迟到", "place": "前台",
            "witnesses": "", "action": action}
    data.update({k: str(v) for k, v in values.items()})
    return data


def last_violation() -> Violation | None:
    return db.session.scalar(sa.select(Violation).order_by(Violation.id.desc()).limit(1))


@pytest.fixture
def api_token(app):
    """api_token(user) -> the headers of a fresh bearer token of `user`."""
    def make(user) -> dict:
        token = issue_api_token(user, "test")[1]
        db.session.commit()
        return {"Authorization": f"Bearer {token}"}
    return make
