"""Two requests for overlapping days sent at the same moment: exactly one is stored, the other is refused as an
overlap. Two threads, each with its own app and connection on a SQLite file (or the suite's PostgreSQL), wait at
a barrier and then ask; the lock on the person's row serialises their checks."""
import threading
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.leave.defaults import ensure_default_types, leave_type
from hrapp.blueprints.leave.requests.messages import LeaveRequestError
from hrapp.blueprints.leave.requests.services import LeaveDraft, create_request
from hrapp.extensions import db
from hrapp.models import Department, Gender, LeaveRequest, Role, StaffMember, User
from tests.race_apps import separate_app

pytestmark = pytest.mark.committed


def _seed() -> None:
    ensure_default_types()
    front = Department(code="FO", name="前厅部", path="")
    db.session.add(front)
    db.session.flush()
    front.path = f"/{front.id}/"
    staff = StaffMember(staff_number="E1", name_zh="张三", gender=Gender.FEMALE, birth_on=date(1990, 1, 1),
                        hire_on=date(2020, 3, 1), id_number="110101199001011234", department=front,
                        daily_wage_amount=Decimal("200.00"), monthly_base_amount=Decimal("4500.00"))
    db.session.add(staff)
    db.session.add(User(username="e1", password_hash="x", role=Role.STAFF, staff=staff))


@pytest.fixture
def race_app(app, tmp_path):
    with separate_app(app, tmp_path, _seed) as other:
        yield other


def test_two_overlapping_requests_at_once_store_one(race_app):
    barrier, outcomes = threading.Barrier(2), []

    def ask(first: date, last: date) -> None:
        with race_app.app_context():
            user = db.session.scalar(sa.select(User).where(User.username == "e1"))
            kind = leave_type("personal")
            barrier.wait()
            try:
                create_request(user, user.staff, kind, LeaveDraft(kind.id, first, last))
                db.session.commit()
                outcomes.append("stored")
            except LeaveRequestError:
                db.session.rollback()
                outcomes.append("overlap")
            finally:
                db.session.remove()

    threads = [threading.Thread(target=ask, args=(date(2027, 1, 4), date(2027, 1, 6))),
               threading.Thread(target=ask, args=(date(2027, 1, 6), date(2027, 1, 8)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["overlap", "stored"]
    with race_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(LeaveRequest)) == 1
