"""seed-demo's inductions: nothing when no position requires a course; with required courses, the recent hires
and transfers get their assignments (some done), and running the demo step again adds nothing."""
from datetime import timedelta

import sqlalchemy as sa

from hrapp.blueprints.training.records.demo import seed_demo
from hrapp.company import company_today
from hrapp.demo.seed import SeedReport
from hrapp.extensions import db
from hrapp.models import EmploymentEvent, EventKind, InductionAssignment, InductionStatus, PositionCourse
from tests.conftest import count
from tests.training.fixtures import write_course

ARGS = ["seed-demo", "--staff", "60", "--seed", "4", "--password", "Demo-Password-2026"]


def test_demo_inductions_for_recent_hires(runner):
    result = runner.invoke(args=ARGS)
    assert result.exit_code == 0, result.output
    assert "Training inductions:" in result.output
    if not db.session.scalar(sa.select(sa.func.count()).select_from(PositionCourse)):
        assert count(InductionAssignment) == 0  # no position requires a course (the courses part adds them)
    today = company_today()
    recent = db.session.scalars(sa.select(EmploymentEvent.to_position_id).where(
        EmploymentEvent.kind.in_((EventKind.HIRE, EventKind.TRANSFER, EventKind.PROMOTION)),
        EmploymentEvent.effective_on >= today - timedelta(days=60), EmploymentEvent.to_position_id.is_not(None),
    ).distinct()).all()
    assert recent, "the demo has recent hires"
    course = write_course("C-DEMO", "入职培训演示", pass_score=None)
    db.session.add_all(PositionCourse(position_id=p, course_id=course.id, due_days=30) for p in recent)
    db.session.flush()
    report = SeedReport(seed=4, today=today)
    seed_demo(report)
    made = report.counts["training_inductions"]
    assert made > 0 and count(InductionAssignment) >= made
    done = db.session.scalar(sa.select(sa.func.count()).select_from(InductionAssignment)
                             .where(InductionAssignment.status == InductionStatus.DONE))
    assert 0 < done < count(InductionAssignment)
    again = SeedReport(seed=4, today=today)
    seed_demo(again)
    assert again.counts["training_inductions"] == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(InductionAssignment)
                             .where(InductionAssignment.status == InductionStatus.DONE)) == done
