"""Rosters through the API: a department's rosters with cells and times, `/me/shifts`, the access matrix
(heads their subtree, staff their own department and their own row, others 403, no token 401) and the
OpenAPI document."""
from datetime import date

import pytest

from hrapp.blueprints.roster.services import create_roster
from hrapp.extensions import db
from hrapp.models import PeriodKind
from tests.api.conftest import bearer

MAY = "period=2026-05"


@pytest.fixture
def headers(rostered):
    """Username -> Authorization header, for every account of `rostered`."""
    o = rostered
    return {u.username: bearer(u) for u in (o.admin, o.hr, o.head, o.hk_head, o.staff, o.fo_user, o.other_staff)}


def get(client, headers, who, department, query=MAY):
    return client.get(f"/api/v1/rosters?department_id={department.id}&{query}", headers=headers[who])


@pytest.mark.parametrize("who, department, status, rows", [
    ("admin", "front", 200, 4), ("hr", "front", 200, 4), ("head", "front", 200, 4),
    ("head", "front_desk", 200, None), ("head", "housekeeping", 404, None),
    ("hkhead", "front", 404, None), ("hkhead", "housekeeping", 200, None),
    ("zhangsan", "front", 200, 1), ("zhangsan", "housekeeping", 404, None),
    ("staff", "front", 404, None), ("other", "front", 404, None),
])
def test_api_rosters_access_matrix(client, rostered, headers, who, department, status, rows):
    response = get(client, headers, who, getattr(rostered, department))
    assert response.status_code == status, response.get_json()
    body = response.get_json()
    if status != 200:  # another department's rosters answer like a missing department
        assert body["code"] == "not_found"
    elif rows is None:
        assert body["items"] == []  # a department without rosters in May
    else:
        (roster,) = body["items"]
        assert len(roster["rows"]) == rows and roster["all_rows"] is (rows > 1)


def test_api_roster_body(client, rostered, headers):
    body = get(client, headers, "head", rostered.front).get_json()
    assert (body["first"], body["last"], body["department_id"]) == ("2026-05-01", "2026-05-31", rostered.front.id)
    (roster,) = body["items"]
    assert roster["period"] == "2026-05" and roster["status"] == "published" and roster["period_kind"] == "month"
    assert roster["department"]["code"] == "FO" and {t["code"] for t in roster["shift_types"]} == set("早中夜休假")
    row = next(r for r in roster["rows"] if r["name"] == "张三")
    assert row["staff_number"] == rostered.fo_staff[0].staff_number and len(row["cells"]) == 31
    first = row["cells"][0]
    assert first == {"date": "2026-05-01", "code": "早", "start": "2026-05-01T07:00:00+08:00",
                     "end": "2026-05-01T15:00:00+08:00"}
    night = next(c for c in row["cells"] if c["code"] == "夜")
    assert night["start"].endswith("T22:00:00+08:00") and night["end"][:10] > night["date"]  # ends next day
    rest = next(c for c in row["cells"] if c["code"] == "休")
    assert rest["start"] is None and rest["end"] is None
    assert row["totals"]["work_days"] == sum(1 for c in row["cells"] if c["code"] in "早中夜")


def test_api_staff_see_only_their_own_row_and_no_drafts(client, rostered, headers):
    create_roster(rostered.head, rostered.front, PeriodKind.WEEK, date(2026, 6, 3))
    db.session.commit()
    (roster,) = get(client, headers, "zhangsan", rostered.front).get_json()["items"]
    assert [r["name"] for r in roster["rows"]] == ["张三"] and roster["all_rows"] is False
    query = "first=2026-05-25&last=2026-06-10"
    assert [r["period"] for r in get(client, headers, "zhangsan", rostered.front, query).get_json()["items"]] \
        == ["2026-05"]
    assert [r["status"] for r in get(client, headers, "head", rostered.front, query).get_json()["items"]] \
        == ["published", "draft"]


@pytest.mark.parametrize("query, field", [
    ("period=2026-13", "period"), ("period=May", "period"), ("first=2026-05-10&last=2026-05-01", "first"),
    ("first=2026-01-01&last=2027-06-01", "first"), ("period=2026-05&first=2026-05-01", "period"),
    ("first=junk", "first"),
])
def test_api_rosters_argument_errors(client, rostered, headers, query, field):
    response = get(client, headers, "hr", rostered.front, query)
    assert response.status_code == 422 and field in response.get_json()["errors"], response.get_json()


def test_api_rosters_department_is_required_and_must_exist(client, rostered, headers):
    response = client.get("/api/v1/rosters?period=2026-05", headers=headers["hr"])
    assert response.status_code == 422 and "department_id" in response.get_json()["errors"]
    assert client.get("/api/v1/rosters?department_id=999999", headers=headers["hr"]).status_code == 404


def test_api_week_period(client, rostered, headers):
    body = get(client, headers, "hr", rostered.front, "period=2026-W19").get_json()
    assert (body["first"], body["last"]) == ("2026-05-04", "2026-05-10") and len(body["items"]) == 1


def test_api_my_shifts(client, rostered, headers):
    response = client.get("/api/v1/me/shifts?from=2026-05-01&to=2026-05-07", headers=headers["zhangsan"])
    assert response.status_code == 200
    body = response.get_json()
    assert body["staff_id"] == rostered.fo_staff[0].id and (body["from"], body["to"]) == ("2026-05-01", "2026-05-07")
    assert [s["code"] for s in body["items"]] == list("早中中夜休休早")
    assert body["items"][0] == {**body["items"][0], "date": "2026-05-01", "department": "前厅部", "kind": "work",
                                "start": "2026-05-01T07:00:00+08:00", "name": "早班"}
    assert body["items"][5]["start"] is None


def test_api_my_shifts_defaults_and_accounts_without_staff(client, rostered, headers):
    mine = client.get("/api/v1/me/shifts", headers=headers["head"]).get_json()
    assert (date.fromisoformat(mine["to"]) - date.fromisoformat(mine["from"])).days == 30
    admin = client.get("/api/v1/me/shifts?from=2026-05-01", headers=headers["admin"]).get_json()
    assert admin["staff_id"] is None and admin["items"] == [] and admin["to"] == "2026-05-31"
    bad = client.get("/api/v1/me/shifts?from=2026-05-10&to=2026-05-01", headers=headers["head"])
    assert bad.status_code == 422 and "from" in bad.get_json()["errors"]


@pytest.mark.parametrize("url", ["/api/v1/rosters?department_id=1", "/api/v1/me/shifts"])
@pytest.mark.parametrize("auth_header", [None, "Bearer hr_not-a-token", "Basic aHI6cHc="])
def test_api_roster_endpoints_need_a_token(client, rostered, url, auth_header):
    response = client.get(url, headers={"Authorization": auth_header} if auth_header else {})
    assert response.status_code == 401 and response.get_json()["code"] == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_api_roster_endpoints_are_documented(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    rosters, shifts = spec["paths"]["/api/v1/rosters"]["get"], spec["paths"]["/api/v1/me/shifts"]["get"]
    assert {p["name"] for p in rosters["parameters"]} >= {"department_id", "period", "first", "last"}
    assert {p["name"] for p in shifts["parameters"]} == {"from", "to"}
    assert {"200", "403", "404", "422"} <= set(rosters["responses"])
    schemas = spec["components"]["schemas"]
    assert {"Roster", "RosterRow", "Cell", "Shift"} <= set(schemas)
