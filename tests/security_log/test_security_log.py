"""The security log: what gets recorded (through the pages people use), that rows cannot be changed, and
the administrators' page with its filters."""
from datetime import timedelta

import pytest
import sqlalchemy as sa

from hrapp.blueprints.auth.services import update_user
from hrapp.extensions import db
from hrapp.models import Role, SecurityEvent, SecurityEventKind, User, utcnow
from tests.api.conftest import bearer
from tests.conftest import PASSWORD

K = SecurityEventKind


def events(kind: SecurityEventKind | None = None) -> list[SecurityEvent]:
    query = sa.select(SecurityEvent).order_by(SecurityEvent.id)
    return list(db.session.scalars(query.where(SecurityEvent.kind == kind.value) if kind else query))


def test_login_success_failure_and_logout_are_logged_with_origin(client, auth, org):
    client.post("/auth/login", data={"identifier": "nobody", "password": "x"},
                environ_base={"REMOTE_ADDR": "10.1.2.3"}, headers={"User-Agent": "Probe/1.0"})
    auth.login("hr", "wrong-password-1")
    auth.login("hr")
    auth.logout()
    unknown, wrong = events(K.LOGIN_FAILURE)
    assert (unknown.username, unknown.user_id, unknown.ip, unknown.user_agent) == ("nobody", None, "10.1.2.3",
                                                                                   "Probe/1.0")
    assert unknown.detail == {"reason": "unknown"}
    assert (wrong.user_id, wrong.detail) == (org.hr.id, {"reason": "invalid"})
    assert [e.user_id for e in events(K.LOGIN_SUCCESS)] == [org.hr.id]
    assert [e.user_id for e in events(K.LOGOUT)] == [org.hr.id]


def test_lockout_and_password_change_are_logged(client, auth, org):
    for _ in range(5):
        auth.login("staff", "wrong-password-1")
    assert [e.user_id for e in events(K.LOCKOUT)] == [org.staff.id]
    auth.login("hr")
    client.post("/auth/password", data={"current_password": PASSWORD, "password": "A-Much-Better-Pass-7",
                                        "confirm": "A-Much-Better-Pass-7"})
    assert [(e.user_id, e.detail["by"]) for e in events(K.PASSWORD_CHANGE)] == [(org.hr.id, "hr")]


def test_role_change_and_enabling_are_logged(client, org):
    admin, head = db.session.get(User, org.admin.id), db.session.get(User, org.head.id)
    update_user(head, admin, Role.STAFF, False, [], head.staff)
    update_user(head, admin, Role.STAFF, True, [], head.staff)
    db.session.commit()
    role, = events(K.ROLE_CHANGE)
    assert role.detail == {"by": "admin", "before": "head", "after": "staff"}
    assert [e.user_id for e in events(K.ACCOUNT_DISABLED)] == [org.head.id]
    assert [e.user_id for e in events(K.ACCOUNT_ENABLED)] == [org.head.id]


def test_every_refused_page_is_logged_once(client, auth, org):
    auth.login("staff")
    assert client.get("/audit/").status_code == 403
    assert client.get("/accounts/").status_code == 403
    refused = events(K.ACCESS_DENIED)
    assert [(e.user_id, e.detail["path"], e.detail["method"]) for e in refused] == [
        (org.staff.id, "/audit/", "GET"), (org.staff.id, "/accounts/", "GET")]


def test_a_record_out_of_scope_answers_404_and_is_logged_as_refused(client, auth, org):
    """The staff member is told "not found" (ids reveal nothing); the log still records the refusal."""
    auth.login("staff")
    other = org.hk_staff
    assert client.get(f"/staff/{other.id}").status_code == 404
    assert client.get("/staff/99999").status_code == 404  # really missing: nothing refused
    refused, = events(K.ACCESS_DENIED)
    assert (refused.user_id, refused.detail["path"]) == (org.staff.id, f"/staff/{other.id}")


def test_a_refused_api_call_is_logged(client, org):
    headers = bearer(org.staff)
    assert client.post("/api/v1/departments", json={"code": "X", "name": "X"}, headers=headers).status_code == 403
    refused, = events(K.ACCESS_DENIED)
    assert (refused.user_id, refused.detail["path"]) == (org.staff.id, "/api/v1/departments")


