"""`flask --app wsgi training fill-plans YEAR [--department CODE]`: missing plans created as drafts and filled,
nothing added twice, submitted plans left alone, an unknown department refused."""
import sqlalchemy as sa

from hrapp.blueprints.training.plans.services import take_step
from hrapp.extensions import db
from hrapp.models import PlanItem, PlanSource, PlanStatus, TrainingPlan
from tests.conftest import count

from .conftest import YEAR, plan_of


def test_fill_plans_creates_and_fills_once(runner, site):
    result = runner.invoke(args=["training", "fill-plans", str(YEAR), "--department", "fo"])
    assert result.exit_code == 0, result.output
    assert "1 created" in result.output
    plan = plan_of(site.front)
    assert plan.status == PlanStatus.DRAFT and count(TrainingPlan) == 1
    sources = set(db.session.scalars(sa.select(PlanItem.source)))
    assert PlanSource.REQUIRED in sources
    items = count(PlanItem)
    again = runner.invoke(args=["training", "fill-plans", str(YEAR), "--department", "FO"])
    assert again.exit_code == 0 and "0 created, 0 items added" in again.output
    assert count(PlanItem) == items
    everyone = runner.invoke(args=["training", "fill-plans", str(YEAR)])
    assert "2 created" in everyone.output and count(TrainingPlan) == 3  # FO-DESK and HK too


def test_submitted_plans_are_left_alone_and_unknown_departments_refused(runner, site):
    runner.invoke(args=["training", "fill-plans", str(YEAR), "--department", "HK"])
    plan = plan_of(site.housekeeping)
    take_step(site.hr, plan, "submit", plan.version_id)
    db.session.commit()
    result = runner.invoke(args=["training", "fill-plans", str(YEAR), "--department", "HK"])
    assert result.exit_code == 0 and "1 submitted or approved" in result.output
    assert runner.invoke(args=["training", "fill-plans", str(YEAR), "--department", "NOPE"]).exit_code != 0
    assert runner.invoke(args=["training", "fill-plans", "1999"]).exit_code != 0
