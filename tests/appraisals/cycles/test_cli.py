"""`flask appraisals open-cycle NAME --actor USERNAME` creates (when missing) and opens a cycle;
`flask appraisals advance NAME --actor USERNAME` moves it on; refusals exit with a message."""
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, CycleStage


def stage_of(name: str):
    db.session.expire_all()
    return db.session.scalar(sa.select(AppraisalCycle.stage).where(AppraisalCycle.name == name))


def test_open_and_advance(runner, scene):
    result = runner.invoke(args=["appraisals", "open-cycle", "2025-Q4", "--actor", "hr"])
    assert result.exit_code == 0, result.output
    assert "3 appraisals" in result.output and stage_of("2025-Q4") == CycleStage.SELF_ASSESSMENT
    again = runner.invoke(args=["appraisals", "open-cycle", "2025-Q4", "--actor", "hr"])
    assert again.exit_code != 0
    result = runner.invoke(args=["appraisals", "advance", "2025-Q4", "--actor", "hr"])
    assert result.exit_code == 0 and "self_assessment -> head_scoring" in result.output
    assert stage_of("2025-Q4") == CycleStage.HEAD_SCORING
    assert runner.invoke(args=["appraisals", "advance", "2025-Q4", "--actor", "hr"]).exit_code == 0
    refused = runner.invoke(args=["appraisals", "advance", "2025-Q4", "--actor", "hr"])  # 3 unscored
    assert refused.exit_code != 0 and stage_of("2025-Q4") == CycleStage.CALIBRATION
    assert runner.invoke(args=["appraisals", "advance", "2025-Q4", "--actor", "hr", "--anyway"]).exit_code == 0
    assert stage_of("2025-Q4") == CycleStage.PUBLISHED
    assert db.session.scalar(sa.select(sa.func.count(Appraisal.id))) == 3


def test_refusals(runner, scene):
    assert runner.invoke(args=["appraisals", "open-cycle", "2025-Q4", "--actor", "nobody"]).exit_code != 0
    assert runner.invoke(args=["appraisals", "advance", "2031-Q1", "--actor", "hr"]).exit_code != 0
    denied = runner.invoke(args=["appraisals", "open-cycle", "2025-Q4", "--actor", "staff"])
    assert denied.exit_code != 0 and stage_of("2025-Q4") is None
