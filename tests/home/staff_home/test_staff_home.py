"""The staff home through HTTP: each panel's content and empty state, the punch through the capture part's own
endpoint, and the statement budget (at most 10 per request)."""
import re
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from bench.staff_list import StatementCounter
from hrapp.blueprints.attendance.settings import attendance_settings
from hrapp.blueprints.roster.services import apply_pattern, create_roster, publish_roster, save_shift_type
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import (
    AppraisalStatus,
    AttendanceDay,
    CycleStage,
    DayStatus,
    PeriodKind,
    Punch,
    Role,
    RewardState,
    RuleKind,
    ShiftSwap,
    ViolationState,
)
from hrapp.models.base import utcnow
from tests.conftest import PASSWORD
from tests.roster.fixtures import ROTATION, TYPES

URL = "/home/me/"
BUDGET = 10


def login(client, username):
    response = client.post("/auth/login", data={"identifier": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def html(response) -> str:
    assert response.status_code == 200
    return response.get_data(as_text=True)


def panel(page: str, element_id: str) -> str:
    """The HTML of the <section id=...> panel."""
    found = re.search(rf'<section[^>]*id="{element_id}".*?</section>', page, re.S)
    assert found, element_id
    return found.group(0)


@pytest.fixture
def me(org, make_staff, make_user):
    """A front office member with an account ("hsme") and a colleague ("hsmate"), shift types of the front office."""
    org.types = {t.code: save_shift_type(org.hr, org.front, t) for t in TYPES}
    org.me = make_staff(org.front, name_zh="何一天", staff_number="HS0001")
    org.mate = make_staff(org.front, name_zh="邓同事", staff_number="HS0002")
    org.me_user = make_user(Role.STAFF, "hsme", staff=org.me)
    make_user(Role.STAFF, "hsmate", staff=org.mate)
    db.session.commit()
    return org


def publish_month(o, first: date):
    roster = create_roster(o.head, o.front, PeriodKind.MONTH, first)
    db.session.flush()
    apply_pattern(o.head, roster, ROTATION, {o.me.id: 0, o.mate.id: 2}, None)
    publish_roster(o.head, roster, None)
    db.session.commit()
    return roster


def test_empty_states(app, client, me):
    page = html(login(client, "hsme").get(URL))
    assert 'id="today-no-shift"' in page and 'id="no-next-shifts"' in page
    assert 'id="nothing-waiting"' in page and 'id="no-money"' in page and 'id="month-empty"' in page
    assert 'id="home-punch-button"' in page
