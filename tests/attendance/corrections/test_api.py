"""GET and POST /api/v1/me/attendance/corrections: the list with the month's count, asking (422 refusals, the
Idempotency-Key, 409 in a closed month), no staff record, no token, the OpenAPI document."""
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AttendanceCorrection
from tests.api.conftest import bearer

from .test_services import close_may

URL = "/api/v1/me/attendance/corrections"


def _body(o, **kw):
    return {"day": o.day.isoformat(), "kind": "missing_out", "time": "15:05", "reason": "Forgot", **kw}


def test_ask_then_list(client, missing_out):
    o = missing_out
    created = client.post(URL, json=_body(o), headers=bearer(o.fo_user))
    assert created.status_code == 201, created.json
    assert (created.json["status"], created.json["kind"], created.json["day"]) == ("pending", "missing_out",
                                                                                   o.day.isoformat())
    listed = client.get(URL, headers=bearer(o.fo_user)).json
    assert [c["id"] for c in listed["items"]] == [created.json["id"]]
    assert listed["limit_per_month"] == 3


def test_idempotency_key_returns_the_first(client, missing_out):
    o = missing_out
    headers = {**bearer(o.fo_user), "Idempotency-Key": "abc-1"}
    first = client.post(URL, json=_body(o), headers=headers)
    again = client.post(URL, json=_body(o), headers=headers)
    assert (first.status_code, again.status_code) == (201, 200) and first.json["id"] == again.json["id"]
    assert db.session.scalar(sa.select(sa.func.count(AttendanceCorrection.id))) == 1
    too_long = client.post(URL, json=_body(o), headers={**bearer(o.fo_user), "Idempotency-Key": "x" * 81})
    assert too_long.status_code == 422


def test_refusals_are_422_with_the_field(client, missing_out):
    o = missing_out
    client.post("/auth/locale/en")
    wrong_side = client.post(URL, json=_body(o, kind="missing_in", time="07:00"), headers=bearer(o.fo_user))
    assert wrong_side.status_code == 422 and "kind" in wrong_side.json["errors"]
    outside = client.post(URL, json=_body(o, time="23:00"), headers=bearer(o.fo_user))
    assert outside.status_code == 422 and "time" in outside.json["errors"]
    missing = client.post(URL, json={"day": o.day.isoformat()}, headers=bearer(o.fo_user))
    assert missing.status_code == 422
    assert client.post(URL, json=_body(o), headers=bearer(o.fo_user)).status_code == 201
    duplicate = client.post(URL, json=_body(o, time="15:10"), headers=bearer(o.fo_user))
    assert duplicate.status_code == 422 and "kind" in duplicate.json["errors"]


def test_closed_month_is_409(client, missing_out):
    o = missing_out
    close_may(o)
    assert client.post(URL, json=_body(o), headers=bearer(o.fo_user)).status_code == 409


def test_no_staff_record_no_token(client, missing_out):
    o = missing_out
    assert client.get(URL, headers=bearer(o.hr)).json["items"] == []
    assert client.post(URL, json=_body(o), headers=bearer(o.hr)).status_code == 422
    assert client.get(URL).status_code == 401
    assert client.post(URL, json=_body(o)).status_code == 401


def test_documented(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    assert {"get", "post"} <= set(paths[URL])
    assert any(p["name"] == "Idempotency-Key" for p in paths[URL]["post"]["parameters"])
