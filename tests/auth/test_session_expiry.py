"""Sessions end after SESSION_IDLE_MINUTES without a request and SESSION_MAX_HOURS after the login, with a
message and a security-log entry. The clock the check reads is moved by the tests (no sleeping)."""
import sqlalchemy as sa

from hrapp.blueprints.auth import routes
from hrapp.extensions import db
from hrapp.models import SecurityEvent, SecurityEventKind


class Clock:
    def __init__(self, now: float = 1_800_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


def _clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(routes, "clock", clock)
    return clock


def _expired_events() -> list[SecurityEvent]:
    return list(db.session.scalars(sa.select(SecurityEvent).where(
        SecurityEvent.kind == SecurityEventKind.SESSION_EXPIRED.value)))


def test_defaults_are_thirty_minutes_and_twelve_hours(app):
    assert (app.config["SESSION_IDLE_MINUTES"], app.config["SESSION_MAX_HOURS"]) == (30, 12)


def test_an_idle_session_goes_to_the_login_page_with_a_message(client, auth, org, monkeypatch):
    clock = _clock(monkeypatch)
    auth.login("hr")
    clock.advance(29)
    assert client.get("/staff/").status_code == 200
    clock.advance(29)  # 29 minutes since the last request: still alive
    assert client.get("/staff/").status_code == 200
    clock.advance(31)
    expired = client.get("/staff/")
    assert expired.status_code == 302 and "/auth/login" in expired.headers["Location"]
    assert "next=" in expired.headers["Location"]
    page = client.get(expired.headers["Location"]).get_data(as_text=True)
    assert "会话已过期" in page
    assert client.get("/staff/").headers["Location"].startswith("/auth/login")  # logged out for good
    event, = _expired_events()
    assert (event.user_id, event.detail) == (org.hr.id, {"reason": "idle"})


def test_a_busy_session_still_ends_after_twelve_hours(client, auth, org, monkeypatch):
    clock = _clock(monkeypatch)
    auth.login("hr")
    for _ in range(12 * 4 - 1):  # a request every 15 minutes for 11 h 45
        clock.advance(15)
        assert client.get("/").status_code == 200
    clock.advance(15)
    assert client.get("/").headers["Location"].startswith("/auth/login")
    event, = _expired_events()
    assert event.detail == {"reason": "lifetime"}


def test_the_settings_are_read_from_the_config(app, client, auth, org, monkeypatch):
    clock = _clock(monkeypatch)
    monkeypatch.setitem(app.config, "SESSION_IDLE_MINUTES", 5)
    auth.login("hr")
    clock.advance(6)
    assert client.get("/").headers["Location"].startswith("/auth/login")


def test_a_session_without_stamps_starts_its_clock(app, client, auth, org, monkeypatch):
    """A session from before this check (no stamps) is not ended at once: its clock starts now."""
    clock = _clock(monkeypatch)
    auth.login("hr")
    with client.session_transaction() as session:
        session.pop("_started")
        session.pop("_seen")
    assert client.get("/").status_code == 200
    clock.advance(31)
    assert client.get("/").headers["Location"].startswith("/auth/login")


def test_anonymous_pages_are_not_timed(client, monkeypatch):
    clock = _clock(monkeypatch)
    assert client.get("/auth/login").status_code == 200
    clock.advance(10_000)
    assert client.get("/auth/login").status_code == 200
    assert _expired_events() == []
