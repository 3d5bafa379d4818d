"""The HR desk (`/home/hr/`) over HTTP on the 5,000-staff company with a year of violations
(bench/conduct_seed.py: the month being closed has a full ledger to check against the guard rail), read by HR.

Targets (issue 15): home_hr_ms median < 50 and at most 10 statements per request (home_hr_queries).
"""
from collections.abc import Iterator

from bench.conduct_seed import conduct_year_app
from bench.env import BenchContext
from bench.http import page_figures, time_page

ROUNDS = 30
TARGET_MS, MAX_QUERIES = 50.0, 10


def bench_home_hr(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = conduct_year_app(ctx)
    median, worst = time_page(app, "hr", "/home/hr/", ROUNDS,
                              lambda r: r.status_code == 200 and b'id="readiness-table"' in r.data)
    yield from page_figures("home_hr", median, worst, TARGET_MS, MAX_QUERIES)


BENCHES = [bench_home_hr]
