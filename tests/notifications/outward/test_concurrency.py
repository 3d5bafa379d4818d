"""Two senders at once (two ticks whose leases overlapped, or two servers): every delivery goes out once. Two
threads, each with its own app and connection on a SQLite file (or the suite's PostgreSQL), wait at a barrier
and then send the same due deliveries; the atomic claim decides who sends each one."""

import pytest
import sqlalchemy as sa

from hrapp.blueprints.notifications.outward.sending import send_due
from hrapp.extensions import db
from hrapp.models import DeliveryStatus, Department, GroupRobot, OutwardChannel, OutwardDelivery, utcnow
from tests.race_apps import run_together, separate_app

pytestmark = pytest.mark.committed
COUNT = 12


@pytest.fixture
def race_app(app, tmp_path, robots):
    def seed() -> None:
        front = Department(code="FO", name="前厅部", path="")
        db.session.add(front)
        db.session.flush()
        front.path = f"/{front.id}/"
        robot = GroupRobot(department_id=front.id, platform="wecom", name="前厅群", webhook_url=robots.url("wecom", "k"))
        db.session.add(robot)
        db.session.flush()
        db.session.add_all(OutwardDelivery(kind="general", channel=OutwardChannel.GROUP_ROBOT, robot_id=robot.id,
                                           recipient="前厅群", body=f"message {n}") for n in range(COUNT))

    with separate_app(app, tmp_path, seed) as other:
        yield other


def test_two_senders_at_once_send_each_delivery_once(race_app, robots):
    def send(ready) -> int:
        ready()
        return send_due(utcnow())

    outcomes = run_together(race_app, send)
    assert all(isinstance(o, int) for o in outcomes) and sum(outcomes) == COUNT, outcomes
    assert sorted(robots.texts()) == sorted(f"message {n}" for n in range(COUNT))
    with race_app.app_context():
        rows = db.session.execute(sa.select(OutwardDelivery.status, OutwardDelivery.attempts)).all()
    assert set(rows) == {(DeliveryStatus.SENT, 1)}
