"""Fixtures of the cycles tests: `scene` (org, a head of housekeeping, a company-wide template "T-STD" and an
empty cycle in SETUP over the last quarter), helpers `notices(user, kind)`, `login_en(app, username)` and
`version(cycle)`."""
import pytest
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AppraisalCycle, CycleStage, Notification, Role
from tests.access_matrix import login
from tests.appraisals.fixtures import write_cycle, write_template


def notices(user, kind: str) -> list[str]:
    return list(db.session.scalars(sa.select(Notification.text).where(Notification.user_id == user.id,
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
    org.cycle = write_cycle(stage=CycleStage.SETUP)
    db.session.commit()
    return org
