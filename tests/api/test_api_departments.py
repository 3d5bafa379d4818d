"""Departments through the API: scoped reads, org.edit writes, tree rules as field errors."""
import pytest

from hrapp.extensions import db
from hrapp.models import Department

# (user, department) -> status of GET /api/v1/departments/<id>
READ_MATRIX = [
    ("admin", "housekeeping", 200), ("hr", "front_desk", 200),
    ("head", "front", 200), ("head", "front_desk", 200), ("head", "housekeeping", 404),
    ("staff", "front_desk", 200), ("staff", "front", 404), ("staff", "housekeeping", 404),
    ("other", "housekeeping", 200), ("other", "front", 404),
]
LIST_SCOPE = {
    "admin": ["FO", "FO-DESK", "HK"], "hr": ["FO", "FO-DESK", "HK"],
    "head": ["FO", "FO-DESK"], "staff": ["FO-DESK"], "other": ["HK"],
}


def codes(response) -> list[str]:
    assert response.status_code == 200
    return [d["code"] for d in response.get_json()["items"]]


@pytest.mark.parametrize("user, department, status", READ_MATRIX)
def test_api_get_department_matrix(client, org, tokens, user, department, status):
    response = client.get(f"/api/v1/departments/{getattr(org, department).id}", headers=tokens[user])
    assert response.status_code == status
    if status == 200:
        assert response.get_json()["code"] == getattr(org, department).code


def test_api_get_missing_department_is_404(client, org, tokens):
    assert client.get("/api/v1/departments/999999", headers=tokens["hr"]).status_code == 404


@pytest.mark.parametrize("user", list(LIST_SCOPE))
def test_api_department_list_is_scoped(client, org, tokens, user):
    assert codes(client.get("/api/v1/departments", headers=tokens[user])) == LIST_SCOPE[user]


@pytest.mark.parametrize("user, query, expected", [
    ("hr", "?parent_id={front}", ["FO-DESK"]),
    ("head", "?parent_id={front}", ["FO-DESK"]),
    ("head", "?q=HK", []),  # another department stays invisible through a filter
    ("head", "?parent_id={housekeeping}", []),
    ("hr", "?q=desk", ["FO-DESK"]),
])
def test_api_department_list_filters(client, org, tokens, user, query, expected):
    url = "/api/v1/departments" + query.format(front=org.front.id, housekeeping=org.housekeeping.id)
    assert codes(client.get(url, headers=tokens[user])) == expected


@pytest.mark.parametrize("user", ["head", "staff", "other"])
def test_api_department_writes_forbidden(client, org, tokens, user):
    assert client.post("/api/v1/departments", json={"code": "X", "name": "X"}, headers=tokens[user]).status_code == 403
    response = client.patch(f"/api/v1/departments/{org.front.id}", json={"name": "X"}, headers=tokens[user])
    assert response.status_code == 403
    assert db.session.get(Department, org.front.id).name == "前厅部"


@pytest.mark.parametrize("user", ["admin", "hr"])
def test_api_create_department(client, org, tokens, user):
    response = client.post("/api/v1/departments", json={"code": "fo-vip", "name": "贵宾", "parent_id": org.front.id},
                           headers=tokens[user])
    assert response.status_code == 201
    body = response.get_json()
    assert body["code"] == "FO-VIP" and body["parent_id"] == org.front.id and body["planned_headcount"] == 0
    assert response.headers["Location"] == f"/api/v1/departments/{body['id']}"
    assert "FO-VIP" in codes(client.get("/api/v1/departments", headers=tokens["head"]))  # now in the head's subtree


@pytest.mark.parametrize("body, field", [
    ({"code": "HK", "name": "Again"}, "code"),  # duplicate code
    ({"code": "NEW", "name": "New", "parent_id": 999999}, "parent_id"),
    ({"code": "bad code", "name": "New"}, "code"),
    ({"code": "NEW", "name": "   "}, "name"),
    ({"code": "NEW", "name": "New", "planned_headcount": -1}, "planned_headcount"),
    ({"name": "New"}, "code"),
])
def test_api_create_department_validation(client, org, tokens, body, field):
    response = client.post("/api/v1/departments", json=body, headers=tokens["hr"])
    assert response.status_code == 422
    assert response.get_json()["code"] == "validation_error" and field in response.get_json()["errors"]


def test_api_update_department(client, org, tokens):
    response = client.patch(f"/api/v1/departments/{org.front_desk.id}",
                            json={"name": "礼宾台", "parent_id": org.housekeeping.id}, headers=tokens["hr"])
    assert response.status_code == 200
    body = response.get_json()
    assert body["name"] == "礼宾台" and body["code"] == "FO-DESK" and body["parent_id"] == org.housekeeping.id
    # Moving the desk out of the head's subtree takes its staff out of the head's scope.
    assert client.get(f"/api/v1/staff/{org.desk_staff.id}", headers=tokens["head"]).status_code == 404


def test_api_update_department_into_own_subtree_is_422(client, org, tokens):
    response = client.patch(f"/api/v1/departments/{org.front.id}", json={"parent_id": org.front_desk.id},
                            headers=tokens["hr"])
    assert response.status_code == 422 and "parent_id" in response.get_json()["errors"]


def test_api_update_department_version_is_checked_when_sent(client, org, tokens):
    url = f"/api/v1/departments/{org.front.id}"
    current = client.get(url, headers=tokens["hr"]).get_json()["version_id"]
    assert client.patch(url, json={"name": "A", "version_id": current + 5}, headers=tokens["hr"]).status_code == 409
    assert client.patch(url, json={"name": "A"}, headers={**tokens["hr"], "If-Match": '"99"'}).status_code == 409
    assert client.patch(url, json={"name": "A", "version_id": current}, headers=tokens["hr"]).status_code == 200
