"""A course's effect page on the 5,000-staff company with a year of violations and a year of training (the
complaint-handling course: linked rules, 25 sessions, about 2,500 attendances, feedback and attempts), through the
real view as HR: median time of ROUNDS requests and the SQL statements per request.

Target: median < 200 ms (training_effect_ms).
"""
import statistics
import time
from collections.abc import Iterator

from bench.env import BENCH_PASSWORD, BenchContext
from bench.staff_list import StatementCounter
from bench.training_seed import YEAR, a_course_with_rules, training_year_app
from hrapp.extensions import db

ROUNDS = 20
TARGET_MS = 200


def bench_training_effect(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = training_year_app(ctx)
    course_id = a_course_with_rules(app)
    client = app.test_client()
    login = client.post("/auth/login", data={"identifier": "hr", "password": BENCH_PASSWORD})
    if login.status_code != 302:
        raise RuntimeError(f"login as hr failed: {login.status_code}")
    url = f"/training/effect/courses/{course_id}?year={YEAR}"
    with app.app_context():
        counter = StatementCounter(db.engine)
    try:
        timings, cpu_timings, statements = [], [], 0
        for round_ in range(ROUNDS + 1):  # round 0 warms caches up and is not counted
            counter.take()
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
            cpu_elapsed = (time.process_time() - cpu_started) * 1000
            taken = counter.take()
            if response.status_code != 200 or b'id="behaviour-table"' not in response.data:
                raise RuntimeError(f"{url}: status {response.status_code} or no behaviour table")
            if round_:
                timings.append(elapsed)
                cpu_timings.append(cpu_elapsed)
                statements = max(statements, len(taken))
    finally:
        counter.close()
    median = statistics.median(timings)
    yield "training_effect_ms", round(median, 1), "ms"
    yield "training_effect_queries", statements, "count"
    yield "training_effect_cpu_ms", round(statistics.median(cpu_timings), 1), "ms"  # this process's share (a busy machine)
    if median >= TARGET_MS:
        raise RuntimeError(f"training_effect_ms {median:.0f} ms is above the {TARGET_MS} ms target")


BENCHES = [bench_training_effect]
