"""Acceptance: 20 concurrent identical API submissions with one idempotency key create one violation.

A live server (werkzeug, threaded) serves its own app on a SQLite file (each request its own connection) or on
the suite's PostgreSQL database; each of 20 threads has its own HTTP connection, waits at a barrier, then posts
the same JSON with the same key. Every answer is the one violation (201 for the winner, 200 for the retries),
never a 500: the (recorded_by_id, idempotency_key) unique constraint decides a lost race.
"""
import json
import logging
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa
from werkzeug.serving import make_server

from config import TestingConfig
from hrapp import create_app
from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.auth.tokens import issue_api_token
from hrapp.blueprints.conduct.catalogue.seed import seed_catalogue
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.staff.rules import StaffData
from hrapp.blueprints.staff.services import create_staff
from hrapp.extensions import db
from hrapp.models import Gender, Role, Violation

pytestmark = pytest.mark.committed
RACERS = 20
PASSWORD = "Correct-Horse-Battery-9"


def _seed() -> str:
    """FO with one clerk and its head; the standard catalogue; the head's API token (returned)."""
    front = save_department(None, None, "FO", "前厅部", "Front office", None, 10)
    db.session.flush()
    clerk = create_staff(StaffData(staff_number="E1", name_zh="张三", gender=Gender.FEMALE, department_id=front.id,
                                   hire_on=date(2020, 3, 1), birth_on=date(1990, 1, 1),
                                   daily_wage_amount=Decimal("200.00")), None)
    head = create_user("head", PASSWORD, Role.HEAD, None, departments=[front], must_change_password=False)
    seed_catalogue(None)
    db.session.flush()
    token = issue_api_token(head, "race")[1]
    db.session.commit()
    assert clerk.id
    return token


@pytest.fixture
def live(app, tmp_path):
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if sa.make_url(uri).get_backend_name() == "sqlite":
        uri = f"sqlite:///{tmp_path / 'violations-race.sqlite'}"
    race_app = create_app(type("RaceConfig", (TestingConfig,), {"SQLALCHEMY_DATABASE_URI": uri}))
    with race_app.app_context():
        db.create_all()
        token = _seed()
        db.session.remove()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, race_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield race_app, f"http://127.0.0.1:{server.server_port}", token
    finally:
        server.shutdown()
        thread.join(timeout=10)
        with race_app.app_context():
            db.engine.dispose()


def _post(url: str, body: dict, headers: dict) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def test_twenty_identical_submissions_with_one_key_make_one_violation(live):
    race_app, base, token = live
    when = (datetime.now(UTC) + timedelta(hours=8) - timedelta(days=2)).replace(tzinfo=None, microsecond=0)
    body = {"staff_number": "E1", "rule_code": "2-4", "occurred_at": when.isoformat(), "amount": "15",
            "description": "没穿工服"}
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "same-key-1"}
    barrier = threading.Barrier(RACERS)

    def send(_):
        barrier.wait(timeout=60)
        return _post(f"{base}/api/v1/violations", body, headers)

    with ThreadPoolExecutor(max_workers=RACERS) as pool:
        answers = list(pool.map(send, range(RACERS)))
    statuses = sorted(status for status, _ in answers)
    assert all(status < 500 for status in statuses), statuses
    assert statuses.count(201) == 1, statuses
    assert {data.get("number") for _, data in answers} == {answers[0][1]["number"]}, answers
    with race_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Violation)) == 1
