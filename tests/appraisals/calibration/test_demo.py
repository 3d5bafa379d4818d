"""The demo's calibration step on a cycle in calibration: 2–4 adjustments with reasons, one in the most lenient
scorer's results; the same with the same seed; nothing more when run again."""
import random

import sqlalchemy as sa

from hrapp.blueprints.appraisals.calibration.demo import LENIENT_REASON, demo_calibrate
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalAdjustment


def test_demo_calibrate(scene, scored_people):
    lenient = scored_people(scene.front_desk, ["96", "97", "94"], scene.head)
    scored_people(scene.housekeeping, ["65", "72", "68"], scene.hk_head)
    made = demo_calibrate(scene.cycle, scene.hr, random.Random(7))
    db.session.commit()
    assert 2 <= made <= 4
    rows = db.session.scalars(sa.select(AppraisalAdjustment).order_by(AppraisalAdjustment.id)).all()
    assert len(rows) == made and all(r.reason for r in rows)
    first = db.session.get(Appraisal, rows[0].appraisal_id)
    assert first.scored_by_id == scene.head.id and rows[0].reason == LENIENT_REASON
    assert first.id == lenient[1].id and first.calibrated  # the lenient head's best (97)
    assert rows[0].to_total < rows[0].from_total
    assert demo_calibrate(scene.cycle, scene.hr, random.Random(7)) == 0  # idempotent
    assert db.session.scalar(sa.select(sa.func.count(AppraisalAdjustment.id))) == made
