"""Pagination, filters and sorting of lists; the OpenAPI document; the error shape everywhere."""
import json

import pytest

from hrapp.models import EmploymentStatus


@pytest.fixture
def five_more(org, make_staff, make_position):
    """Five extra housekeeping staff, numbered H1..H5; H5 has a position and is active."""
    position = make_position(department=org.housekeeping)
    staff = [make_staff(org.housekeeping, staff_number=f"H{n}", name_zh=f"客房{n}") for n in range(1, 5)]
    staff.append(make_staff(org.housekeeping, staff_number="H5", name_zh="客房5", position=position,
                            status=EmploymentStatus.ACTIVE))
    return position, staff


def get(client, tokens, url, user="hr"):
    return client.get(url, headers=tokens[user])


def test_api_pagination_metadata(client, org, tokens, five_more):
    body = get(client, tokens, "/api/v1/staff?per_page=3&page=2&sort=staff_number").get_json()
    assert (body["page"], body["per_page"], body["total"], body["pages"]) == (2, 3, 8, 3)
    assert len(body["items"]) == 3
    assert get(client, tokens, "/api/v1/staff?per_page=3&page=9").get_json()["items"] == []
    assert len(get(client, tokens, "/api/v1/staff?per_page=200").get_json()["items"]) == 8
    assert get(client, tokens, "/api/v1/staff").get_json()["per_page"] == 25


PAGE_ERRORS = [("per_page=201", "per_page"), ("per_page=0", "per_page"), ("page=0", "page"), ("page=x", "page")]
STAFF_FILTER_ERRORS = [("sort=id_number", "sort"), ("status=retired", "status"), ("department_id=abc", "department_id")]


@pytest.mark.parametrize("url, query, field", [
    *(("/api/v1/staff", q, f) for q, f in PAGE_ERRORS + STAFF_FILTER_ERRORS),
    *(("/api/v1/departments", q, f) for q, f in PAGE_ERRORS + [("parent_id=x", "parent_id")]),
])
def test_api_list_argument_errors(client, org, tokens, url, query, field):
    response = get(client, tokens, f"{url}?{query}")
    assert response.status_code == 422
    assert response.get_json()["code"] == "validation_error" and field in response.get_json()["errors"]


def test_api_staff_filters_and_sort(client, org, tokens, five_more):
    position, _staff = five_more
    numbers = [s["staff_number"] for s in get(client, tokens, "/api/v1/staff?q=H&sort=-staff_number")
               .get_json()["items"]]
    assert numbers == ["H5", "H4", "H3", "H2", "H1"]
    only = get(client, tokens, f"/api/v1/staff?position_id={position.id}").get_json()["items"]
    assert [s["staff_number"] for s in only] == ["H5"]
    active = get(client, tokens, "/api/v1/staff?status=active").get_json()["items"]
    assert [s["staff_number"] for s in active] == ["H5"]
    assert get(client, tokens, "/api/v1/staff?q=客房3").get_json()["total"] == 1


def test_api_department_pagination(client, org, tokens):
    body = get(client, tokens, "/api/v1/departments?per_page=2").get_json()
    assert (body["total"], body["pages"], len(body["items"])) == (3, 2, 2)


def test_api_openapi_document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    doc = json.loads(response.get_data(as_text=True))
    assert doc["openapi"].startswith("3.") and doc["info"]["version"] == "v1"
    assert {"/api/v1/staff", "/api/v1/staff/{staff_id}", "/api/v1/departments", "/api/v1/me"} <= doc["paths"].keys()
    assert {"get", "post"} <= doc["paths"]["/api/v1/staff"].keys()
    assert doc["paths"]["/api/v1/staff/{staff_id}"].keys() >= {"get", "patch"}
    assert doc["components"]["securitySchemes"]["bearerAuth"] == {**doc["components"]["securitySchemes"]["bearerAuth"],
                                                                  "type": "http", "scheme": "bearer"}
    assert doc["security"] == [{"bearerAuth": []}]
    money = doc["components"]["schemas"]["Staff"]["properties"]["monthly_base_amount"]
    assert money["type"] == "string" and "absent" in money["description"]
    assert doc["components"]["schemas"]["Error"]["properties"]["code"]["type"] == "string"
    _assert_refs_resolve(doc, doc)


def _assert_refs_resolve(doc, node):
    """Every $ref in the document points at something that exists."""
    if isinstance(node, dict):
        if "$ref" in node:
            target = doc
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
        for value in node.values():
            _assert_refs_resolve(doc, value)
    elif isinstance(node, list):
        for value in node:
            _assert_refs_resolve(doc, value)


@pytest.mark.parametrize("method, url, status, code", [
    ("get", "/api/v1/nothing-here", 404, "not_found"),
    ("delete", "/api/v1/staff/1", 405, "method_not_allowed"),
    ("put", "/api/v1/departments", 405, "method_not_allowed"),
])
def test_api_errors_outside_views_keep_the_shape(client, org, tokens, method, url, status, code):
    response = getattr(client, method)(url, headers=tokens["hr"])
    assert response.status_code == status
    assert response.get_json() == {"code": code, "message": response.get_json()["message"]}


def test_api_server_error_is_json_and_rolls_back(app, client, org, tokens, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("hrapp.blueprints.api.staff.staff_query", explode)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    response = get(client, tokens, "/api/v1/staff")
    assert response.status_code == 500
    assert response.get_json() == {"code": "server_error", "message": response.get_json()["message"]}


def test_web_errors_stay_html(client, auth, org):
    auth.login("hr")
    response = client.get("/staff/999999")
    assert response.status_code == 404 and response.mimetype == "text/html"
