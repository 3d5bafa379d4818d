"""Forgotten passwords, through the pages: a link by mail (to a local SMTP server the tests start) or issued
by HR on the account page; links are signed, expire, work once, apply the password policy and end every
session of the account. The request page answers the same whether or not the account exists."""
import re

import pytest
import sqlalchemy as sa

from hrapp.blueprints.auth import reset
from hrapp.extensions import db
from hrapp.models import AuditEntry, SecurityEvent, SecurityEventKind, StaffMember, User, utcnow
from tests.conftest import PASSWORD
from tests.mail_server import Inbox, local_smtp

NEW = "A-Much-Better-Pass-7"
LINK = re.compile(r"http://localhost/auth/reset/[\w.-]+")


@pytest.fixture
def inbox(app, monkeypatch):
    """A local SMTP server for the test, and the app configured to send to it."""
    with local_smtp(app, monkeypatch, Inbox()) as box:
        yield box


@pytest.fixture
def with_email(org):
    staff = db.session.get(StaffMember, org.desk_staff.id)
    staff.email = "li.desk@hotel.example"
    db.session.commit()
    return org


def _events(kind: SecurityEventKind) -> list[SecurityEvent]:
    return list(db.session.scalars(sa.select(SecurityEvent).where(SecurityEvent.kind == kind.value)))


def _ask(client, identifier: str) -> str:
    answer = client.post("/auth/reset/", data={"identifier": identifier})
    assert answer.status_code == 302 and answer.headers["Location"] == "/auth/login"
    return client.get("/auth/login").get_data(as_text=True).split("alert-info", 1)[1].split("</div>", 1)[0]


def _mailed_link(inbox: Inbox) -> str:
    body = inbox.messages[-1].get_body(("plain",)).get_content()
    return LINK.search(body).group(0).removeprefix("http://localhost")


def test_the_login_page_offers_the_way_back(client):
    page = client.get("/auth/login").get_data(as_text=True)
    assert 'id="forgot-password"' in page and "/auth/reset/" in page and "忘记密码" in page


def test_a_mailed_link_works_once_and_ends_every_session(app, client, auth, with_email, inbox):
    org = with_email
    elsewhere = app.test_client()
    elsewhere.post("/auth/login", data={"identifier": "staff", "password": PASSWORD})
    assert elsewhere.get("/auth/password").status_code == 200
    _ask(client, "staff")
    mail, = inbox.messages
    assert mail["To"] == "li.desk@hotel.example" and mail["From"] == "hr@hotel.example"
    assert mail["Subject"] == "重置您的 hrapp 密码" and "30 分钟" in mail.get_body(("plain",)).get_content()
    link = _mailed_link(inbox)
    assert client.get(link).status_code == 200
    done = client.post(link, data={"password": NEW, "confirm": NEW})
    assert done.status_code == 302 and done.headers["Location"] == "/auth/login"
    assert elsewhere.get("/auth/password").headers["Location"].startswith("/auth/login")  # the other session ended
    assert auth.login("staff", NEW).headers["Location"] == "/"
    auth.logout()
    again = client.get(link)  # used: refused
    assert again.headers["Location"] == "/auth/reset/"
    assert "已使用或已过期" in client.get("/auth/reset/").get_data(as_text=True)
    assert client.post(link, data={"password": "Another-Good-Pass-8", "confirm": "Another-Good-Pass-8"}
                       ).headers["Location"] == "/auth/reset/"
    assert [e.detail["via"] for e in _events(SecurityEventKind.PASSWORD_RESET_ISSUED)] == ["mail"]
    assert [e.user_id for e in _events(SecurityEventKind.PASSWORD_RESET_USED)] == [org.staff.id]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)
                             .where(AuditEntry.action == "user.password_reset")) == 1


def test_the_mail_is_in_the_account_holders_language(client, with_email, inbox):
    db.session.get(User, with_email.staff.id).locale = "en"
    db.session.commit()
    _ask(client, "li.desk@hotel.example")  # by e-mail address, too
    mail, = inbox.messages
    assert mail["Subject"] == "Reset your hrapp password"
    assert "within 30 minutes" in mail.get_body(("plain",)).get_content()


