"""Two plans for one department and year at the same moment: exactly one is stored, the other gets the normal
"already has a plan" message (from the check, or from the unique constraint when both passed the check), never a
500. Two threads, each with its own app and connection on a SQLite file (or the suite's PostgreSQL)."""
import threading
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.training.plans.services import MESSAGES, create_plan
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import Department, Role, TrainingPlan, User
from tests.race_apps import separate_app

pytestmark = pytest.mark.committed
DUPLICATE = str(MESSAGES["duplicate"])


def _seed() -> None:
    front = Department(code="FO", name="前厅部", path="")
    db.session.add(front)
    db.session.flush()
    front.path = f"/{front.id}/"
    db.session.add(User(username="hr1", password_hash="x", role=Role.HR))


@pytest.fixture
def race_app(app, tmp_path):
    with separate_app(app, tmp_path, _seed) as other:
        yield other


def test_two_plans_for_one_year_at_once_store_one(race_app):
    barrier, outcomes = threading.Barrier(2), []

    def create() -> None:
        with race_app.app_context():
            user = db.session.scalar(sa.select(User).where(User.username == "hr1"))
            front = db.session.scalar(sa.select(Department).where(Department.code == "FO"))
            barrier.wait()
            try:
                with duplicates_refused():
                    create_plan(user, front, 2027, Decimal("10"), Decimal("100"))
                    db.session.commit()
                outcomes.append("stored")
            except ValidationFailed as exc:
                db.session.rollback()
                outcomes.append(str(exc.message))
            finally:
                db.session.remove()

    threads = [threading.Thread(target=create) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == sorted(["stored", DUPLICATE])
    with race_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(TrainingPlan)) == 1


def test_the_constraint_itself_answers_with_the_message(site):
    """Past the check (a row written straight to the table), the constraint refuses with the same message."""
    create_plan(site.hr, site.front, 2027, Decimal("1"), Decimal("1"))
    db.session.commit()
    with pytest.raises(ValidationFailed) as caught, duplicates_refused():
        db.session.execute(sa.insert(TrainingPlan).values(department_id=site.front.id, year=2027, status="draft",
                                                          budget_hours=0, budget_cost=0, note="", version_id=1,
                                                          decision_note=""))
        db.session.commit()
    assert caught.value.errors == {"year": [DUPLICATE]}
