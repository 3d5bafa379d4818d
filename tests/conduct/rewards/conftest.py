"""Fixtures of the rewards part: the standard catalogue, a head of the front desk (under the general manager,
the head of FO), and a way to post a reward proposal."""
from datetime import date

import pytest

from hrapp.blueprints.conduct.catalogue.seed import seed_catalogue
from hrapp.extensions import db
from hrapp.models import Reward, Role
from tests.access_matrix import login

DAY = date(2026, 5, 12)


@pytest.fixture
def site(org, make_staff, make_user):
    """`org` with the standard catalogue (R-1 commendation, R-2 bonus 100–5000) and `desk_head`, the head of
    FO-DESK (with a staff record, so the general manager — the head of FO — outranks them)."""
    seed_catalogue(None)
    db.session.commit()
    org.desk_head_staff = make_staff(org.front_desk, name_zh="前台主管")
    org.desk_head = make_user(Role.HEAD, "deskhead", staff=org.desk_head_staff, departments=[org.front_desk])
    org.hk_head = make_user(Role.HEAD, "hkhead", departments=[org.housekeeping])
    return org


def reward_body(staff, **overrides) -> dict:
    """A valid bonus proposal for `staff`."""
    return {"staff_number": staff.staff_number, "rule_code": "R-2", "kind": "bonus", "awarded_on": DAY.isoformat(),
            "amount": "300.00", "reason": "服务表扬信三封", "propose": "1", **overrides}


def propose(app, username: str, staff, **overrides):
    """Log in as `username`, post the proposal form; (client, response)."""
    client = login(app, username)
    return client, client.post("/conduct/rewards/new", data=reward_body(staff, **overrides))


def last_reward() -> Reward:
    return db.session.scalars(db.select(Reward).order_by(Reward.id.desc())).first()
