"""Bearer-token authentication: only live tokens of enabled accounts get in; cookies never do."""
import pytest
import sqlalchemy as sa

from hrapp.blueprints.auth.tokens import issue_api_token, revoke_api_token
from hrapp.extensions import db
from hrapp.models import ApiToken
from tests.api.conftest import bearer

ENDPOINTS = ["/api/v1/me", "/api/v1/staff", "/api/v1/staff/1", "/api/v1/departments", "/api/v1/departments/1"]


def assert_unauthorized(response):
    assert response.status_code == 401
    assert response.get_json()["code"] == "unauthorized"
    assert response.get_json()["message"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("url", ENDPOINTS)
def test_api_missing_token_is_401(client, org, url):
    assert_unauthorized(client.get(url))


@pytest.mark.parametrize("header", [
    "Bearer hr_not-a-real-token", "Bearer ", "Bearer", "Basic aHI6cGFzc3dvcmQ=", "hr_token-without-scheme",
])
def test_api_bad_token_is_401(client, org, header):
    assert_unauthorized(client.get("/api/v1/me", headers={"Authorization": header}))


def test_api_revoked_token_is_401(client, org):
    row, clear = issue_api_token(org.hr)
    db.session.commit()
    headers = {"Authorization": f"Bearer {clear}"}
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    revoke_api_token(db.session.get(ApiToken, row.id), org.admin)
    db.session.commit()
    assert_unauthorized(client.get("/api/v1/me", headers=headers))


def test_api_disabled_account_is_401(client, org):
    headers = bearer(org.hr)
    org.hr.is_enabled = False
    db.session.add(org.hr)
    db.session.commit()
    assert_unauthorized(client.get("/api/v1/staff", headers=headers))


def test_api_write_without_token_is_401_not_403_or_422(client, org):
    assert_unauthorized(client.post("/api/v1/staff", json={}))
    assert_unauthorized(client.patch(f"/api/v1/departments/{org.front.id}", json={}))


def test_api_good_token_records_last_use(client, org):
    row, clear = issue_api_token(org.staff)
    db.session.commit()
    assert row.last_used_at is None
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {clear}"}).status_code == 200
    db.session.remove()
    assert db.session.scalar(sa.select(ApiToken.last_used_at).where(ApiToken.id == row.id)) is not None


def test_api_ignores_login_cookie(client, auth, org):
    assert auth.login("hr").status_code == 302
    assert_unauthorized(client.get("/api/v1/staff"))


@pytest.mark.parametrize("username, role, has_staff", [
    ("admin", "admin", False), ("hr", "hr", False), ("head", "head", True), ("staff", "staff", True),
])
def test_api_me_describes_the_token_user(client, org, tokens, username, role, has_staff):
    body = client.get("/api/v1/me", headers=tokens[username]).get_json()
    assert body["username"] == username and body["role"] == role
    assert (body["staff_id"] is not None) == has_staff
    if username == "head":
        assert [d["code"] for d in body["headed_departments"]] == ["FO"]
        assert "staff.view" in body["permissions"] and "staff.edit" not in body["permissions"]


def test_api_needs_no_csrf_token(app, client, org, tokens, staff_payload, monkeypatch):
    """Bearer tokens are not sent by browsers on their own, so the API is exempt from CSRF."""
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    assert client.post("/api/v1/staff", json=staff_payload, headers=tokens["hr"]).status_code == 201
    assert client.post("/auth/logout").status_code == 400  # the web UI is still protected
