"""Two scores for the same person sent at the same moment (a double click on two pages): exactly one attempt and
one certificate are stored, the other submit gets the normal "recorded already" message. Two threads, each with
its own app and connection on a SQLite file (or the suite's PostgreSQL), wait at a barrier and then record."""
import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.training.results.assessment import record_attempt
from hrapp.blueprints.training.results.messages import MESSAGES, ResultsError
from hrapp.core.uniqueness import duplicates_refused
from hrapp.extensions import db
from hrapp.models import (
    Attempt,
    Certificate,
    Course,
    CourseCategory,
    Department,
    Enrolment,
    Gender,
    Presence,
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
    staff = StaffMember(staff_number="E1", name_zh="张三", gender=Gender.FEMALE, birth_on=date(1990, 1, 1),
                        hire_on=date(2020, 3, 1), id_number="110101199001011234", department=front,
                        daily_wage_amount=Decimal("200.00"), monthly_base_amount=Decimal("4500.00"))
    course = Course(code="C-FIRE", title="消防安全", category=CourseCategory.SAFETY, pass_score=Decimal("60"),
                    certificate_months=12)
    db.session.add_all([staff, course])
    db.session.flush()
    starts = utcnow() - timedelta(hours=1)
    session = TrainingSession(course_id=course.id, starts_at=starts, ends_at=starts + timedelta(hours=2))
    db.session.add(session)
    db.session.flush()
    db.session.add(Enrolment(session_id=session.id, staff_id=staff.id, presence=Presence.PRESENT))


@pytest.fixture
def race_app(app, tmp_path):
    with separate_app(app, tmp_path, _seed) as other:
        yield other


def test_two_scores_at_once_store_one(race_app):
    barrier, outcomes = threading.Barrier(2), []

    def record(score: str) -> None:
        with race_app.app_context():
            enrolment = db.session.scalar(sa.select(Enrolment))
            enrolment.session.course  # noqa: B018  (loaded before the barrier, as a page would have)
            barrier.wait()
            try:
                with duplicates_refused(ResultsError):
                    record_attempt(None, enrolment, Decimal(score))
                    db.session.commit()
                outcomes.append("stored")
            except ResultsError as exc:
                db.session.rollback()
                outcomes.append(exc.message)
            except Exception as exc:  # noqa: BLE001  (SQLite: the writer that waited too long)
                db.session.rollback()
                outcomes.append(type(exc).__name__)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=record, args=(s,)) for s in ("80", "85")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    with race_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Attempt)) == 1
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Certificate)) == 1
    assert len(outcomes) == 2 and outcomes.count("stored") == 1
    refused = next(o for o in outcomes if o != "stored")
    assert refused in (str(MESSAGES["duplicate_attempt"]), str(MESSAGES["already_here"]))