def test_the_answer_is_the_same_whether_or_not_the_account_exists(client, with_email, inbox):
    answers = {_ask(client, name) for name in ("staff", "nobody", "hr", "nobody@hotel.example")}
    assert len(answers) == 1  # hr has no e-mail address; nobody does not exist
    assert len(inbox.messages) == 1


def test_a_disabled_account_gets_no_link(client, with_email, inbox):
    db.session.get(User, with_email.staff.id).is_enabled = False
    db.session.commit()
    _ask(client, "staff")
    assert inbox.messages == []


def test_an_expired_link_is_refused(client, with_email, inbox, monkeypatch):
    _ask(client, "staff")
    link = _mailed_link(inbox)
    signed = reset.clock()
    monkeypatch.setattr(reset, "clock", lambda: signed + 29 * 60)
    assert client.get(link).status_code == 200
    monkeypatch.setattr(reset, "clock", lambda: signed + 31 * 60)
    assert client.get(link).headers["Location"] == "/auth/reset/"
    assert client.post(link, data={"password": NEW, "confirm": NEW}).headers["Location"] == "/auth/reset/"


@pytest.mark.parametrize("link", ["/auth/reset/garbage", "/auth/reset/eyJ1IjoxfQ.abc.def"])
def test_a_forged_link_is_refused(client, org, link):
    assert client.get(link).headers["Location"] == "/auth/reset/"


def test_the_new_password_follows_the_policy(client, auth, with_email, inbox):
    _ask(client, "staff")
    link = _mailed_link(inbox)
    weak = client.post(link, data={"password": "password123", "confirm": "password123"})
    assert weak.status_code == 200 and "is-invalid" in weak.get_data(as_text=True)
    assert client.post(link, data={"password": NEW, "confirm": NEW}).status_code == 302  # still usable
    assert auth.login("staff", NEW).headers["Location"] == "/"


def test_a_reset_lifts_a_lockout(client, auth, with_email, inbox):
    for _ in range(5):
        auth.login("staff", "wrong-password-1")
    assert db.session.get(User, with_email.staff.id).locked_until is not None
    _ask(client, "staff")
    client.post(_mailed_link(inbox), data={"password": NEW, "confirm": NEW})
    assert auth.login("staff", NEW).headers["Location"] == "/"


def test_asking_is_rate_limited(app, client, org, monkeypatch):
    monkeypatch.setitem(app.config, "PASSWORD_RESET_RATE_LIMIT", "2 per minute")
    codes = [client.post("/auth/reset/", data={"identifier": "x"}, environ_base={"REMOTE_ADDR": "10.7.7.7"}
                         ).status_code for _ in range(3)]
    assert codes == [302, 302, 429]


def test_hr_issues_a_one_time_link_on_the_account_page(app, client, auth, org, monkeypatch):
    auth.login("hr")
    edit = client.get(f"/accounts/{org.staff.id}/edit").get_data(as_text=True)
    assert f"/accounts/{org.staff.id}/reset-link" in edit
    page = client.post(f"/accounts/{org.staff.id}/reset-link")
    assert page.status_code == 200
    link = LINK.search(page.get_data(as_text=True)).group(0).removeprefix("http://localhost")
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "user.password_reset"))
    assert (entry.actor_id, entry.target_id, entry.after) == (org.hr.id, org.staff.id, {"via": "issued"})
    issued, = _events(SecurityEventKind.PASSWORD_RESET_ISSUED)
    assert (issued.user_id, issued.detail) == (org.staff.id, {"via": "issued", "by": "hr"})
    auth.logout()
    signed = reset.clock()
    monkeypatch.setattr(reset, "clock", lambda: signed + 25 * 3600)
    assert client.get(link).headers["Location"] == "/auth/reset/"  # past PASSWORD_RESET_ISSUED_HOURS
    monkeypatch.setattr(reset, "clock", lambda: signed + 2 * 3600)
    assert client.post(link, data={"password": NEW, "confirm": NEW}).status_code == 302
    assert client.get(link).headers["Location"] == "/auth/reset/"
    user = db.session.get(User, org.staff.id)
    assert user.must_change_password is False and user.last_login_at is None
    assert auth.login("staff", NEW).headers["Location"] == "/"
    assert db.session.get(User, org.staff.id).last_login_at <= utcnow()


def test_without_a_mail_server_nothing_is_sent_and_the_answer_is_the_same(client, with_email):
    assert "人事部门" in _ask(client, "staff")
