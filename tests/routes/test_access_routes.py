"""Access control on every web page: anonymous -> login, wrong role -> 403, out of scope -> 404 (like a missing
record)."""
import pytest

# (path template, method); {hk} = another department's staff id, {desk} = the staff user's own record
PAGES_HR_ONLY = [
    ("/staff/new", "GET"), ("/staff/{desk}/edit", "GET"), ("/accounts/", "GET"), ("/accounts/new", "GET"),
    ("/audit/", "GET"), ("/org/departments/new", "GET"), ("/org/positions/new", "GET"),
]
ALL_PAGES = PAGES_HR_ONLY + [
    ("/", "GET"), ("/staff/", "GET"), ("/staff/{hk}", "GET"), ("/org/", "GET"), ("/org/positions", "GET"),
    ("/staff/me", "GET"), ("/auth/password", "GET"), ("/staff/{hk}/contact", "GET"),
]


def _url(template, org):
    return template.format(hk=org.hk_staff.id, desk=org.desk_staff.id)


@pytest.mark.parametrize("path, method", ALL_PAGES)
def test_anonymous_is_sent_to_login(client, org, path, method):
    response = client.open(_url(path, org), method=method)
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ["head", "staff"])
@pytest.mark.parametrize("path, method", PAGES_HR_ONLY)
def test_hr_only_pages_forbidden(client, auth, org, role, path, method):
    auth.login(role)
    assert client.open(_url(path, org), method=method).status_code == 403


@pytest.mark.parametrize("path", ["/staff/{hk}", "/staff/{hk}/contact"])
@pytest.mark.parametrize("role", ["head", "staff"])
def test_other_departments_record_answers_like_a_missing_one(client, auth, org, role, path):
    auth.login(role)
    assert client.get(_url(path, org)).status_code == 404
    assert client.get(_url(path.replace("{hk}", "999999"), org)).status_code == 404


@pytest.mark.parametrize("role", ["head", "staff"])
def test_editing_without_the_permission_stays_forbidden(client, auth, org, role):
    auth.login(role)
    assert client.get(f"/staff/{org.hk_staff.id}/edit").status_code == 403


def test_staff_sees_only_self(client, auth, org):
    auth.login("staff")
    assert client.get("/staff/").status_code == 403
    assert client.get("/org/").status_code == 403
    me = client.get("/staff/me")
    assert me.status_code == 200 and "李前台" in me.get_data(as_text=True)
    assert client.get(f"/staff/{org.head_staff.id}").status_code == 404
    assert client.get("/").status_code == 200  # their own home page (home/staff_home)


def test_head_list_filter_cannot_widen_scope(client, auth, org):
    auth.login("head")
    body = client.get(f"/staff/?department={org.housekeeping.id}").get_data(as_text=True)
    assert "赵服务员" not in body
    body = client.get("/staff/?q=赵").get_data(as_text=True)
    assert "赵服务员" not in body


def test_head_does_not_see_id_number_or_pay(client, auth, org):
    auth.login("head")
    body = client.get(f"/staff/{org.desk_staff.id}").get_data(as_text=True)
    assert org.desk_staff.id_number not in body and 'id="daily-wage"' not in body
    assert org.desk_staff.id_number[-4:] not in client.get("/staff/").get_data(as_text=True)


def test_staff_sees_own_id_number_and_pay(client, auth, org):
    auth.login("staff")
    body = client.get("/staff/me").get_data(as_text=True)
    assert org.desk_staff.id_number in body and "200.00" in body


def test_hr_list_masks_id_numbers(client, auth, org):
    auth.login("hr")
    body = client.get("/staff/").get_data(as_text=True)
    assert org.desk_staff.id_number not in body
    assert org.desk_staff.id_number[:3] + "*" in body


def test_org_chart_scope_for_head(client, auth, org):
    auth.login("head")
    body = client.get("/org/").get_data(as_text=True)
    assert "前厅部" in body and "前台" in body and "客房部" not in body


def test_hr_cannot_make_or_edit_administrators(client, auth, org):
    auth.login("hr")
    assert 'value="admin"' not in client.get("/accounts/new").get_data(as_text=True)
    assert client.get(f"/accounts/{org.admin.id}/edit").status_code == 403
    response = client.post("/accounts/new", data={"username": "boss", "role": "admin", "password": "Another-Good-Pass-1"})
    assert response.status_code == 200 and "boss" not in client.get("/accounts/").get_data(as_text=True)
