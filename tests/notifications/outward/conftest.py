"""Fixtures of the outward notification tests: a local SMTP server, the robot emulator, robots, routes, and the
sender's clock moved by the test."""
from datetime import datetime, timedelta

import pytest
from aiosmtpd.smtp import AuthResult

from hrapp.blueprints.notifications.outward import sending
from hrapp.extensions import db
from hrapp.models import GroupRobot, NotificationRoute, OutwardChannel, RobotPlatform, StaffMember, utcnow
from tests.mail_server import Inbox, local_smtp
from tests.notifications.outward.robot_server import RobotServer


class RefusingInbox(Inbox):
    """The inbox of the password-reset tests, refusing recipients at refused.example as a real server would."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 (aiosmtpd's hook)
        if address.endswith("@refused.example"):
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def inbox(app, monkeypatch):
    """A local SMTP server for the test, and the app configured to send to it."""
    monkeypatch.setitem(app.config, "PUBLIC_BASE_URL", "https://hr.hotel.example")
    with local_smtp(app, monkeypatch, RefusingInbox()) as box:
        yield box


@pytest.fixture
def auth_inbox(app, monkeypatch):
    """A local SMTP server offering AUTH over plain SMTP (accepting any login), the app configured to send to it."""
    with local_smtp(app, monkeypatch, Inbox(), auth_require_tls=False,
                    authenticator=lambda *args: AuthResult(success=True)) as box:
        yield box


@pytest.fixture
def robots(monkeypatch):
    """The robot emulator, running for the test (no proxy between the app and it)."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    server = RobotServer().start()
    yield server
    server.stop()


@pytest.fixture
def make_robot(org):
    def make(department, platform=RobotPlatform.WECOM, name=None, url="http://127.0.0.1:9/none", secret="",
             active=True) -> GroupRobot:
        robot = GroupRobot(department_id=department.id, platform=platform, name=name or f"{department.code} robot",
                           webhook_url=url, secret=secret, active=active)
        db.session.add(robot)
        db.session.commit()
        return robot
    return make


@pytest.fixture
def route(app):
    def add(kind: str, *channels: OutwardChannel) -> None:
        db.session.add_all(NotificationRoute(kind=kind, channel=channel) for channel in channels)
        db.session.commit()
    return add


@pytest.fixture
def addresses(org):
    """E-mail addresses on the desk clerk's and the housekeeper's staff records (the head has none)."""
    db.session.get(StaffMember, org.desk_staff.id).email = "li.desk@hotel.example"
    db.session.get(StaffMember, org.hk_staff.id).email = "zhao.hk@hotel.example"
    db.session.commit()
    return org


class Clock:
    """The sender's clock, standing still until the test (or a slow robot) moves it."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """The clock `sending` reads at each claim and attempt, moved by the test (no sleeping). It starts a minute
    ahead, so what the test queues (due at the real time it is written) is due."""
    moved = Clock(utcnow() + timedelta(minutes=1))
    monkeypatch.setattr(sending, "clock", moved)
    return moved
