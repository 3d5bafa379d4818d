"""The cycles part's demo steps: open (None without a usable template), advance, publish, close (windows
backdated), each idempotent."""
from datetime import date

import sqlalchemy as sa

from hrapp.blueprints.appraisals.cycles.demo import demo_advance, demo_close, demo_open_cycle, demo_publish
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, AppraisalStatus, CycleStage


def test_the_demo_steps(scene):
    scene.template.active = False
    db.session.flush()
    assert demo_open_cycle("2025-Q4", date(2025, 10, 1), date(2025, 12, 31), scene.hr) is None
    assert db.session.scalar(sa.select(sa.func.count(AppraisalCycle.id))) == 1  # the scene's only
    scene.template.active = True
    cycle = demo_open_cycle("2025-Q4", date(2025, 10, 1), date(2025, 12, 31), scene.hr)
    assert cycle.stage == CycleStage.SELF_ASSESSMENT and len(cycle.appraisals) == 3
    assert demo_open_cycle("2025-Q4", date(2025, 10, 1), date(2025, 12, 31), scene.hr) is cycle  # idempotent
    demo_advance(cycle, scene.hr)
    assert cycle.stage == CycleStage.HEAD_SCORING
    demo_advance(cycle, scene.hr, to=CycleStage.HEAD_SCORING)  # already there: nothing
    assert cycle.stage == CycleStage.HEAD_SCORING
    first = db.session.scalars(sa.select(Appraisal).where(Appraisal.cycle_id == cycle.id)
                               .order_by(Appraisal.id)).first()
    first.status = AppraisalStatus.SCORED  # the scoring part's step, set directly here
    db.session.flush()
    demo_advance(cycle, scene.hr, to=CycleStage.CALIBRATION)
    assert demo_publish(cycle, scene.hr) == [first.id]
    assert demo_publish(cycle, scene.hr) == []
    assert demo_close(cycle, scene.hr) == 1
    assert cycle.stage == CycleStage.CLOSED and demo_close(cycle, scene.hr) == 0
    assert db.session.get(Appraisal, first.id).acknowledged_by_silence
