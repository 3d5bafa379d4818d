"""Acceptance: identical submits at the same moment, with real concurrency.

A live server (werkzeug, threaded) serves its own app with CSRF protection and one-time submission tokens on,
on a SQLite *file* database (each request its own connection, as in production) or on the suite's PostgreSQL
database; every "browser" is its own cookie jar that logged in through the login form. Twenty threads wait
at a barrier, then send the same form at once. The tests run in both database passes of `make test`
(`committed`: their commits must be seen by the server's threads; the tables are emptied afterwards).
"""
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, time, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa
from werkzeug.serving import make_server

from config import TestingConfig
from hrapp import create_app
from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.roster.rules import REST, WORK, ShiftTypeData
from hrapp.blueprints.roster.services import CellEdit, create_roster, publish_roster, save_shift_type, set_cells
from hrapp.blueprints.staff.rules import StaffData
from hrapp.blueprints.staff.services import create_staff
from hrapp.extensions import db
from hrapp.models import (
    Department,
    Gender,
    PeriodKind,
    Position,
    Role,
    Roster,
    RosterCell,
    ShiftSwap,
    StaffMember,
    SubmissionToken,
    SwapStatus,
    User,
)
from tests.races.web import WebClient, form_posting_to

pytestmark = pytest.mark.committed
PASSWORD = "Correct-Horse-Battery-9"
RACERS = 20


class RaceServer:
    def __init__(self, app, url):
        self.app, self.url = app, url

    def client(self, username: str) -> WebClient:
        web = WebClient(self.url)
        web.login(username, PASSWORD)
        return web

    def count(self, model, *where) -> int:
        with self.app.app_context():
            return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def _seed() -> None:
    """FO with two people who have accounts (alice works 早 on the swap day, bob rests), a head and HR;
    FO's roster of next month, published."""
    front = save_department(None, None, "FO", "前厅部", "Front office", None, 10)
    db.session.flush()
    people = [create_staff(StaffData(staff_number=f"E{n}", name_zh=name, gender=Gender.FEMALE, department_id=front.id,
                                     hire_on=date(2020, 3, 1), birth_on=date(1990, 1, 1),
                                     daily_wage_amount=Decimal("200.00")), None)
              for n, name in ((1, "张三"), (2, "李四"))]
    create_user("hr", PASSWORD, Role.HR, None, must_change_password=False)
    create_user("head", PASSWORD, Role.HEAD, None, departments=[front], must_change_password=False)
    create_user("alice", PASSWORD, Role.STAFF, None, staff=people[0], must_change_password=False)
    create_user("bob", PASSWORD, Role.STAFF, None, staff=people[1], must_change_password=False)
    save_shift_type(None, front, ShiftTypeData("早", "早班", WORK, time(7), time(15), 30, "Early", "#43a047"))
    save_shift_type(None, front, ShiftTypeData("休", "休息", REST, name_en="Rest", colour="#bdbdbd",
                                               counts_as_workday=False))
    db.session.flush()
    roster = create_roster(None, front, PeriodKind.MONTH, swap_day())
    db.session.flush()
    set_cells(None, roster, [CellEdit(people[0].id, swap_day(), "早"), CellEdit(people[1].id, swap_day(), "休")])
    publish_roster(None, roster, None)
    db.session.commit()


def swap_day() -> date:
    """A day of next month (swaps are offered for days ahead only)."""
    return (date.today().replace(day=1) + timedelta(days=40)).replace(day=10)


