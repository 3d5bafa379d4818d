"""The system metrics of a whole cycle: `refresh_metrics` for the BENCH-METRICS cycle (bench/appraisal_seed.py:
5,000 people, a quarter of attendance, a year of conduct and training, ten metric items each), wall time from
the first query to the flush of every item and total.

Target: appraisal_metrics_s < 10.
"""
import sys
import time
from collections.abc import Iterator

from bench.appraisal_seed import appraisal_quarter_app, bench_cycle_id
from bench.env import BenchContext
from hrapp.blueprints.appraisals.metrics.services import refresh_metrics
from hrapp.extensions import db
from hrapp.models import AppraisalCycle

TARGET_S = 10.0


def bench_appraisal_metrics(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    """refresh_metrics of the whole BENCH-METRICS cycle, committed: wall time in seconds."""
    app = appraisal_quarter_app(ctx)
    cycle_id = bench_cycle_id(app)
    with app.app_context():
        cycle = db.session.get(AppraisalCycle, cycle_id)
        started = time.perf_counter()
        result = refresh_metrics(cycle, None)
        db.session.commit()
        elapsed = time.perf_counter() - started
    if result.appraisals < 4000:
        raise RuntimeError(f"only {result.appraisals} appraisals changed")
    yield "appraisal_metrics_s", round(elapsed, 3), "s"
    if elapsed >= TARGET_S:
        print(f"appraisal metrics {elapsed:.1f} s: above target (< {TARGET_S} s)", file=sys.stderr)


BENCHES = [bench_appraisal_metrics]
