"""Who sees and changes which staff record through the API: the same scope as the web UI."""
import pytest

SENSITIVE = {"id_number", "daily_wage_amount", "monthly_base_amount"}

# (user, target) -> status of GET /api/v1/staff/<target>
READ_MATRIX = [
    ("admin", "desk_staff", 200), ("admin", "hk_staff", 200),
    ("hr", "desk_staff", 200), ("hr", "hk_staff", 200),
    ("head", "head_staff", 200), ("head", "desk_staff", 200), ("head", "hk_staff", 404),
    ("staff", "desk_staff", 200), ("staff", "head_staff", 404), ("staff", "hk_staff", 404),
    ("other", "hk_staff", 200), ("other", "desk_staff", 404),
]
LIST_SCOPE = {
    "admin": {"head_staff", "desk_staff", "hk_staff"},
    "hr": {"head_staff", "desk_staff", "hk_staff"},
    "head": {"head_staff", "desk_staff"},
    "staff": {"desk_staff"},
    "other": {"hk_staff"},
}
USERS = list(LIST_SCOPE)


def ids(org, names) -> set[int]:
    return {getattr(org, name).id for name in names}


def listed(client, headers, query="") -> set[int]:
    response = client.get(f"/api/v1/staff{query}", headers=headers)
    assert response.status_code == 200
    return {item["id"] for item in response.get_json()["items"]}


@pytest.mark.parametrize("user, target, status", READ_MATRIX)
def test_api_get_staff_matrix(client, org, tokens, user, target, status):
    response = client.get(f"/api/v1/staff/{getattr(org, target).id}", headers=tokens[user])
    assert response.status_code == status
    if status == 404:  # out of scope answers like a missing record
        assert response.get_json()["code"] == "not_found"
        assert "staff_number" not in response.get_json()


@pytest.mark.parametrize("user", USERS)
def test_api_get_missing_staff_is_404(client, org, tokens, user):
    response = client.get("/api/v1/staff/999999", headers=tokens[user])
    assert response.status_code == 404
    assert response.get_json() == {"code": "not_found", "message": response.get_json()["message"]}


@pytest.mark.parametrize("user", USERS)
def test_api_staff_list_is_scoped(client, org, tokens, user):
    assert listed(client, tokens[user]) == ids(org, LIST_SCOPE[user])


@pytest.mark.parametrize("user, department, expected", [
    ("head", "housekeeping", set()),  # another department: empty, not other people
    ("head", "front", {"head_staff", "desk_staff"}),  # sub-departments included
    ("head", "front_desk", {"desk_staff"}),
    ("hr", "front", {"head_staff", "desk_staff"}),
    ("hr", "housekeeping", {"hk_staff"}),
    ("staff", "housekeeping", set()),
    ("other", "front", set()),
])
def test_api_staff_department_filter_only_narrows(client, org, tokens, user, department, expected):
    query = f"?department_id={getattr(org, department).id}"
    assert listed(client, tokens[user], query) == ids(org, expected)


def test_api_head_does_not_see_sensitive_fields_of_others(client, org, tokens):
    body = client.get(f"/api/v1/staff/{org.desk_staff.id}", headers=tokens["head"]).get_json()
    assert body["staff_number"] == org.desk_staff.staff_number
    assert not SENSITIVE & body.keys()
    assert "notes" not in body


def test_api_head_list_hides_sensitive_fields_per_record(client, org, tokens):
    items = {i["id"]: i for i in client.get("/api/v1/staff", headers=tokens["head"]).get_json()["items"]}
    assert not SENSITIVE & items[org.desk_staff.id].keys()
    assert SENSITIVE <= items[org.head_staff.id].keys()  # their own record


def test_api_person_sees_own_sensitive_fields_but_not_hr_notes(client, org, tokens):
    body = client.get(f"/api/v1/staff/{org.desk_staff.id}", headers=tokens["staff"]).get_json()
    assert body["id_number"] == org.desk_staff.id_number
    assert body["monthly_base_amount"] == "4500.00"
    assert "notes" not in body


@pytest.mark.parametrize("user", ["admin", "hr"])
def test_api_hr_sees_everything(client, org, tokens, user):
    body = client.get(f"/api/v1/staff/{org.hk_staff.id}", headers=tokens[user]).get_json()
    assert body["daily_wage_amount"] == "200.00" and body["monthly_base_amount"] == "4500.00"
    assert body["id_number"] == org.hk_staff.id_number and body["notes"] == ""
    assert body["department"]["code"] == "HK"
    assert body["hire_on"] == "2020-03-01" and body["birth_on"] == "1990-01-01"


@pytest.mark.parametrize("user", ["head", "staff", "other"])
def test_api_create_staff_forbidden_before_validation(client, org, tokens, staff_payload, user):
    assert client.post("/api/v1/staff", json=staff_payload, headers=tokens[user]).status_code == 403
    response = client.post("/api/v1/staff", json={"bogus": 1}, headers=tokens[user])
    assert response.status_code == 403
    assert response.get_json()["code"] == "forbidden"


@pytest.mark.parametrize("user, target", [
    ("head", "desk_staff"), ("head", "hk_staff"), ("staff", "desk_staff"), ("staff", "hk_staff"),
    ("other", "hk_staff"),
])
def test_api_update_staff_forbidden(client, org, tokens, user, target):
    staff = getattr(org, target)
    response = client.patch(f"/api/v1/staff/{staff.id}", json={"name_zh": "改名", "version_id": staff.version_id},
                            headers=tokens[user])
    assert response.status_code == 403
    assert client.get(f"/api/v1/staff/{staff.id}", headers=tokens["hr"]).get_json()["name_zh"] == staff.name_zh


@pytest.mark.parametrize("user", ["admin", "hr"])
def test_api_hr_may_create_and_update(client, org, tokens, staff_payload, user):
    created = client.post("/api/v1/staff", json=staff_payload, headers=tokens[user])
    assert created.status_code == 201
    staff_id = created.get_json()["id"]
    updated = client.patch(f"/api/v1/staff/{staff_id}", json={"name_en": "Renamed", "version_id": 1},
                           headers=tokens[user])
    assert updated.status_code == 200 and updated.get_json()["name_en"] == "Renamed"
