"""The violations API: scoped lists, recording with field messages, idempotency keys, one's own."""
from hrapp.extensions import db
from hrapp.models import Violation, ViolationState
from tests.conduct.violations.conftest import recent
from tests.conftest import count


def _body(staff, **values):
    return {"staff_number": staff.staff_number, "rule_code": "2-4", "occurred_at": recent().isoformat(),
            "amount": "15", "description": "没穿工服"} | values


def test_record_and_list_by_scope(client, people, catalogue, api_token, make_violation):
    head, hr = api_token(people.head), api_token(people.hr)
    created = client.post("/api/v1/violations", json=_body(people.desk_staff), headers=head).get_json()
    theirs = make_violation(people.hk_staff, catalogue["2-1"], state=ViolationState.FINAL)
    mine = client.get("/api/v1/violations", headers=head).get_json()
    assert [v["number"] for v in mine["items"]] == [created["number"]] and mine["total"] == 1
    everything = client.get("/api/v1/violations", headers=hr).get_json()
    assert {v["number"] for v in everything["items"]} == {created["number"], theirs.number}
    month = created["ledger_month"]
    assert client.get(f"/api/v1/violations?month={month}&state=submitted", headers=hr).get_json()["total"] == 1
    dept = client.get(f"/api/v1/violations?department_id={people.housekeeping.id}", headers=hr).get_json()
    assert [v["number"] for v in dept["items"]] == [theirs.number]
    assert client.get("/api/v1/violations?month=2026-13", headers=hr).status_code == 422


def test_staff_see_their_own_from_submitted_on(client, people, catalogue, api_token, make_violation):
    submitted = make_violation(people.desk_staff, catalogue["2-1"], state=ViolationState.SUBMITTED)
    make_violation(people.desk_staff, catalogue["2-1"], state=ViolationState.DRAFT)
    make_violation(people.hk_staff, catalogue["2-1"], state=ViolationState.FINAL)
    staff = api_token(people.staff)
    assert [v["number"] for v in client.get("/api/v1/me/violations", headers=staff).get_json()["items"]] \
        == [submitted.number]
    assert [v["number"] for v in client.get("/api/v1/violations", headers=staff).get_json()["items"]] \
        == [submitted.number]
    assert client.get("/api/v1/me/violations", headers=api_token(people.hr)).get_json()["items"] == []


def test_bad_input_is_a_422_with_field_messages(client, people, catalogue, api_token):
    head = api_token(people.head)
    cases = [
        (_body(people.desk_staff, amount="25"), "amount"),
        (_body(people.desk_staff, amount="10.123"), "amount"),
        (_body(people.desk_staff, amount="-5"), "amount"),
        (_body(people.desk_staff, amount="NaN"), "amount"),
        (_body(people.desk_staff, amount=None), "amount"),
        (_body(people.hk_staff), "staff_number"),
        (_body(people.head_staff), "staff_number"),
        (_body(people.desk_staff, rule_code="NOPE"), "rule_code"),
        (_body(people.desk_staff, occurred_at=recent(days=-2).isoformat()), "occurred_at"),
        (_body(people.desk_staff, occurred_at="yesterday"), "occurred_at"),
    ]
    for body, field in cases:
        response = client.post("/api/v1/violations", json=body, headers=head)
        assert response.status_code == 422, (body, response.get_json())
        assert field in response.get_json()["errors"], (body, response.get_json())
    assert count(Violation) == 0


def test_staff_cannot_record(client, people, catalogue, api_token):
    response = client.post("/api/v1/violations", json=_body(people.hk_staff), headers=api_token(people.staff))
    assert response.status_code == 403 and count(Violation) == 0


def test_an_idempotency_key_makes_a_retry_return_the_first_result(client, people, catalogue, api_token):
    head = api_token(people.head) | {"Idempotency-Key": "abc-123"}
    first = client.post("/api/v1/violations", json=_body(people.desk_staff), headers=head)
    retry = client.post("/api/v1/violations", json=_body(people.desk_staff, amount="20"), headers=head)
    assert first.status_code == 201 and retry.status_code == 200
    assert retry.get_json()["number"] == first.get_json()["number"] and retry.get_json()["amount"] == "15.00"
    other_user = client.post("/api/v1/violations", json=_body(people.desk_staff),
                             headers=api_token(people.hr) | {"Idempotency-Key": "abc-123"})
    assert other_user.status_code == 201 and count(Violation) == 2


def test_submit_false_keeps_a_draft_and_naive_times_are_company_local(client, people, catalogue, api_token):
    when = recent(days=2, hour=7)
    data = client.post("/api/v1/violations", json=_body(people.desk_staff, submit=False,
                                                         occurred_at=when.isoformat()),
                       headers=api_token(people.head)).get_json()
    assert data["state"] == "draft"
    stored = db.session.get(Violation, data["id"])
    assert stored.occurred_at.hour == 23  # 07:00 in Shanghai is 23:00 UTC the day before
    assert data["occurred_at"].endswith("+00:00")


def test_the_openapi_document_lists_the_endpoints(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    assert {"/api/v1/violations", "/api/v1/me/violations"} <= set(paths)
    assert "post" in paths["/api/v1/violations"]


def test_out_of_range_filters_are_a_422(client, people, api_token):
    hr = api_token(people.hr)
    assert client.get("/api/v1/violations?department_id=99999999999", headers=hr).status_code == 422
    assert client.get("/api/v1/violations?state=nope", headers=hr).status_code == 422
