"""Login, throttling, session invalidation, forced password change, language, headers."""
import pytest

from hrapp.extensions import db
from hrapp.models import AuditEntry, Role, User
from tests.conftest import PASSWORD


def test_wrong_password_and_unknown_user_get_the_same_message(client, auth, org):
    a = auth.login("hr", "wrong-password-1").get_data(as_text=True)
    b = auth.login("nobody", "wrong-password-1").get_data(as_text=True)
    assert a.count("alert-danger") == b.count("alert-danger") == 1


def test_account_locks_after_five_failures(client, auth, org):
    for _ in range(5):
        auth.login("hr", "wrong-password-1")
    assert auth.login("hr").status_code == 200  # right password, still locked
    assert db.session.get(User, org.hr.id).locked_until is not None


def test_per_client_rate_limit(app, client, org, monkeypatch):
    monkeypatch.setitem(app.config, "LOGIN_RATE_LIMIT", "3 per minute")
    codes = [client.post("/auth/login", data={"identifier": "x", "password": "y"},
                         environ_base={"REMOTE_ADDR": "10.9.9.9"}).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    other_client = client.post("/auth/login", data={"identifier": "x", "password": "y"},
                               environ_base={"REMOTE_ADDR": "10.9.9.8"})
    assert other_client.status_code == 200


def test_logout_invalidates_a_copied_cookie(app, client, auth, org):
    auth.login("hr")
    cookie = client.get_cookie("session").value
    auth.logout()
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    assert thief.get("/staff/").status_code == 302


@pytest.mark.parametrize("change", [{"is_enabled": False}, {"role": Role.STAFF}])
def test_disabling_or_role_change_ends_sessions(client, auth, org, change):
    from hrapp.blueprints.auth.services import update_user
    auth.login("head")
    assert client.get("/staff/").status_code == 200
    head = db.session.get(User, org.head.id)
    update_user(head, db.session.get(User, org.admin.id), change.get("role", head.role),
                change.get("is_enabled", True), list(head.headed_departments), head.staff)
    db.session.commit()
    assert client.get("/staff/").status_code == 302
    assert db.session.query(AuditEntry).filter(AuditEntry.action.in_(["user.role", "user.update"])).count() == 1


def test_first_login_forces_password_change(client, auth, make_user):
    make_user(Role.HR, "newbie", must_change_password=True)
    auth.login("newbie")
    assert client.get("/staff/").headers["Location"].endswith("/auth/password")
    weak = client.post("/auth/password", data={"current_password": PASSWORD, "password": "password123",
                                               "confirm": "password123"})
    assert weak.status_code == 200 and "is-invalid" in weak.get_data(as_text=True)
    ok = client.post("/auth/password", data={"current_password": PASSWORD, "password": "A-Much-Better-Pass-7",
                                             "confirm": "A-Much-Better-Pass-7"})
    assert ok.status_code == 302
    assert client.get("/staff/").status_code == 200


def test_next_redirect_is_same_site_only(client, org):
    data = {"identifier": "hr", "password": PASSWORD}
    assert client.post("/auth/login?next=//evil.example/x", data=data).headers["Location"] == "/"
    client.post("/auth/logout")
    assert client.post("/auth/login?next=/org/", data=data).headers["Location"] == "/org/"


def test_language_switch_is_saved_on_the_account(client, auth, org):
    auth.login("hr")
    client.post("/auth/locale/en", data={"next": "/staff/"})
    assert db.session.get(User, org.hr.id).locale == "en"
    assert client.post("/auth/locale/xx").status_code == 404


def test_security_headers_and_cookie_flags(client, org):
    response = client.post("/auth/login", data={"identifier": "hr", "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    page = client.get("/auth/login")
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    assert page.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert page.headers["X-Content-Type-Options"] == "nosniff"


def test_production_config_requires_secrets(monkeypatch):
    from config import ProductionConfig
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError):
        ProductionConfig()


def test_production_requires_the_pki_passphrase(monkeypatch):
    from config import ProductionConfig
    monkeypatch.setenv("SECRET_KEY", "s" * 32)
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u:p@127.0.0.1/db")
    monkeypatch.delenv("PKI_PASSPHRASE", raising=False)
    with pytest.raises(RuntimeError, match="PKI_PASSPHRASE"):
        ProductionConfig()
    monkeypatch.setenv("PKI_PASSPHRASE", "a long passphrase")
    assert ProductionConfig().PKI_PASSPHRASE == "a long passphrase"
