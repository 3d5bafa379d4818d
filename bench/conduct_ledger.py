"""The conduct month close: the ledger and the legal guard rail for every person of the 5,000-staff company for
`MONTH` (~5,000 violations of a year of 60,000), with the violations still open, the same work the close check
does per department, done company-wide. Target < 5 s (conduct_month_close_s, the median of a few rounds after
a warm-up); the check over every department one by one is reported as conduct_month_close_departments_s.
"""
import statistics
import time
from collections.abc import Iterator

import sqlalchemy as sa

from bench.conduct_seed import MONTH, conduct_year_app
from bench.env import BenchContext
from hrapp.blueprints.conduct.ledger.close import conduct_close_check
from hrapp.blueprints.conduct.ledger.queries import compute_ledger, open_violations
from hrapp.core.periods import MONTH as MONTH_KIND
from hrapp.core.periods import parse_period
from hrapp.extensions import db
from hrapp.models import Department

ROUNDS = 3
TARGET_S = 5.0


def _close_work(month) -> tuple[int, int, int]:
    """The ledger of every person, its flags, and the month's open violations: (people, flagged, open)."""
    ledger = compute_ledger(month)
    return len(ledger.lines), len(ledger.flagged_ids()), len(open_violations(month.name))


def bench_conduct_month_close(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = conduct_year_app(ctx)
    month = parse_period(MONTH, (MONTH_KIND,))
    timings = []
    with app.app_context():
        for round_ in range(ROUNDS + 1):
            started = time.perf_counter()
            people, flagged, waiting = _close_work(month)
            if round_:
                timings.append(time.perf_counter() - started)
            db.session.remove()
        if people < 1000:
            raise RuntimeError(f"the ledger of {MONTH} holds only {people} people")
        departments = list(db.session.scalars(sa.select(Department)))
        started = time.perf_counter()
        problems = [p for d in departments for p in conduct_close_check(d, month.first, month.last)]
        by_department = time.perf_counter() - started
        db.session.remove()
    elapsed = statistics.median(timings)
    yield "conduct_month_close_s", round(elapsed, 3), "s"
    yield "conduct_month_close_people", people, "people"
    yield "conduct_month_close_flagged", flagged, "people"
    yield "conduct_month_close_open_violations", waiting, "violations"
    yield "conduct_month_close_departments_s", round(by_department, 3), "s"
    yield "conduct_month_close_blocked_problems", len(problems), "problems"
    if elapsed >= TARGET_S:
        raise RuntimeError(f"conduct_month_close_s {elapsed:.2f} s is above the {TARGET_S} s target")


BENCHES = [bench_conduct_month_close]
