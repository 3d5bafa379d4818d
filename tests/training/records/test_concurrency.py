"""The hire's signal and the catch-up tick assigning the same person's inductions at the same moment: each
assignment is stored once and neither fails. Two threads, each with its own app and connection on a SQLite file
(or the suite's PostgreSQL), wait at a barrier and then assign; the unique constraint decides."""
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.training.records.induction import assign_inductions
from hrapp.extensions import db
from hrapp.models import (
    Course,
    CourseCategory,
    Department,
    Gender,
    InductionAssignment,
    InductionReason,
    Position,
    PositionCourse,
    StaffMember,
)
from tests.race_apps import run_together, separate_app

pytestmark = pytest.mark.committed


def _seed() -> None:
    front = Department(code="FO", name="前厅部", path="")
    db.session.add(front)
    db.session.flush()
    front.path = f"/{front.id}/"
    job = Position(code="DESK", name="前台接待", department=front)
    courses = [Course(code=f"C{n}", title=f"课程{n}", category=CourseCategory.SAFETY) for n in range(3)]
    db.session.add_all([job, *courses])
    db.session.flush()
    db.session.add_all(PositionCourse(position_id=job.id, course_id=c.id) for c in courses)
    db.session.add(StaffMember(staff_number="E1", name_zh="张三", gender=Gender.FEMALE,
                               birth_on=date(1990, 1, 1), hire_on=date(2026, 11, 20), position=job,
                               id_number="110101199001011234", department=front,
                               daily_wage_amount=Decimal("200.00"), monthly_base_amount=Decimal("4500.00")))


@pytest.fixture
def race_app(app, tmp_path):
    with separate_app(app, tmp_path, _seed) as other:
        yield other


def test_two_assignments_at_once_store_each_course_once(race_app):
    def assign(ready) -> int:
        staff = StaffMember.numbered("E1")
        ready()
        assigned = assign_inductions(staff, staff.position_id, staff.hire_on, InductionReason.HIRE)
        db.session.commit()
        return assigned

    outcomes = run_together(race_app, assign)
    assert sorted(outcomes) == [0, 3]
    with race_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(InductionAssignment)) == 3
