"""A login tells nobody which accounts exist: one message and one hashing cost for an unknown name, a wrong
password, a locked and a disabled account; the lockout is told to the holder and the administrators."""
import statistics
import time

import sqlalchemy as sa

from config import Config
from hrapp.blueprints.auth.services import LOCKOUT_KIND, hash_password
from hrapp.extensions import db
from hrapp.models import Notification, User, utcnow
from tests.conftest import PASSWORD


def _danger(page: str) -> str:
    return page.split('alert-danger', 1)[1].split("</div>", 1)[0]


def test_one_message_for_unknown_wrong_locked_and_disabled(client, auth, org, make_user):
    make_user(username="gone", is_enabled=False)
    locked = make_user(username="frozen")
    locked.locked_until = utcnow().replace(year=utcnow().year + 1)
    db.session.commit()
    answers = {
        "unknown": auth.login("nobody", PASSWORD),
        "wrong": auth.login("hr", "wrong-password-1"),
        "locked": auth.login("frozen", PASSWORD),  # the right password, still refused
        "disabled": auth.login("gone", PASSWORD),
    }
    assert {name: r.status_code for name, r in answers.items()} == dict.fromkeys(answers, 200)
    messages = {_danger(r.get_data(as_text=True)) for r in answers.values()}
    assert len(messages) == 1, messages


def test_lockout_is_told_to_the_holder_and_the_administrators(client, auth, org, make_user):
    other_admin = make_user(username="admin2", role=org.admin.role)
    for _ in range(5):
        auth.login("staff", "wrong-password-1")
    told = db.session.scalars(sa.select(Notification.user_id).where(Notification.kind == LOCKOUT_KIND)).all()
    assert sorted(told) == sorted([org.staff.id, org.admin.id, other_admin.id])
    text = db.session.scalar(sa.select(Notification.text).where(Notification.user_id == org.staff.id))
    assert "staff" in text and "锁定" in text
    # a sixth try on the locked account tells nobody again
    auth.login("staff", "wrong-password-1")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Notification)) == 3


def _login_cost_ms(client, identifier: str) -> tuple[float, float]:
    """(CPU ms of the thread serving the login, wall-clock ms) for one failed login."""
    cpu, wall = time.thread_time(), time.perf_counter()
    client.post("/auth/login", data={"identifier": identifier, "password": "wrong-password-1"})
    return (time.thread_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000


def test_an_unknown_name_costs_as_much_as_a_known_or_locked_one(app, client, org, make_user, monkeypatch):
    """With the production hashing parameters, the median login time (15 tries each, interleaved) of an
    unknown name, a known account with a wrong password and a locked account differ by less than 20 ms.

    The time measured is the CPU time of the thread serving the request (the test client serves it in this
    thread): the work the server does per answer, which is what would leak. Wall-clock medians on a shared
    test machine are dominated by scheduling noise; they are shown when the test fails."""
    monkeypatch.setitem(app.config, "PASSWORD_HASH_METHOD", Config.PASSWORD_HASH_METHOD)
    monkeypatch.setitem(app.config, "LOGIN_MAX_FAILURES", 1000)
    locked = make_user(username="frozen")
    for user in (db.session.get(User, org.hr.id), locked):
        user.password_hash = hash_password(PASSWORD)
    locked.locked_until = utcnow().replace(year=utcnow().year + 1)
    db.session.commit()
    assert locked.password_hash.startswith("scrypt:")
    _login_cost_ms(client, "nobody")  # warm up: the dummy hash is made once per method
    names = {"unknown": "nobody", "known": "hr", "locked": "frozen"}
    samples = {name: [] for name in names}
    for _ in range(15):
        for name, identifier in names.items():
            samples[name].append(_login_cost_ms(client, identifier))
    cpu = {name: statistics.median(s[0] for s in values) for name, values in samples.items()}
    wall = {name: round(statistics.median(s[1] for s in values)) for name, values in samples.items()}
    report = f"CPU medians {cpu}, wall-clock medians {wall}"
    assert abs(cpu["known"] - cpu["unknown"]) < 20, report
    assert abs(cpu["locked"] - cpu["unknown"]) < 20, report
    assert cpu["unknown"] > 10, report  # the real scrypt ran: the comparison means something
