"""The charts page over HTTP on the 5,000-staff company with a quarter of reconciled attendance, a year of
violations and training (bench/appraisal_seed.py), for HR (every department) and a head (their departments),
over the default range (the last 6 months, which holds the attendance quarter).

Targets: home_charts_hr_ms / home_charts_head_ms median < 300 (six charts, each over every row of its months) and a
handful of statements per request (..._queries ≤ 15: one or two grouped queries per chart).
"""
from collections.abc import Iterator

from bench.appraisal_seed import appraisal_quarter_app
from bench.env import BenchContext
from bench.http import page_figures, time_page

ROUNDS = 10
TARGET_MS, MAX_QUERIES = 300.0, 15


def _drawn(response) -> bool:
    return response.status_code == 200 and b'id="charts-attendance-table"' in response.data


def bench_home_charts(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = appraisal_quarter_app(ctx)
    for username, name in (("hr", "home_charts_hr"), ("head", "home_charts_head")):
        median, worst = time_page(app, username, "/charts/", ROUNDS, _drawn)
        yield from page_figures(name, median, worst, TARGET_MS, MAX_QUERIES)


BENCHES = [bench_home_charts]
