"""Creating and updating staff through the API: validation, money, history and optimistic concurrency."""
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.api.schemas import StaffSchema
from hrapp.blueprints.staff.rules import STAFF_FIELDS
from hrapp.extensions import db
from hrapp.models import EmploymentEvent, EmploymentStatus, EventKind, StaffMember
from tests.conftest import count


def post(client, tokens, body, user="hr"):
    return client.post("/api/v1/staff", json=body, headers=tokens[user])


def patch(client, tokens, staff_id, body, user="hr", headers=None):
    return client.patch(f"/api/v1/staff/{staff_id}", json=body, headers={**tokens[user], **(headers or {})})


def assert_422(response, *fields):
    assert response.status_code == 422, response.get_json()
    body = response.get_json()
    assert body["code"] == "validation_error" and body["message"]
    for field in fields:
        assert body["errors"][field] and all(isinstance(m, str) for m in body["errors"][field])


def test_api_staff_schema_covers_every_staff_field():
    loadable = {name for name, field in StaffSchema().fields.items() if not field.dump_only}
    assert loadable == set(STAFF_FIELDS)


def test_api_create_staff(client, org, tokens, staff_payload):
    response = post(client, tokens, staff_payload)
    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["Location"] == f"/api/v1/staff/{body['id']}"
    assert response.headers["ETag"] == f'"{body["version_id"]}"'
    assert body["daily_wage_amount"] == "180.50" and body["monthly_base_amount"] == "4500.00"
    assert body["birth_on"] == "1995-06-15" and body["status"] == "probation"
    assert body["created_at"].endswith("+00:00")
    db.session.remove()
    staff = db.session.get(StaffMember, body["id"])
    assert staff.daily_wage_amount == Decimal("180.50") and staff.name_en == "New Hire"
    assert [e.kind for e in staff.events] == [EventKind.HIRE]


@pytest.mark.parametrize("changes, field", [
    ({"hire_on": "1990-01-01"}, "hire_on"),  # before the birth date
    ({"hire_on": "2023-02-30"}, "hire_on"),  # no such day
    ({"birth_on": "not a date"}, "birth_on"),
    ({"daily_wage_amount": "-1.00"}, "daily_wage_amount"),
    ({"monthly_base_amount": "lots"}, "monthly_base_amount"),
    ({"monthly_base_amount": 4500.5}, "monthly_base_amount"),  # floats are refused, never rounded
    ({"daily_wage_amount": "1.005"}, "daily_wage_amount"),
    ({"daily_wage_amount": "NaN"}, "daily_wage_amount"),
    ({"department_id": 999999}, "department_id"),
    ({"department_id": "abc"}, "department_id"),
    ({"position_id": 999999}, "position_id"),
    ({"gender": "robot"}, "gender"),
    ({"email": "not-an-email"}, "email"),
    ({"staff_number": "bad number!"}, "staff_number"),
    ({"salary": "1"}, "salary"),  # unknown fields are refused, not ignored
    ({"id": 5}, "id"),
])
def test_api_create_staff_validation(client, org, tokens, staff_payload, changes, field):
    before = count(StaffMember)
    assert_422(post(client, tokens, staff_payload | changes), field)
    assert count(StaffMember) == before


def test_api_create_staff_duplicate_number(client, org, tokens, staff_payload):
    assert_422(post(client, tokens, staff_payload | {"staff_number": org.hk_staff.staff_number}), "staff_number")


def test_api_create_staff_missing_fields(client, org, tokens):
    assert_422(post(client, tokens, {}), "staff_number", "name_zh", "gender", "department_id", "hire_on")


@pytest.mark.parametrize("data", [b'{"staff_number": ', b"not json", b"\xff\xfe"])
def test_api_malformed_json_is_400(client, org, tokens, data):
    response = client.post("/api/v1/staff", data=data, content_type="application/json", headers=tokens["hr"])
    assert response.status_code == 400
    assert response.get_json()["code"] == "bad_request"


def test_api_body_must_be_an_object(client, org, tokens):
    assert post(client, tokens, ["a", "list"]).status_code == 422
    empty = client.post("/api/v1/staff", data=b"", content_type="application/json", headers=tokens["hr"])
    assert_422(empty, "staff_number")


