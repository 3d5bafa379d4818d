"""The staff list at 5,000 staff through the real view: median time and SQL statements per request.

Targets: median < 50 ms at the default page size, at most 10 statements per request whatever the page size.
"""
import statistics
import sys
import time
from collections.abc import Iterator

import sqlalchemy as sa

from bench.env import BENCH_PASSWORD, BenchContext
from hrapp.extensions import db
from hrapp.models import Department

STAFF = 5000
ROUNDS = 5  # every URL below, per page size
MAX_QUERIES = 10


def typical_urls(app) -> list[str]:
    """Filter, search, sort and page combinations HR uses every day."""
    with app.app_context():
        ids = dict(db.session.execute(sa.select(Department.code, Department.id)).all())
    return [
        f"/staff/?department={ids['HTL-FO']}&status=active&page=2",
        f"/staff/?department={ids['HTL-HK']}&status=active&page=2",
        f"/staff/?department={ids['HTL']}&sort=department&page=3",
        f"/staff/?department={ids['TRV-FDG']}&status=probation",
        "/staff/?status=active&sort=-hire_on&page=5",
        "/staff/?sort=name&page=10",
        "/staff/?q=%E7%8E%8B&page=2",  # 王: a surname search
        "/staff/",
    ]


class StatementCounter:
    """Counts (and keeps) the SQL statements an engine runs, via `before_cursor_execute`."""

    def __init__(self, engine):
        self.engine, self.statements = engine, []
        sa.event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, conn, cursor, statement, parameters, context, executemany):  # noqa: ARG002
        self.statements.append(statement)

    def take(self) -> list[str]:
        taken, self.statements = self.statements, []
        return taken

    def close(self) -> None:
        sa.event.remove(self.engine, "before_cursor_execute", self._seen)


def bench_staff_list(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = ctx.seeded_app(STAFF)
    client = app.test_client()
    login = client.post("/auth/login", data={"identifier": "hr", "password": BENCH_PASSWORD})
    if login.status_code != 302:
        raise RuntimeError(f"login as hr failed: {login.status_code}")
    urls = typical_urls(app)
    with app.app_context():
        counter = StatementCounter(db.engine)
    try:
        timings: dict[int, list[float]] = {25: [], 200: []}
        cpu_timings: list[float] = []
        worst: tuple[int, str, list[str]] = (0, "", [])
        for per_page in timings:
            for round_ in range(ROUNDS + 1):  # round 0 warms caches up and is not counted
                for url in urls:
                    url = f"{url}{'&' if '?' in url else '?'}per_page={per_page}"
                    counter.take()
                    started, cpu_started = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    elapsed = (time.perf_counter() - started) * 1000
                    cpu_elapsed = (time.process_time() - cpu_started) * 1000
                    statements = counter.take()
                    if response.status_code != 200 or b'id="staff-table"' not in response.data:
                        raise RuntimeError(f"{url}: status {response.status_code} or no staff table")
                    if round_:
                        timings[per_page].append(elapsed)
                        if per_page == 25:
                            cpu_timings.append(cpu_elapsed)
                    if len(statements) > worst[0]:
                        worst = (len(statements), url, statements)
    finally:
        counter.close()
    yield "staff_list_ms", statistics.median(timings[25]), "ms"
    yield "staff_list_cpu_ms", statistics.median(cpu_timings), "ms"
    yield "staff_list_200_ms", statistics.median(timings[200]), "ms"
    yield "staff_list_queries", worst[0], "queries"
    if worst[0] > MAX_QUERIES:
        print(f"staff list: {worst[0]} statements for {worst[1]} (target {MAX_QUERIES}):", file=sys.stderr)
        for statement in worst[2]:
            print("   ", " ".join(statement.split())[:160], file=sys.stderr)


BENCHES = [bench_staff_list]
