"""Violations at 5,000 staff with a year of violations (~60,000): HR's list filtered by month over HTTP, and a
head recording one violation through the form, end to end.

Targets: conduct_list_ms median < 50 and conduct_list_queries <= 10 (the most statements any list request ran);
conduct_record_ms median < 100 (the POST only: the form page that hands out the one-time token is not timed).
"""
import re
import statistics
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from bench.conduct_seed import MONTH, conduct_year_app
from bench.env import BENCH_PASSWORD, BenchContext
from bench.staff_list import StatementCounter
from hrapp.extensions import db
from hrapp.models import ConductRule, Department, Role, StaffMember, User

ROUNDS = 20
MAX_QUERIES = 10
TOKEN_RE = re.compile(r'name="submission_token" type="hidden" value="([^"]+)"|'
                      r'name="submission_token" value="([^"]+)"|value="([^"]+)" name="submission_token"')


def _login(app, username: str):
    client = app.test_client()
    response = client.post("/auth/login", data={"identifier": username, "password": BENCH_PASSWORD})
    if response.status_code != 302:
        raise RuntimeError(f"login as {username} failed: {response.status_code}")
    return client


def list_urls(app) -> list[str]:
    """HR's month list, as is and narrowed by state, department and person."""
    with app.app_context():
        department = db.session.scalar(sa.select(Department.id).where(Department.parent_id.is_(None)).limit(1))
    return [f"/conduct/violations/?month={MONTH}", f"/conduct/violations/?month={MONTH}&state=final&page=3",
            f"/conduct/violations/?month={MONTH}&department={department}",
            f"/conduct/violations/?month={MONTH}&q=%E7%8E%8B"]


def bench_conduct_list(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = conduct_year_app(ctx)
    client = _login(app, "hr")
    urls = list_urls(app)
    with app.app_context():
        counter = StatementCounter(db.engine)
    timings, cpu_timings, worst = [], [], (0, "", [])
    try:
        for round_ in range(ROUNDS + 1):  # round 0 warms caches up and is not counted
            for url in urls:
                counter.take()
                started, cpu_started = time.perf_counter(), time.process_time()
                response = client.get(url)
                elapsed = (time.perf_counter() - started) * 1000
                cpu_elapsed = (time.process_time() - cpu_started) * 1000
                statements = counter.take()
                if response.status_code != 200 or b'id="violations-table"' not in response.data:
                    raise RuntimeError(f"{url}: status {response.status_code} or no table")
                if round_ and url == urls[0]:
                    timings.append(elapsed)
                    cpu_timings.append(cpu_elapsed)
                if len(statements) > worst[0]:
                    worst = (len(statements), url, statements)
    finally:
        counter.close()
    yield "conduct_list_ms", statistics.median(timings), "ms"
    yield "conduct_list_cpu_ms", statistics.median(cpu_timings), "ms"  # the same, without the machine's load
    yield "conduct_list_queries", worst[0], "queries"
    if worst[0] > MAX_QUERIES:
        print(f"violation list: {worst[0]} statements for {worst[1]}:", file=sys.stderr)
        for statement in worst[2]:
            print("   ", " ".join(statement.split())[:160], file=sys.stderr)


def _head_and_person(app) -> tuple[str, str, int]:
    """A head's username, a person of their departments they may record for, and rule 2-4's id."""
    with app.app_context():
        heads = set(db.session.scalars(sa.select(User.staff_id).where(User.role == Role.HEAD)))
        head = db.session.scalar(sa.select(User).where(User.username == "head"))
        headed = [d.id for d in head.headed_departments]
        person = db.session.scalar(sa.select(StaffMember.staff_number).where(
            StaffMember.department_id.in_(headed), StaffMember.id.not_in([h for h in heads if h]),
            StaffMember.left_on.is_(None)).limit(1))
        rule = db.session.scalar(sa.select(ConductRule.id).where(ConductRule.code == "2-4"))
    if person is None:
        raise RuntimeError("the demo head has nobody to record for")
    return head.username, person, rule


def bench_conduct_record(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = conduct_year_app(ctx)
    username, person, rule_id = _head_and_person(app)
    client = _login(app, username)
    when = (datetime.now(UTC) + timedelta(hours=8) - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    timings, cpu_timings = [], []
    for round_ in range(ROUNDS + 1):
        page = client.get("/conduct/violations/new").get_data(as_text=True)
        match = TOKEN_RE.search(page)
        if match is None:
            raise RuntimeError("no submission token on the recording form")
        token = next(g for g in match.groups() if g)
        data = {"submission_token": token, "staff_number": person, "rule_id": str(rule_id), "occurred_at": when,
                "amount": "15", "description": "bench", "action": "submit"}
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.post("/conduct/violations/new", data=data)
        elapsed = (time.perf_counter() - started) * 1000
        cpu_elapsed = (time.process_time() - cpu_started) * 1000
        if response.status_code != 302:
            raise RuntimeError(f"recording failed: {response.status_code} {response.get_data(as_text=True)[-800:]}")
        if round_:
            timings.append(elapsed)
            cpu_timings.append(cpu_elapsed)
    yield "conduct_record_ms", statistics.median(timings), "ms"
    yield "conduct_record_cpu_ms", statistics.median(cpu_timings), "ms"


BENCHES = [bench_conduct_list, bench_conduct_record]
