"""The appraisal benchmarks' database: the 5,000-staff company with a year of violations and training
(bench/training_seed.py) plus a quarter (2026-Q3) of reconciled attendance days for every active person (the 66
weekdays: mostly present, some late with minutes, a few absent, on leave or missing a punch), and a cycle
"BENCH-METRICS" over that quarter in head scoring, with a template of all ten system metrics and a rating, opened
for everyone. Made once per run with bulk inserts (no services: the rows look as the services leave them). Not a
benchmark itself.
"""
import random
from datetime import date, datetime, timedelta
from decimal import Decimal

import sqlalchemy as sa
from flask import Flask

from bench.env import BenchContext
from bench.training_seed import training_year_app
from hrapp.core.bulk import insert_rows
from hrapp.extensions import db
from hrapp.models import (
    Appraisal,
    AppraisalCycle,
    AppraisalItem,
    AppraisalStatus,
    AppraisalTemplate,
    AttendanceDay,
    Criterion,
    CriterionKind,
    CycleStage,
    DayStatus,
    Metric,
    Scorer,
    StaffMember,
)

FIRST, LAST = date(2026, 7, 1), date(2026, 9, 30)
CYCLE = "BENCH-METRICS"
_DONE_KEY = "bench.appraisal_quarter"
# status, share (per thousand)
STATUSES = ((DayStatus.PRESENT, 860), (DayStatus.LATE, 70), (DayStatus.EARLY, 15), (DayStatus.LATE_AND_EARLY, 5),
            (DayStatus.ABSENT, 10), (DayStatus.MISSING_PUNCH, 10), (DayStatus.LEAVE, 25), (DayStatus.REST, 5))
LOWER = False
CRITERIA = (
    ("服务与工作态度", CriterionKind.RATING, None, True, []),
    ("出勤率", CriterionKind.METRIC, Metric.ATTENDANCE_RATE, True, [["98", "100"], ["95", "80"], ["90", "60"], ["0", "0"]]),
    ("迟到次数", CriterionKind.METRIC, Metric.LATE_COUNT, LOWER, [["0", "100"], ["3", "80"], ["6", "50"]]),
    ("迟到分钟", CriterionKind.METRIC, Metric.LATE_MINUTES, LOWER, [["0", "100"], ["60", "70"], ["180", "40"]]),
    ("旷工天数", CriterionKind.METRIC, Metric.ABSENCES, LOWER, [["0", "100"], ["1", "60"]]),
    ("违纪扣分", CriterionKind.METRIC, Metric.CONDUCT_POINTS, LOWER, [["0", "100"], ["5", "60"]]),
    ("罚款", CriterionKind.METRIC, Metric.FINES, LOWER, [["0", "100"], ["100", "60"]]),
    ("奖励", CriterionKind.METRIC, Metric.REWARDS, True, [["2", "100"], ["1", "80"], ["0", "60"]]),
    ("培训学时", CriterionKind.METRIC, Metric.TRAINING_HOURS, True, [["8", "100"], ["4", "80"], ["0", "50"]]),
    ("培训成绩", CriterionKind.METRIC, Metric.TRAINING_SCORE, True, [["90", "100"], ["75", "80"], ["0", "60"]]),
    ("证书过期", CriterionKind.METRIC, Metric.CERTIFICATES_OVERDUE, LOWER, [["0", "100"], ["1", "50"]]),
)
WEIGHTS = ("10",) + ("9",) * 10
LEVELS = ["差", "较差", "一般", "良好", "优秀"]


def _attendance(rng: random.Random, people: list[tuple]) -> None:
    days = [FIRST + timedelta(days=n) for n in range((LAST - FIRST).days + 1)]
    weekdays = [d for d in days if d.weekday() < 5]
    statuses = [s for s, share in STATUSES for _ in range(share)]
    stamp = datetime(2026, 10, 1)
    for start in range(0, len(people), 500):
        rows = []
        for staff_id, department_id, _position in people[start:start + 500]:
            for day in weekdays:
                status = rng.choice(statuses)
                late = rng.randint(6, 45) if status in (DayStatus.LATE, DayStatus.LATE_AND_EARLY) else 0
                early = rng.randint(5, 30) if status in (DayStatus.EARLY, DayStatus.LATE_AND_EARLY) else 0
                worked = 0 if status in (DayStatus.ABSENT, DayStatus.LEAVE, DayStatus.REST) else 480 - late - early
                rows.append({"staff_id": staff_id, "day": day, "department_id": department_id,
                             "status": status.value, "late_minutes": late, "early_minutes": early,
                             "worked_minutes": worked, "overtime_minutes": 0, "overtime_approved": False,
                             "flags": [], "reconciled_at": stamp, "version_id": 1})
        insert_rows(AttendanceDay.__table__, rows)