def test_api_markup_is_stored_and_returned_as_text(client, org, tokens, staff_payload):
    markup = '<script>alert("x")</script>&amp;'
    response = post(client, tokens, staff_payload | {"name_en": markup, "notes": "<b>bold</b>"})
    assert response.status_code == 201 and response.mimetype == "application/json"
    body = client.get(response.headers["Location"], headers=tokens["hr"]).get_json()
    assert body["name_en"] == markup and body["notes"] == "<b>bold</b>"


def test_api_patch_changes_only_sent_fields(client, org, tokens, make_staff):
    staff = make_staff(org.housekeeping, name_en="Keep", status=EmploymentStatus.ACTIVE, notes="kept")
    response = patch(client, tokens, staff.id, {"phone": "13800000000", "version_id": staff.version_id})
    assert response.status_code == 200
    body = response.get_json()
    assert body["phone"] == "13800000000" and body["name_zh"] == staff.name_zh
    assert body["id_number"] == staff.id_number and body["monthly_base_amount"] == "4500.00"
    assert (body["name_en"], body["status"], body["notes"]) == ("Keep", "active", "kept")
    assert body["version_id"] == staff.version_id + 1
    assert response.headers["ETag"] == f'"{staff.version_id + 1}"'


def test_api_patch_transfer_records_history(client, org, tokens):
    staff = org.desk_staff
    response = patch(client, tokens, staff.id, {"department_id": org.housekeeping.id, "effective_on": "2024-05-01",
                                                "version_id": staff.version_id})
    assert response.status_code == 200 and response.get_json()["department"]["code"] == "HK"
    event = db.session.scalar(sa.select(EmploymentEvent).where(EmploymentEvent.staff_id == staff.id,
                                                               EmploymentEvent.kind == EventKind.TRANSFER))
    assert event.effective_on.isoformat() == "2024-05-01" and event.to_department_id == org.housekeeping.id


def test_api_patch_with_if_match(client, org, tokens):
    staff = org.desk_staff
    etag = client.get(f"/api/v1/staff/{staff.id}", headers=tokens["hr"]).headers["ETag"]
    response = patch(client, tokens, staff.id, {"name_en": "Li"}, headers={"If-Match": etag})
    assert response.status_code == 200 and response.get_json()["name_en"] == "Li"


def test_api_patch_needs_a_version(client, org, tokens):
    assert_422(patch(client, tokens, org.desk_staff.id, {"name_en": "Li"}), "version_id")
    assert_422(patch(client, tokens, org.desk_staff.id, {"name_en": "Li"}, headers={"If-Match": "*"}), "version_id")


@pytest.mark.parametrize("body, headers", [
    ({"name_en": "Li", "version_id": 0}, None),
    ({"name_en": "Li"}, {"If-Match": '"0"'}),
    ({"name_en": "Li", "version_id": 1}, {"If-Match": '"7"'}),
])
def test_api_patch_stale_version_is_409(client, org, tokens, body, headers):
    response = patch(client, tokens, org.desk_staff.id, body, headers=headers)
    assert response.status_code == 409
    assert response.get_json()["code"] == "conflict"
    assert db.session.get(StaffMember, org.desk_staff.id).name_en == ""


def test_api_patch_after_someone_else_saved_is_409(client, org, tokens):
    staff_id = org.desk_staff.id
    assert patch(client, tokens, staff_id, {"name_en": "First", "version_id": 1}).status_code == 200
    assert patch(client, tokens, staff_id, {"name_en": "Second", "version_id": 1}, user="admin").status_code == 409


def test_api_patch_validation_changes_nothing(client, org, tokens):
    staff = org.desk_staff
    response = patch(client, tokens, staff.id, {"hire_on": "1980-01-01", "name_en": "X", "version_id": 1})
    assert_422(response, "hire_on")
    db.session.remove()
    assert db.session.get(StaffMember, staff.id).name_en == ""


@pytest.mark.parametrize("body, field", [
    ({"department_id": None}, "department_id"),
    ({"staff_number": None}, "staff_number"),
    ({"version_id": "one"}, "version_id"),
    ({"effective_on": "2024-13-01"}, "effective_on"),
])
def test_api_patch_field_errors(client, org, tokens, body, field):
    assert_422(patch(client, tokens, org.desk_staff.id, {"version_id": 1} | body), field)


def test_api_patch_missing_staff_is_404(client, org, tokens):
    assert patch(client, tokens, 999999, {"name_en": "X", "version_id": 1}).status_code == 404
