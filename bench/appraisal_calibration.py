"""The appraisal calibration page over HTTP for a 500-person department, read by HR: on the 5,000-staff company
with a year of training (bench/training_seed.py), 500 active people moved into a new department BENCH-CAL, a
cycle BENCH-CALIBRATION in calibration with their appraisals scored (three items each) by four heads of
different leniency, written with bulk inserts (made once per run).

Targets: appraisal_calibration_ms median < 100 and appraisal_calibration_queries ≤ 10 statements per request.
"""
import random
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from flask import Flask

from bench.env import BENCH_PASSWORD, BenchContext
from bench.http import page_figures, time_page
from bench.training_seed import training_year_app
from hrapp.blueprints.appraisals import rules
from hrapp.blueprints.auth.services import hash_password
from hrapp.core.bulk import insert_rows
from hrapp.extensions import db
from hrapp.models import (
    Appraisal,
    AppraisalCycle,
    AppraisalItem,
    AppraisalStatus,
    AppraisalTemplate,
    Criterion,
    CriterionKind,
    CycleStage,
    Department,
    Role,
    StaffMember,
    User,
)

ROUNDS = 30
TARGET_MS, MAX_QUERIES = 100.0, 10
PEOPLE = 500
CYCLE, DEPARTMENT, TEMPLATE = "BENCH-CALIBRATION", "BENCH-CAL", "B-CAL"
# Each head's bias in points: two lenient, one in line, one strict.
SCORERS = (("calhead1", Decimal("7")), ("calhead2", Decimal("4")), ("calhead3", Decimal("0")),
           ("calhead4", Decimal("-6")))
CRITERIA = (("服务与工作态度", Decimal("40")), ("工作效率", Decimal("30")), ("团队协作", Decimal("30")))
_DONE_KEY = "bench.appraisal_calibration"
STAMP = datetime(2026, 10, 10, 2, 0)


def _blank(table: sa.Table) -> dict:
    """A row of `table` with each column's scalar default (None where it has none), the id left out."""
    return {c.name: (c.default.arg if c.default is not None and c.default.is_scalar else None)
            for c in table.columns if c.name != "id"}


def _setup() -> tuple[AppraisalCycle, Department, AppraisalTemplate, list[User]]:
    department = Department(code=DEPARTMENT, name="校准基准部", planned_headcount=PEOPLE)
    db.session.add(department)
    db.session.flush()
    department.path = f"/{department.id}/"
    heads = [User(username=name, password_hash=hash_password(BENCH_PASSWORD), role=Role.HEAD)
             for name, _bias in SCORERS]
    for head in heads:
        head.headed_departments = [department]
    template = AppraisalTemplate(code=TEMPLATE, name_zh="校准基准考核表", self_assessment=True)
    for number, (title, weight) in enumerate(CRITERIA, start=1):
        template.criteria.append(Criterion(sort_order=number, title_zh=title, kind=CriterionKind.RATING,
                                           weight=weight, levels=["差", "较差", "一般", "良好", "优秀"]))
    cycle = AppraisalCycle(name=CYCLE, first_on=date(2026, 7, 1), last_on=date(2026, 9, 30),
                           stage=CycleStage.CALIBRATION, calibration_due_on=date(2026, 10, 31))
    db.session.add_all([*heads, template, cycle])
    db.session.flush()
    return cycle, department, template, heads


def _score(rng: random.Random, bias: Decimal) -> Decimal:
    return rules.rounded(min(max(Decimal(str(rng.gauss(76, 9))) + bias, Decimal("35")), Decimal("99")))


def _appraisals(rng: random.Random, cycle, department, template, heads) -> None:
    """Move PEOPLE active people into the department (one UPDATE), then their scored appraisals and items."""
    people = db.session.execute(sa.select(StaffMember.id, StaffMember.position_id)
                                .where(StaffMember.status != "left").order_by(StaffMember.id).limit(PEOPLE)).all()
    db.session.execute(sa.update(StaffMember).where(StaffMember.id.in_([p.id for p in people]))
                       .values(department_id=department.id))
    blank, rows, items_of = _blank(Appraisal.__table__), [], {}
    for index, (staff_id, position_id) in enumerate(people):
        head, (_name, bias) = heads[index % len(heads)], SCORERS[index % len(heads)]
        scores = [_score(rng, bias) for _criterion in CRITERIA]
        total = rules.weighted_total(zip((w for _t, w in CRITERIA), scores, strict=True))
        self_total = _score(rng, Decimal("5"))
        items_of[staff_id] = scores
        rows.append(blank | {
            "cycle_id": cycle.id, "staff_id": staff_id, "department_id": department.id, "position_id": position_id,
            "template_id": template.id, "grade_bands": [], "scorer": "head", "status": AppraisalStatus.SCORED.value,
            "self_total": self_total, "head_total": total, "total": total, "grade": rules.grade_for(total),
            "self_submitted_at": STAMP, "head_submitted_at": STAMP, "scored_by_id": head.id,
            "calibrated": False, "acknowledged_by_silence": False, "version_id": 1,
            "created_at": STAMP, "updated_at": STAMP})
    insert_rows(Appraisal.__table__, rows)
    ids = dict(db.session.execute(sa.select(Appraisal.staff_id, Appraisal.id)
                                  .where(Appraisal.cycle_id == cycle.id)).all())
    blank_item, items = _blank(AppraisalItem.__table__), []
    for staff_id, scores in items_of.items():
        for number, ((title, weight), score) in enumerate(zip(CRITERIA, scores, strict=True), start=1):
            items.append(blank_item | {
                "appraisal_id": ids[staff_id], "criterion_id": template.criteria[number - 1].id,
                "sort_order": number, "title_zh": title, "title_en": "", "kind": CriterionKind.RATING.value,
                "weight": weight, "levels": ["差", "较差", "一般", "良好", "优秀"], "bands": [], "unit": "",
                "higher_is_better": True, "kpi_code": "", "self_scored": True, "self_comment": "",
                "head_score": score, "head_comment": ""})
    insert_rows(AppraisalItem.__table__, items)


def calibration_app(ctx: BenchContext) -> Flask:
    """The training year's company plus the calibration cycle (made once per run)."""
    app = training_year_app(ctx)
    if app.extensions.get(_DONE_KEY):
        return app
    with app.app_context():
        if db.session.scalar(sa.select(AppraisalCycle.id).where(AppraisalCycle.name == CYCLE)) is None:
            cycle, department, template, heads = _setup()
            _appraisals(random.Random(14), cycle, department, template, heads)
            db.session.commit()
    app.extensions[_DONE_KEY] = True
    return app


def bench_appraisal_calibration(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = calibration_app(ctx)
    with app.app_context():
        cycle_id = db.session.scalar(sa.select(AppraisalCycle.id).where(AppraisalCycle.name == CYCLE))
        department_id = db.session.scalar(sa.select(Department.id).where(Department.code == DEPARTMENT))
    url = f"/appraisals/calibration/cycles/{cycle_id}?department={department_id}"
    median, worst = time_page(app, "hr", url, ROUNDS, lambda r: r.status_code == 200
                              and r.data.count(b'data-action="adjust"') == 100)
    yield from page_figures("appraisal_calibration", median, worst, TARGET_MS, MAX_QUERIES)


BENCHES = [bench_appraisal_calibration]
