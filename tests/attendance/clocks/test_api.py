"""POST /api/v1/attendance/punches: a device token authenticates, each item is answered stored / duplicate /
refused, a batch posted again stores nothing new, and user tokens or revoked tokens are refused."""
from datetime import datetime

import sqlalchemy as sa

from hrapp.blueprints.attendance.clocks.services import issue_device_token, revoke_device_token
from hrapp.blueprints.auth.tokens import issue_api_token
from hrapp.extensions import db
from hrapp.models import Punch, PunchSource

URL = "/api/v1/attendance/punches"


def _token(device) -> str:
    token = issue_device_token(None, device, None)
    db.session.commit()
    return token


def _post(client, token, punches):
    return client.post(URL, json={"punches": punches}, headers={"Authorization": f"Bearer {token}"})


def test_a_batch_is_stored_once_and_answered_per_item(client, org, device):
    token = _token(device)
    desk = org.desk_staff.staff_number
    items = [{"user_id": desk, "timestamp": "2026-05-04T08:58:00", "state": 0, "verify": 1},
             {"user_id": desk, "timestamp": "2026-05-04T18:02:00+08:00", "state": 1},
             {"user_id": "5555", "timestamp": "2026-05-04T09:00:00Z"},
             {"user_id": desk, "timestamp": "2099-01-01T08:00:00"},
             {"user_id": desk, "timestamp": "2026-05-04 08:58"},  # the first one again, written differently
             {"user_id": desk, "timestamp": "not a time at all"}]
    answer = _post(client, token, items)
    assert answer.status_code == 200, answer.json
    assert [(r["status"], r["reason"]) for r in answer.json["results"]] == [
        ("stored", None), ("stored", None), ("stored", None), ("refused", "future"), ("duplicate", None),
        ("refused", "invalid_timestamp")]
    assert answer.json["totals"] == {"stored": 3, "duplicates": 1, "refused": 2, "unmapped": 1}
    punches = {(p.clock_id, p.punched_at): p for p in db.session.scalars(sa.select(Punch))}
    assert set(punches) == {(desk, datetime(2026, 5, 4, 0, 58)), (desk, datetime(2026, 5, 4, 10, 2)),
                            ("5555", datetime(2026, 5, 4, 9, 0))}
    first = punches[(desk, datetime(2026, 5, 4, 0, 58))]
    assert (first.source, first.device_id, first.staff_id, first.state, first.verify_mode) == (
        PunchSource.API, device.id, org.desk_staff.id, 0, 1)
    again = _post(client, token, items)
    assert again.json["totals"] == {"stored": 0, "duplicates": 4, "refused": 2, "unmapped": 0}
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Punch)) == 3


def test_device_local_time_follows_the_device_zone(client, org, make_device):
    bangkok = make_device("CLK-BKK", "曼谷", "Asia/Bangkok")
    answer = _post(client, _token(bangkok), [{"user_id": org.desk_staff.staff_number,
                                              "timestamp": "2026-05-04T08:58:00"}])
    assert answer.json["totals"]["stored"] == 1
    assert db.session.scalar(sa.select(Punch.punched_at)) == datetime(2026, 5, 4, 1, 58)


def test_without_a_device_token_401(client, org, device):
    item = [{"user_id": org.desk_staff.staff_number, "timestamp": "2026-05-04T08:58:00"}]
    assert client.post(URL, json={"punches": item}).status_code == 401
    assert _post(client, "clk_wrong", item).status_code == 401
    _row, user_token = issue_api_token(org.hr, "hr's token", actor=org.hr)  # a user's token is not a device's
    db.session.commit()
    assert _post(client, user_token, item).status_code == 401
    token = _token(device)
    revoke_device_token(None, device, None)
    db.session.commit()
    assert _post(client, token, item).status_code == 401
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Punch)) == 0


def test_a_deactivated_device_token_401(client, org, device):
    token = _token(device)
    device.active = False
    db.session.commit()
    assert _post(client, token, [{"user_id": "1", "timestamp": "2026-05-04T08:58:00"}]).status_code == 401


def test_invalid_bodies_422(client, org, device):
    token = _token(device)
    assert _post(client, token, []).status_code == 422
    assert _post(client, token, [{"user_id": "1"}]).status_code == 422
    assert _post(client, token, [{"user_id": "1", "timestamp": "2026-05-04T08:58:00", "state": 999}]).status_code \
        == 422
    too_many = [{"user_id": "1", "timestamp": "2026-05-04T08:58:00"}] * 5001
    assert _post(client, token, too_many).status_code == 422
    response = client.post(URL, data="{nope", content_type="application/json",
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 400


def test_the_endpoint_is_documented(client):
    spec = client.get("/api/v1/openapi.json").json
    operation = spec["paths"]["/api/v1/attendance/punches"]["post"]
    assert "requestBody" in operation and "200" in operation["responses"]
