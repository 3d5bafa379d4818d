"""How long `flask seed-demo --staff 5000` takes on an empty, migrated SQLite file (migration not timed)."""
import time
from collections.abc import Iterator

from bench.env import BenchContext

STAFF = 5000


def bench_seed_demo(ctx: BenchContext) -> Iterator[tuple[str, float, str]]:
    app = ctx.new_app(f"seed_{STAFF}")
    started, cpu_started = time.perf_counter(), time.process_time()
    ctx.seed(app, STAFF)  # later benchmarks reuse this database
    yield f"seed_{STAFF}_s", time.perf_counter() - started, "s"
    # SQLite runs in-process: CPU time is the same work measured without other processes' load.
    yield f"seed_{STAFF}_cpu_s", time.process_time() - cpu_started, "s"


BENCHES = [bench_seed_demo]
