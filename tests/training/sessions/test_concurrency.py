"""Two people taking the last seat at the same moment: one gets it, the other goes on the waiting list. Two threads,
each with its own app and connection on a SQLite file (or the suite's PostgreSQL), wait at a barrier and then
enrol; the lock on the session's row (SELECT ... FOR UPDATE on PostgreSQL, the write lock on SQLite) counts the
seats one after the other."""
import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.training.sessions.enrolment import enrol
from hrapp.extensions import db
from hrapp.models import (
    Course,
    CourseCategory,
    Department,
    Enrolment,
    EnrolmentStatus,
    Gender,
    StaffMember,
    TrainingSession,
    utcnow,
)
from tests.race_apps import separate_app

pytestmark = pytest.mark.committed


def _seed() -> None:
    front = Department(code="FO", name="前厅部", path="")
    db.session.add(front)
    db.session.flush()
    front.path = f"/{front.id}/"
    for n in (1, 2):
        db.session.add(StaffMember(staff_number=f"E{n}", name_zh=f"员工{n}", gender=Gender.FEMALE,
                                   birth_on=date(1990, 1, 1), hire_on=date(2020, 3, 1),
                                   id_number=f"11010119900101123{n}", department=front,
                                   daily_wage_amount=Decimal("200.00"), monthly_base_amount=Decimal("4500.00")))
    course = Course(code="C1", title="服务礼仪", category=CourseCategory.SERVICE, hours=Decimal("2"))
    db.session.add(course)
    db.session.flush()
    starts = utcnow() + timedelta(days=3)
    db.session.add(TrainingSession(course_id=course.id, starts_at=starts, ends_at=starts + timedelta(hours=2),
                                   capacity=1))


@pytest.fixture
def race_app(app, tmp_path):
    with separate_app(app, tmp_path, _seed) as other:
        yield other


def test_two_people_taking_the_last_seat_one_gets_it_the_other_waits(race_app):
    barrier, outcomes = threading.Barrier(2), []

    def take(number: str) -> None:
        with race_app.app_context():
            session = db.session.scalar(sa.select(TrainingSession))
            person = db.session.scalar(sa.select(StaffMember).where(StaffMember.staff_number == number))
            barrier.wait()
            try:
                outcomes.append(enrol(session, [person], None)[0].result)
                db.session.commit()
            finally:
                db.session.remove()

    threads = [threading.Thread(target=take, args=(n,)) for n in ("E1", "E2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["enrolled", "waiting"]
    with race_app.app_context():
        statuses = sorted(db.session.scalars(sa.select(Enrolment.status)))
        assert statuses == [EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITING]
