"""The rewards API: list within scope and filters, a proposal with its refusals, Idempotency-Key retries, one's
own rewards; and twenty concurrent retries of one key making one reward (a live server, real threads)."""
import json
import logging
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date
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
from hrapp.models import ConductRule, Gender, RecordSource, Reward, RewardState, Role
from tests.api.conftest import bearer
from tests.conduct.rewards.conftest import reward_body


def body(staff, **overrides) -> dict:
    data = reward_body(staff, **overrides)
    data.pop("propose")
    return data


@pytest.fixture
def tokens(site):
    return {u.username: bearer(u) for u in (site.admin, site.hr, site.head, site.staff, site.other_staff,
                                            site.hk_head, site.desk_head)}


def test_post_proposes_and_a_retry_returns_the_first(client, site, tokens):
    headers = tokens["head"] | {"Idempotency-Key": "abc-1"}
    first = client.post("/api/v1/rewards", json=body(site.desk_staff), headers=headers)
    assert first.status_code == 201, first.get_json()
    data = first.get_json()
    assert (data["state"], data["amount"], data["kind"], data["source"]) == ("proposed", "300.00", "bonus", "api")
    again = client.post("/api/v1/rewards", json=body(site.desk_staff, amount="999.00"), headers=headers)
    assert again.status_code == 200 and again.get_json()["id"] == data["id"]
    other_key = client.post("/api/v1/rewards", json=body(site.desk_staff), headers=tokens["head"]
                            | {"Idempotency-Key": "abc-2"})
    assert other_key.status_code == 201 and other_key.get_json()["id"] != data["id"]
    hr_same_key = client.post("/api/v1/rewards", json=body(site.desk_staff), headers=tokens["hr"]
                              | {"Idempotency-Key": "abc-1"})
    assert hr_same_key.status_code == 201  # a key is its proposer's own
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Reward)) == 3
    assert db.session.get(Reward, data["id"]).source == RecordSource.API


@pytest.mark.parametrize("overrides,field", [
    ({"amount": "99.99"}, "amount"), ({"amount": "5000.01"}, "amount"), ({"amount": 12.5}, "amount"),
    ({"amount": "NaN"}, "amount"), ({"amount": "1.001"}, "amount"), ({"amount": None}, "amount"),
    ({"kind": "medal"}, "kind"), ({"rule_code": "2-4"}, "rule_code"), ({"rule_code": "NOPE"}, "rule_code"),
    ({"awarded_on": "2031-01-01"}, "awarded_on"), ({"reason": ""}, "reason"),
    ({"staff_number": "NOPE"}, "staff_number"),
])
def test_post_refuses_bad_input_with_field_messages(client, site, tokens, overrides, field):
    response = client.post("/api/v1/rewards", json=body(site.desk_staff, **overrides), headers=tokens["head"])
    assert response.status_code == 422 and field in response.get_json()["errors"], response.get_json()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Reward)) == 0


def test_post_access(client, site, tokens):
    assert client.post("/api/v1/rewards", json=body(site.desk_staff)).status_code == 401
    assert client.post("/api/v1/rewards", json=body(site.hk_staff), headers=tokens["staff"]).status_code == 403
    for user, staff in (("head", site.hk_staff), ("head", site.head_staff), ("hkhead", site.desk_staff)):
        response = client.post("/api/v1/rewards", json=body(staff), headers=tokens[user])
        assert response.status_code == 422 and "staff_number" in response.get_json()["errors"], (user, staff)
    assert client.post("/api/v1/rewards", json=body(site.hk_staff), headers=tokens["hr"]).status_code == 201
    assert client.post("/api/v1/rewards", json=body(site.hk_staff), headers=tokens["admin"]).status_code == 201


