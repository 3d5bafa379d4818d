"""One `tick` on the 5,000-staff database with nothing due: median time of every registered task run once.

Runs `run_tick()` (leases claimed and released, each task's queries) the way `flask tick` does,
without the process start-up; the first round warms caches up and is not counted.
"""
import statistics
import time
from collections.abc import Iterator

from bench.env import BenchContext
from hrapp.core.tick import run_tick
from hrapp.extensions import db

STAFF = 5000
ROUNDS = 5


def bench_tick(ctx: BenchContext) -> Iterator[tuple[str, float, str]]:
    app = ctx.seeded_app(STAFF)
    timings = []
    with app.app_context():
        for round_ in range(ROUNDS + 1):
            started = time.perf_counter()
            outcomes = run_tick()
            elapsed = (time.perf_counter() - started) * 1000
            failed = [o for o in outcomes if o.status != "ran"]
            if failed:
                raise RuntimeError(f"tick did not run cleanly: {failed}")
            if round_:
                timings.append(elapsed)
        db.session.remove()
    yield "tick_ms", statistics.median(timings), "ms"


BENCHES = [bench_tick]
