"""One person's training record page over HTTP on the 5,000-staff company with a year of training
(bench/training_seed.py), read by HR: the person with the most enrolments, all years.

Targets: training_record_ms median < 50 and a handful of statements per request (training_record_queries).
"""
from collections.abc import Iterator

from bench.env import BenchContext
from bench.http import page_figures, time_page
from bench.training_seed import a_trained_person, training_year_app

ROUNDS = 30
TARGET_MS, MAX_QUERIES = 50.0, 12


def bench_training_record(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = training_year_app(ctx)
    median, worst = time_page(app, "hr", f"/training/records/{a_trained_person(app)}", ROUNDS,
                              lambda r: r.status_code == 200 and b"data-session-id=" in r.data)
    yield from page_figures("training_record", median, worst, TARGET_MS, MAX_QUERIES)


BENCHES = [bench_training_record]