def test_list_scope_filters_and_mine(client, site, tokens, make_reward):
    r2 = db.session.scalar(sa.select(ConductRule).where(ConductRule.code == "R-2"))
    desk = make_reward(site.desk_staff, r2, amount=300, awarded_on=date(2026, 5, 3))
    make_reward(site.desk_staff, r2, state=RewardState.PROPOSED, awarded_on=date(2026, 6, 3))
    make_reward(site.hk_staff, r2, awarded_on=date(2026, 5, 4))

    def numbers(user, query=""):
        response = client.get(f"/api/v1/rewards{query}", headers=tokens[user])
        assert response.status_code == 200, response.get_json()
        return {item["staff_number"] for item in response.get_json()["items"]}, response.get_json()["total"]

    assert numbers("hr") == ({site.desk_staff.staff_number, site.hk_staff.staff_number}, 3)
    assert numbers("hr", f"?month=2026-05&department_id={site.front.id}") == ({site.desk_staff.staff_number}, 1)
    assert numbers("hr", "?state=proposed") == ({site.desk_staff.staff_number}, 1)
    assert numbers("head") == ({site.desk_staff.staff_number}, 2)
    assert numbers("head", f"?department_id={site.housekeeping.id}") == (set(), 0)  # narrows, never widens
    assert numbers("staff") == ({site.desk_staff.staff_number}, 1)  # own, approved only
    assert numbers("other") == ({site.hk_staff.staff_number}, 1)
    assert client.get("/api/v1/rewards?month=May", headers=tokens["hr"]).status_code == 422
    assert client.get("/api/v1/rewards?state=won", headers=tokens["hr"]).status_code == 422
    assert client.get("/api/v1/rewards").status_code == 401
    mine = client.get("/api/v1/me/rewards", headers=tokens["staff"]).get_json()
    assert [item["number"] for item in mine["items"]] == [desk.number]
    assert client.get("/api/v1/me/rewards", headers=tokens["hr"]).get_json() == {"staff_id": None, "items": []}
    assert client.get("/api/v1/me/rewards").status_code == 401


def test_openapi_documents_the_endpoints(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert {"/api/v1/rewards", "/api/v1/me/rewards"} <= set(spec["paths"])
    post = spec["paths"]["/api/v1/rewards"]["post"]
    assert any(p["name"] == "Idempotency-Key" for p in post["parameters"])


RACERS = 20


@pytest.fixture
def api_server(app, tmp_path):
    """The app served on 127.0.0.1 in a thread (its own SQLite file, or the suite's PostgreSQL), with a head of
    FO, one person in FO and the catalogue; yields (url, token)."""
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if sa.make_url(uri).get_backend_name() == "sqlite":
        uri = f"sqlite:///{tmp_path / 'rewards.sqlite'}"
    server_app = create_app(type("RaceConfig", (TestingConfig,), {"SQLALCHEMY_DATABASE_URI": uri}))
    with server_app.app_context():
        db.create_all()
        front = save_department(None, None, "FO", "前厅部", "Front office", None, 10)
        db.session.flush()
        create_staff(StaffData(staff_number="E1", name_zh="甲", gender=Gender.FEMALE, department_id=front.id,
                               hire_on=date(2020, 3, 1), birth_on=date(1990, 1, 1),
                               daily_wage_amount=Decimal("200.00")), None)
        head = create_user("boss", "Correct-Horse-Battery-9", Role.HEAD, None, departments=[front],
                           must_change_password=False)
        seed_catalogue(None)
        _row, token = issue_api_token(head)
        db.session.commit()
        db.session.remove()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, server_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server_app, f"http://127.0.0.1:{server.server_port}", token
    finally:
        server.shutdown()
        thread.join(timeout=10)
        with server_app.app_context():
            db.engine.dispose()


def _post(url: str, token: str, payload: dict, key: str) -> tuple[int, dict]:
    request = urllib.request.Request(f"{url}/api/v1/rewards", data=json.dumps(payload).encode(), method="POST",
                                     headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key,
                                              "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


@pytest.mark.committed
def test_twenty_concurrent_retries_of_one_key_make_one_reward(api_server):
    server_app, url, token = api_server
    payload = {"staff_number": "E1", "rule_code": "R-2", "kind": "bonus", "awarded_on": "2026-05-12",
               "amount": "300.00", "reason": "并发"}
    barrier = threading.Barrier(RACERS)

    def send(_n):
        barrier.wait(timeout=60)
        return _post(url, token, payload, "same-key")

    with ThreadPoolExecutor(max_workers=RACERS) as pool:
        results = list(pool.map(send, range(RACERS)))
    statuses = sorted(status for status, _ in results)
    assert all(status in (200, 201) for status in statuses), statuses
    assert statuses.count(201) == 1
    assert len({data["id"] for _, data in results}) == 1
    with server_app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Reward)) == 1
        db.session.remove()
