"""Fixtures of the sessions tests: `site` (org, a head of housekeeping, a course and an open course) and helpers:
`DAY` (the 15th of next month, a company-local day ahead of the tests' today), `at(day, hour)` (local wall time
as stored UTC), `notices(user, kind)`, and `rostered_desk` (the front desk's roster of DAY's month with early and
night shift types)."""
from datetime import UTC, date, datetime, time, timedelta

import pytest
import sqlalchemy as sa

from hrapp.blueprints.roster.rules import WORK, ShiftTypeData
from hrapp.blueprints.roster.services import create_roster, save_shift_type
from hrapp.company import utc_of_local
from hrapp.core.localtime import to_zone
from hrapp.extensions import db
from hrapp.models import Notification, PeriodKind, Role
from tests.access_matrix import login
from tests.training.fixtures import write_course, write_session


def _next_month_15th() -> date:
    today = to_zone(datetime.now(UTC), "Asia/Shanghai").date()  # the tests' company zone
    first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    return first.replace(day=15)


DAY = _next_month_15th()


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A company-local wall time as stored (naive UTC)."""
    return utc_of_local(datetime.combine(day, time(hour, minute)))


def login_en(app, username: str):
    """A client logged in as `username` with English pages (the messages tests read)."""
    client = login(app, username)
    client.post("/auth/locale/en")
    return client


def notices(user, kind: str) -> list[str]:
    return list(db.session.scalars(sa.select(Notification.text).where(Notification.user_id == user.id,
                                                                      Notification.kind == kind)))


@pytest.fixture
def site(org, make_user):
    org.hk_head = make_user(Role.HEAD, "hkhead", departments=[org.housekeeping])
    org.course = write_course("C-SVC", "服务礼仪")
    org.open_course = write_course("C-OPEN", "消防安全", open_enrolment=True, pass_score=None)
    db.session.commit()
    return org


@pytest.fixture
def session_at(site):
    """session_at(course=None, hours=(9, 11), capacity=20, department=None, day=DAY): a scheduled session."""
    def make(course=None, hours=(9, 11), capacity=20, department=None, day=DAY, **fields):
        row = write_session(course or site.course, starts_at=at(day, hours[0]), hours=hours[1] - hours[0],
                            capacity=capacity, department=department, signin_code="123456", **fields)
        db.session.commit()
        return row
    return make


@pytest.fixture
def rostered_desk(site):
    """The front desk's draft roster of DAY's month, with 早 07:00-15:00 and 夜 22:00-06:00."""
    save_shift_type(site.hr, site.front_desk, ShiftTypeData("早", "早班", WORK, time(7), time(15), 30, "Early"))
    save_shift_type(site.hr, site.front_desk, ShiftTypeData("夜", "夜班", WORK, time(22), time(6), 60, "Night",
                                                            is_night=True))
    site.desk_roster = create_roster(site.hr, site.front_desk, PeriodKind.MONTH, DAY)
    db.session.commit()
    return site