def _template() -> AppraisalTemplate:
    template = AppraisalTemplate(code=CYCLE, name_zh="系统指标考核表", self_assessment=False)
    for number, ((title, kind, metric, higher, bands), weight) in enumerate(zip(CRITERIA, WEIGHTS, strict=True),
                                                                           start=1):
        template.criteria.append(Criterion(
            sort_order=number, title_zh=title, kind=kind, weight=Decimal(weight), metric=metric, bands=bands,
            levels=LEVELS if kind == CriterionKind.RATING else [], higher_is_better=higher,
            self_scored=kind == CriterionKind.RATING))
    db.session.add(template)
    db.session.flush()
    return template


def _appraisals(cycle: AppraisalCycle, template: AppraisalTemplate, people: list[tuple]) -> None:
    stamp = datetime(2026, 10, 1)
    insert_rows(Appraisal.__table__, [
        {"cycle_id": cycle.id, "staff_id": staff_id, "department_id": department_id, "position_id": position_id,
         "template_id": template.id, "grade_bands": [], "scorer": Scorer.HEAD.value, "status": AppraisalStatus.HEAD_REVIEW.value,
         "self_comment": "", "head_comment": "", "calibrated": False, "acknowledged_by_silence": False,
         "appeal_text": "", "decision": "", "decision_reason": "", "version_id": 1, "created_at": stamp,
         "updated_at": stamp}
        for staff_id, department_id, position_id in people])
    ids = db.session.execute(sa.select(Appraisal.id).where(Appraisal.cycle_id == cycle.id)).scalars().all()
    criteria = template.criteria
    rows = []
    for appraisal_id in ids:
        for c in criteria:
            rows.append({"appraisal_id": appraisal_id, "criterion_id": c.id, "sort_order": c.sort_order,
                         "title_zh": c.title_zh, "title_en": "", "kind": c.kind.value, "weight": c.weight,
                         "levels": list(c.levels), "bands": [list(b) for b in c.bands], "unit": "",
                         "higher_is_better": c.higher_is_better, "metric": c.metric.value if c.metric else None,
                         "kpi_code": "", "self_scored": c.self_scored, "self_comment": "", "head_comment": ""})
        if len(rows) >= 20000:
            insert_rows(AppraisalItem.__table__, rows)
            rows = []
    insert_rows(AppraisalItem.__table__, rows)


def appraisal_quarter_app(ctx: BenchContext) -> Flask:
    """The training year's company plus a quarter of attendance and the BENCH-METRICS cycle (made once per run)."""
    app = training_year_app(ctx)
    if app.extensions.get(_DONE_KEY):
        return app
    rng = random.Random(17)
    with app.app_context():
        people = db.session.execute(sa.select(StaffMember.id, StaffMember.department_id, StaffMember.position_id)
                                    .where(StaffMember.status != "left").order_by(StaffMember.id)).all()
        _attendance(rng, people)
        cycle = AppraisalCycle(name=CYCLE, first_on=FIRST, last_on=LAST, stage=CycleStage.HEAD_SCORING,
                               self_due_on=date(2026, 10, 10), head_due_on=date(2026, 10, 20),
                               calibration_due_on=date(2026, 10, 31))
        db.session.add(cycle)
        _appraisals(cycle, _template(), people)
        db.session.commit()
    app.extensions[_DONE_KEY] = True
    return app


def bench_cycle_id(app: Flask) -> int:
    """The id of the BENCH-METRICS cycle."""
    with app.app_context():
        return db.session.scalar(sa.select(AppraisalCycle.id).where(AppraisalCycle.name == CYCLE))


BENCHES: list = []
