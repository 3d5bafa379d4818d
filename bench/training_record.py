"""One person's training record page over HTTP on the 5,000-staff company with a year of training
(bench/training_seed.py), read by HR: the person with the most enrolments, all years.

Targets: training_record_ms median < 50 and a handful of statements per request (training_record_queries).
"""
import statistics
import sys
import time
from collections.abc import Iterator

from bench.env import BENCH_PASSWORD, BenchContext
from bench.staff_list import StatementCounter
from bench.training_seed import a_trained_person, training_year_app
from hrapp.extensions import db

ROUNDS = 30
TARGET_MS, MAX_QUERIES = 50.0, 12


def bench_training_record(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = training_year_app(ctx)
    url = f"/training/records/{a_trained_person(app)}"
    client = app.test_client()
    if client.post("/auth/login", data={"identifier": "hr", "password": BENCH_PASSWORD}).status_code != 302:
        raise RuntimeError("login as hr failed")
    with app.app_context():
        counter = StatementCounter(db.engine)
    timings, worst = [], []
    try:
        for round_ in range(ROUNDS + 1):  # round 0 warms caches up and is not counted
            counter.take()
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
            statements = counter.take()
            if response.status_code != 200 or b"data-session-id=" not in response.data:
                raise RuntimeError(f"{url}: status {response.status_code} or no sessions shown")
            if round_:
                timings.append(elapsed)
            worst = max(worst, statements, key=len)
    finally:
        counter.close()
    median = statistics.median(timings)
    yield "training_record_ms", round(median, 2), "ms"
    yield "training_record_queries", len(worst), "count"
    if median >= TARGET_MS or len(worst) > MAX_QUERIES:
        print(f"training record {median:.1f} ms, {len(worst)} statements: above target (< {TARGET_MS} ms, "
              f"≤ {MAX_QUERIES})", file=sys.stderr)
        for statement in worst:
            print("   ", " ".join(statement.split())[:160], file=sys.stderr)


BENCHES = [bench_training_record]
