"""Opening an appraisal cycle for the 5,000 staff of the training year's company (bench.training_seed):
a company-wide template "BENCH-OPEN" (three criteria, weights 40/30/30, with self-assessment), a cycle
"BENCH-OPEN" over the last quarter, then appraisals/cycles/opening.open_cycle as HR. The median of a few rounds,
each rolled back.

Target: appraisal_open_s median < 5 (seconds; about 2 s on a quiet machine).
"""
import statistics
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

import sqlalchemy as sa

from bench.env import BENCH_PASSWORD, BenchContext
from bench.training_seed import training_year_app
from hrapp.blueprints.appraisals.cycles.opening import open_cycle
from hrapp.blueprints.auth.services import hash_password
from hrapp.company import company_today
from hrapp.core.periods import QUARTER, period_of
from hrapp.extensions import db
from hrapp.models import (
    Appraisal,
    AppraisalCycle,
    AppraisalTemplate,
    Criterion,
    CriterionKind,
    CycleStage,
    Metric,
    Role,
    User,
)

NAME = "BENCH-OPEN"
ROUNDS = 3
TARGET_S = 5.0


def _prepare() -> None:
    if db.session.scalar(sa.select(AppraisalTemplate.id).where(AppraisalTemplate.code == NAME)):
        return
    template = AppraisalTemplate(code=NAME, name_zh="基准考核表")
    template.criteria = [
        Criterion(sort_order=1, title_zh="工作态度", kind=CriterionKind.RATING, weight=Decimal("40"),
                  levels=["差", "较差", "一般", "良好", "优秀"]),
        Criterion(sort_order=2, title_zh="出勤率", kind=CriterionKind.METRIC, weight=Decimal("30"),
                  metric=Metric.ATTENDANCE_RATE, bands=[["98", "100"], ["90", "60"], ["0", "0"]], self_scored=False),
        Criterion(sort_order=3, title_zh="工作目标", kind=CriterionKind.KPI, weight=Decimal("30"),
                  target=Decimal("100"), bands=[["100", "100"], ["80", "70"], ["0", "0"]])]
    db.session.add(template)
    if not db.session.scalar(sa.select(User.id).where(User.username == "benchopenhr")):
        db.session.add(User(username="benchopenhr", password_hash=hash_password(BENCH_PASSWORD), role=Role.HR,
                            must_change_password=False))
    db.session.commit()


def _cycle() -> AppraisalCycle:
    period = period_of(QUARTER, period_of(QUARTER, company_today()).first - timedelta(days=1))
    ahead = company_today() + timedelta(days=7)
    cycle = AppraisalCycle(name=NAME, first_on=period.first, last_on=period.last, stage=CycleStage.SETUP,
                           self_due_on=ahead, head_due_on=ahead, calibration_due_on=ahead)
    db.session.add(cycle)
    db.session.flush()
    return cycle


def bench_appraisal_open(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = training_year_app(ctx)
    timings = []
    with app.test_request_context():
        _prepare()
        for round_ in range(ROUNDS + 1):  # round 0 warms caches up and is not counted
            hr = db.session.scalar(sa.select(User).where(User.username == "benchopenhr"))
            cycle = _cycle()
            started = time.perf_counter()
            opening = open_cycle(hr, cycle, None)
            db.session.flush()
            elapsed = time.perf_counter() - started
            made = db.session.scalar(sa.select(sa.func.count(Appraisal.id)).where(Appraisal.cycle_id == cycle.id))
            db.session.rollback()
            if made < 4000 or made != opening.made + opening.teams:
                raise RuntimeError(f"expected about 5,000 appraisals, made {made}")
            if round_:
                timings.append(elapsed)
    median = statistics.median(timings)
    yield "appraisal_open_s", round(median, 3), "s"
    if median >= TARGET_S:
        print(f"opening an appraisal cycle {median:.2f} s: above target (< {TARGET_S} s)", file=sys.stderr)


BENCHES = [bench_appraisal_open]
