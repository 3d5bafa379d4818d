"""`flask --app wsgi appraisals compute-metrics CYCLE_NAME`."""
from decimal import Decimal

from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, CycleStage, Metric

from .conftest import ALL_METRICS, Q2_FIRST


def test_the_command_computes_a_cycles_metrics(runner, known_quarter, org, make_template, make_cycle,
                                               make_appraisal):
    cycle = make_cycle("2026-Q2", stage=CycleStage.SELF_ASSESSMENT, first_on=Q2_FIRST)
    appraisal = make_appraisal(cycle, org.desk_staff, make_template("T-ALL", criteria=ALL_METRICS))
    db.session.commit()
    result = runner.invoke(args=["appraisals", "compute-metrics", "2026-Q2"])
    assert result.exit_code == 0, result.output
    assert "2026-Q2: 1 appraisals" in result.output
    db.session.expire_all()
    rate = next(i for i in db.session.get(Appraisal, appraisal.id).items if i.metric == Metric.ATTENDANCE_RATE)
    assert rate.value == Decimal("66.67")
    assert db.session.get(AppraisalCycle, cycle.id).metrics_at is not None


def test_an_unknown_or_published_cycle_is_refused(runner, org, make_cycle):
    make_cycle("2026-Q1", stage=CycleStage.PUBLISHED, first_on=Q2_FIRST.replace(month=1))
    db.session.commit()
    assert runner.invoke(args=["appraisals", "compute-metrics", "1999-Q1"]).exit_code != 0
    published = runner.invoke(args=["appraisals", "compute-metrics", "2026-Q1"])
    assert published.exit_code != 0 and "published" in published.output
