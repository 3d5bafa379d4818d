"""Fixtures of the cycles tests: `scene` (org, a head of housekeeping, a company-wide template "T-STD" and an
empty cycle in SETUP over the last quarter, deadlines one, two and three weeks ahead), helpers `notices(user, kind)`, `login_en(app, username)` and
`version(cycle)`."""
from datetime import timedelta

import pytest
import sqlalchemy as sa

from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import AppraisalCycle, CycleStage, Notification, Role
from tests.access_matrix import login
from tests.appraisals.fixtures import write_cycle, write_template


def notices(user, kind: str) -> list[str]:
    user_id = sa.inspect(user).identity[0]  # the fixture's object may be expired and detached by then
    return list(db.session.scalars(sa.select(Notification.text).where(Notification.user_id == user_id,
                                                                      Notification.kind == kind)
                                   .order_by(Notification.id)))


def login_en(app, username: str):
    """A client logged in as `username` with English pages."""
    client = login(app, username)
    client.post("/auth/locale/en")
    return client


def reload(cycle: AppraisalCycle) -> AppraisalCycle:
    db.session.expire_all()
    return db.session.get(AppraisalCycle, cycle.id)


@pytest.fixture
def scene(org, make_user):
    org.hk_head = make_user(Role.HEAD, "hkhead", departments=[org.housekeeping])
    org.template = write_template("T-STD")
    today = company_today()
    org.cycle = write_cycle(stage=CycleStage.SETUP, self_due_on=today + timedelta(days=7),
                            head_due_on=today + timedelta(days=14), calibration_due_on=today + timedelta(days=21))
    db.session.commit()
    return org
