"""The staff home over HTTP on the 5,000-staff demo company, read by the demo account "staff" (a front desk
receptionist with published rosters this month and the next, leave types, and the demo's records).

Targets: home_staff_ms median < 50 and at most 10 statements per request (home_staff_queries).
"""
from collections.abc import Iterator

from bench.env import BenchContext
from bench.http import page_figures, time_page

STAFF = 5_000
ROUNDS = 30
TARGET_MS, MAX_QUERIES = 50.0, 10


def bench_home_staff(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = ctx.seeded_app(STAFF)
    median, worst = time_page(app, "staff", "/home/me/", ROUNDS,
                              lambda r: r.status_code == 200 and b'id="staff-home"' in r.data)
    yield from page_figures("home_staff", median, worst, TARGET_MS, MAX_QUERIES)


BENCHES = [bench_home_staff]
