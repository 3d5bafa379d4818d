"""The demo's sign-off step on a published cycle: most acknowledge, one appeals and HR decides it;
deterministic and idempotent."""
import random

import sqlalchemy as sa

from hrapp.blueprints.appraisals.signoff.demo import demo_signoff
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalStatus, Role
from tests.appraisals.fixtures import write_appraisal

from .conftest import publish, score


def _statuses(cycle) -> list:
    return db.session.scalars(sa.select(Appraisal.status).where(Appraisal.cycle_id == cycle.id)
                              .order_by(Appraisal.id)).all()


def test_demo_signoff(scene, make_staff, make_user):
    for n in range(4):
        staff = make_staff(scene.front_desk, name_zh=f"前台{n}")
        make_user(Role.STAFF, f"desk{n}", staff=staff)
        appraisal = write_appraisal(scene.cycle, staff, scene.template)
        score(appraisal, scene.head)
        publish(appraisal)
    db.session.commit()
    demo_signoff(scene.cycle, random.Random(7))
    db.session.commit()
    statuses = _statuses(scene.cycle)
    assert statuses.count(AppraisalStatus.DECIDED) == 1
    assert statuses.count(AppraisalStatus.ACKNOWLEDGED) >= 3
    assert AppraisalStatus.APPEALED not in statuses
    decided = db.session.scalar(sa.select(Appraisal).where(Appraisal.status == AppraisalStatus.DECIDED))
    assert decided.appeal_text and decided.decision_reason and decided.decided_by_id == scene.hr.id
    demo_signoff(scene.cycle, random.Random(7))  # idempotent: no second appeal
    db.session.commit()
    again = _statuses(scene.cycle)
    assert again.count(AppraisalStatus.DECIDED) == 1 and again.count(AppraisalStatus.APPEALED) == 0
    assert again.count(AppraisalStatus.ACKNOWLEDGED) >= statuses.count(AppraisalStatus.ACKNOWLEDGED)
