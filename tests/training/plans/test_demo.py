"""seed-demo's training plans: an approved plan for the current year in every department (free items when there
are no courses), a few open needs, some from quality monitoring; running the step twice adds nothing."""
import random

import sqlalchemy as sa

from hrapp.blueprints.training.plans.demo import seed_demo
from hrapp.extensions import db
from hrapp.models import Department, NeedSource, NeedStatus, PlanItem, PlanStatus, TrainingNeed, TrainingPlan, User
from tests.conftest import count

ARGS = ["seed-demo", "--staff", "40", "--seed", "4", "--password", "Demo-Password-2026"]


class Again:
    """What seed_demo reads from the report, to run the step a second time."""

    def __init__(self, users, today, rng):
        self.users, self.today, self.rng, self.counts, self.summary = users, today, rng, {}, []


def test_demo_plans_and_needs(runner):
    result = runner.invoke(args=ARGS)
    assert result.exit_code == 0, result.output
    assert "Training plans:" in result.output
    departments = count(Department)
    plans = db.session.scalars(sa.select(TrainingPlan)).all()
    assert len(plans) == departments and {p.status for p in plans} == {PlanStatus.APPROVED}
    assert len({p.year for p in plans}) == 1
    assert all(p.items for p in plans)
    needs = db.session.scalars(sa.select(TrainingNeed).where(TrainingNeed.status == NeedStatus.OPEN)).all()
    assert len(needs) >= 3 and NeedSource.QUALITY in {n.source for n in needs}
    items, need_rows = count(PlanItem), count(TrainingNeed)
    users = {u.username: u for u in db.session.scalars(sa.select(User))}
    seed_demo(Again(users, plans[0].created_at.date().replace(year=plans[0].year), random.Random(1)))
    db.session.commit()
    assert (count(TrainingPlan), count(PlanItem), count(TrainingNeed)) == (departments, items, need_rows)
