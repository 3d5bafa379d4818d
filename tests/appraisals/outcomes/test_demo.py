"""The demo's outcomes step on a published cycle: a reward proposal, a training need, an improvement plan and
one dismissal; a second run changes nothing."""
import random
from decimal import Decimal

import sqlalchemy as sa

from hrapp.blueprints.appraisals.outcomes.demo import DISMISS_NOTE, demo_outcomes
from hrapp.extensions import db
from hrapp.models import (
    AppraisalOutcome,
    AppraisalStatus,
    Grade,
    ImprovementPlan,
    OutcomeKind,
    OutcomeStatus,
    Reward,
    RewardState,
    TrainingNeed,
)

from .conftest import publish


def statuses() -> list[tuple]:
    return sorted((o.appraisal_id, o.kind.value, o.status.value, o.decision_note)
                  for o in db.session.scalars(sa.select(AppraisalOutcome)))


def test_demo_outcomes(scene, make_staff, make_appraisal):
    weak = make_appraisal(scene.cycle, make_staff(scene.housekeeping, name_zh="孙服务员"), scene.template,
                          status=AppraisalStatus.PUBLISHED, total=Decimal("55"), grade=Grade.NEEDS_IMPROVEMENT)
    db.session.commit()
    publish(scene, scene.desk, scene.hk, weak)
    demo_outcomes(scene.cycle, scene.hr, random.Random(1))
    db.session.commit()
    reward = db.session.scalar(sa.select(Reward))
    assert reward.state == RewardState.PROPOSED and reward.rule_id == scene.commendation.id
    assert db.session.scalar(sa.select(TrainingNeed.source_ref)) == f"appraisal:{scene.hk.id}"
    plan = db.session.scalar(sa.select(ImprovementPlan))
    assert plan.goals and plan.review_on > scene.cycle.last_on
    dismissed = db.session.scalars(sa.select(AppraisalOutcome).where(
        AppraisalOutcome.status == OutcomeStatus.DISMISSED)).all()
    assert [(o.appraisal_id, o.decision_note) for o in dismissed] == [(weak.id, DISMISS_NOTE)]
    assert {o.kind for o in db.session.scalars(sa.select(AppraisalOutcome).where(
        AppraisalOutcome.status == OutcomeStatus.CONFIRMED))} == set(OutcomeKind)
    before = statuses()
    demo_outcomes(scene.cycle, scene.hr, random.Random(1))
    db.session.commit()
    assert statuses() == before
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Reward)) == 1