def test_a_refused_request_leaves_only_its_log_row(client, auth, org):
    """The 403 hook rolls the refused request back before committing the event."""
    auth.login("staff")
    before = db.session.scalar(sa.select(sa.func.count()).select_from(User))
    assert client.post("/accounts/new", data={"username": "sneaky", "role": "admin",
                                              "password": "A-Much-Better-Pass-7"}).status_code == 403
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == before
    assert len(events(K.ACCESS_DENIED)) == 1


@pytest.mark.parametrize("change", ["update", "delete"])
def test_rows_cannot_be_changed_or_deleted(org, change):
    row = SecurityEvent(kind=K.LOGIN_SUCCESS.value, user_id=org.hr.id, username="hr")
    db.session.add(row)
    db.session.commit()
    if change == "update":
        row.username = "someone-else"
    else:
        db.session.delete(row)
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.flush()
    db.session.rollback()


def _seed(org):
    now = utcnow()
    db.session.add_all([
        SecurityEvent(kind=K.LOGIN_FAILURE.value, username="ghost", ip="10.0.0.7", at=now - timedelta(days=3)),
        SecurityEvent(kind=K.LOGIN_SUCCESS.value, user_id=org.hr.id, username="hr", ip="192.168.1.5", at=now),
        SecurityEvent(kind=K.ACCESS_DENIED.value, user_id=org.staff.id, username="staff", ip="192.168.1.9",
                      at=now, detail={"path": "/audit/"}),
    ])
    db.session.commit()


def _rows(page: str) -> int:
    body = page.split('<tbody>', 1)[1].split('</tbody>', 1)[0]
    return body.count("<tr>") - body.count('colspan="6"')


def test_the_page_filters_by_kind_user_ip_and_dates(client, auth, org):
    _seed(org)
    auth.login("admin")
    client.post("/auth/locale/en")
    base = "/security-log/"
    page = client.get(base).get_data(as_text=True)
    assert "Failed login" in page and "Access refused" in page and "login_failure" not in page.split("<tbody>")[1]
    assert _rows(client.get(base + "?kind=login_failure").get_data(as_text=True)) == 1
    assert _rows(client.get(base + "?user=staff").get_data(as_text=True)) == 1
    assert _rows(client.get(base + "?ip=192.168.").get_data(as_text=True)) == 2
    two_days_ago = (utcnow() - timedelta(days=2)).date().isoformat()
    recent = client.get(base + f"?from={two_days_ago}&user=hr").get_data(as_text=True)
    assert _rows(recent) == 1
    assert _rows(client.get(base + f"?to={two_days_ago}").get_data(as_text=True)) == 1


def test_an_invalid_filter_value_says_so(client, auth, org):
    _seed(org)
    auth.login("admin")
    client.post("/auth/locale/en")
    page = client.get("/security-log/?kind=nonsense&from=2026-13-45&ip=<script>").get_data(as_text=True)
    assert 'id="invalid-filters"' in page
    warning = page.split('id="invalid-filters">', 1)[1].split("</div>", 1)[0]
    assert "Event" in warning and "From" in warning and "IP address" in warning
    assert "<script>" not in page
    assert 'id="invalid-filters"' not in client.get("/security-log/?kind=lockout").get_data(as_text=True)


def test_the_page_is_paged_and_in_chinese_by_default(client, auth, org):
    db.session.add_all([SecurityEvent(kind=K.LOGOUT.value, username=f"u{i}") for i in range(60)])
    db.session.commit()
    auth.login("admin")
    first = client.get("/security-log/").get_data(as_text=True)
    assert _rows(first) == 50 and "安全日志" in first and "退出登录" in first
    assert _rows(client.get("/security-log/?page=2").get_data(as_text=True)) == 11  # + the admin's own login


def test_the_nav_shows_the_log_to_administrators_only(client, auth, org):
    auth.login("admin")
    assert 'id="nav-security-log"' in client.get("/").get_data(as_text=True)
    auth.logout()
    auth.login("hr")
    assert 'id="nav-security-log"' not in client.get("/").get_data(as_text=True)