@pytest.fixture
def race_server(app, tmp_path):
    """The app served on 127.0.0.1 in a thread, on its own SQLite file or on the suite's PostgreSQL database."""
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if sa.make_url(uri).get_backend_name() == "sqlite":
        uri = f"sqlite:///{tmp_path / 'races.sqlite'}"
    config = type("RaceConfig", (TestingConfig,), {"SQLALCHEMY_DATABASE_URI": uri, "WTF_CSRF_ENABLED": True,
                                                   "SUBMISSION_TOKENS_REQUIRED": True})
    race_app = create_app(config)
    with race_app.app_context():
        db.create_all()
        _seed()
        db.session.remove()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, race_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield RaceServer(race_app, f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
        thread.join(timeout=10)
        with race_app.app_context():
            db.engine.dispose()


def race(clients: list[WebClient], path: str, values_of) -> list:
    """Every client posts `values_of(client)` to `path` at the same moment; their responses."""
    barrier = threading.Barrier(len(clients))

    def send(web):
        values = values_of(web)
        barrier.wait(timeout=60)
        return web.post(path, values)

    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        return list(pool.map(send, clients))


def form_values(web: WebClient, page: str, action: str, **values) -> dict:
    """What the browser would send from the form posting to `action` on `page`, with `values` typed in."""
    return form_posting_to(web.get(page).text, action, page).values | values


def assert_no_server_error(responses) -> None:
    assert all(r.status < 500 for r in responses), sorted(r.status for r in responses)


def test_twenty_identical_roster_creations_make_one_roster(race_server):
    clients = [race_server.client("hr") for _ in range(RACERS)]
    with race_server.app.app_context():
        front_id = db.session.scalar(sa.select(Department.id).where(Department.code == "FO"))
    month = swap_day() + timedelta(days=62)
    responses = race(clients, "/roster/new", lambda web: form_values(
        web, "/roster/", "/roster/new", department_id=front_id, period_kind="month", day=month.isoformat()))
    assert_no_server_error(responses)
    assert sum(r.status == 302 for r in responses) == 1
    assert race_server.count(Roster, Roster.department_id == front_id, Roster.starts_on == month.replace(day=1)) == 1
    # the losers were told what a single late clerk is told
    assert all("重叠" in r.text for r in responses if r.status != 302)


def test_twenty_identical_swap_proposals_make_one_swap_and_a_second_approval_changes_nothing(race_server):
    clients = [race_server.client("alice") for _ in range(RACERS)]
    with race_server.app.app_context():
        roster_id = db.session.scalar(sa.select(Roster.id))
        bob_id = db.session.scalar(sa.select(StaffMember.id).where(StaffMember.staff_number == "E2"))
    my_shift = f"{roster_id}:{swap_day().isoformat()}"
    responses = race(clients, "/roster/me/swaps", lambda web: form_values(
        web, "/roster/me", "/roster/me/swaps", my_shift=my_shift, partner_id=bob_id, partner_day="", note="换一下"))
    assert_no_server_error(responses)
    assert race_server.count(ShiftSwap) == 1
    assert sum(r.status == 302 for r in responses) == 1

    with race_server.app.app_context():
        swap = db.session.scalar(sa.select(ShiftSwap))
        swap_url = f"/roster/{roster_id}/swaps/{swap.id}"
    bob = race_server.client("bob")
    assert bob.post(f"{swap_url}/accept", form_values(bob, swap_url, f"{swap_url}/accept")).status == 302

    heads = [race_server.client("head") for _ in range(2)]
    approvals = [form_values(head, swap_url, f"{swap_url}/approve") for head in heads]
    responses = race(heads, f"{swap_url}/approve", lambda web: approvals[heads.index(web)])
    assert_no_server_error(responses)
    assert sorted(r.status for r in responses) == [302, 409]
    replay = heads[0].post(f"{swap_url}/approve", approvals[0])
    assert replay.status == 409

    with race_server.app.app_context():
        assert db.session.get(ShiftSwap, swap.id).status == SwapStatus.APPROVED
        cells = {c.staff.staff_number: c.shift_type.code for c in db.session.scalars(
            sa.select(RosterCell).where(RosterCell.day == swap_day()))}
    assert cells == {"E1": "休", "E2": "早"}  # swapped once, not swapped back


CREATES = {
    "staff": ("/staff/new", "/staff/new", lambda ids: {
        "staff_number": "E0777", "name_zh": "王五", "gender": "male", "department_id": ids["FO"],
        "hire_on": "2024-01-02", "status": "active", "daily_wage_amount": "200.00",
        "monthly_base_amount": "4500.00"}, StaffMember, StaffMember.staff_number == "E0777"),
    "department": ("/org/departments/new", "/org/departments/new", lambda ids: {
        "code": "HK", "name": "客房部", "planned_headcount": "5"}, Department, Department.code == "HK"),
    "position": ("/org/positions/new", "/org/positions/new", lambda ids: {
        "code": "P-DESK", "name": "前台接待", "department_id": ids["FO"], "headcount": "2"},
        Position, Position.code == "P-DESK"),
    "account": ("/accounts/new", "/accounts/new", lambda ids: {
        "username": "newclerk", "role": "staff", "password": "Another-Long-Passw0rd"},
        User, User.username == "newclerk"),
}


@pytest.mark.parametrize("kind", sorted(CREATES))
def test_concurrent_identical_creates_make_one_record_and_no_server_error(race_server, kind):
    page, action, values, model, where = CREATES[kind]
    with race_server.app.app_context():
        ids = {"FO": db.session.scalar(sa.select(Department.id).where(Department.code == "FO"))}
    clients = [race_server.client("hr") for _ in range(RACERS // 2)]
    responses = race(clients, action, lambda web: form_values(web, page, action, **values(ids)))
    assert_no_server_error(responses)
    assert race_server.count(model, where) == 1
    assert sum(r.status == 302 for r in responses) == 1, sorted(r.status for r in responses)


def test_a_double_click_creates_one_record(race_server):
    """The same browser sends the same page twice at once (one token): one department, one stored token."""
    web = race_server.client("hr")
    values = form_values(web, "/org/departments/new", "/org/departments/new", code="SPA", name="水疗部",
                         planned_headcount="3")
    responses = race([web, web], "/org/departments/new", lambda _web: values)
    assert_no_server_error(responses)
    assert race_server.count(Department, Department.code == "SPA") == 1
    assert race_server.count(SubmissionToken, SubmissionToken.token == values["submission_token"]) == 1
