"""The head's home over HTTP on the 5,000-staff demo company (`seed-demo --staff 5000`, each module's demo data:
rosters, attendance, leave, conduct, training, appraisals), read by the demo head (the head of a large
department and its sub-departments).

Targets: home_head_ms median < 50 and home_head_queries <= 10 (the statements one request ran).
"""
from collections.abc import Iterator

from bench.env import BenchContext
from bench.http import page_figures, time_page

STAFF, ROUNDS = 5000, 30
URL = "/home/head/"
TARGET_MS, MAX_QUERIES = 50.0, 10


def bench_home_head(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = ctx.seeded_app(STAFF)
    median, worst = time_page(app, "head", URL, ROUNDS,
                              lambda r: r.status_code == 200 and b'id="head-board"' in r.data)
    yield from page_figures("home_head", median, worst, TARGET_MS, MAX_QUERIES)


BENCHES = [bench_home_head]
