"""Fixtures of the appraisal tests (and of other modules' tests that need appraisals): templates, cycles and
appraisals written directly to set a scene (the parts' own tests go through the pages and the API for what they
test)."""
from datetime import date, timedelta
from decimal import Decimal

import pytest

from hrapp.blueprints.appraisals import setup
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
    StaffMember,
)

FIVE_LEVELS = ["差", "较差", "一般", "良好", "优秀"]
# The default criteria: (title, kind, weight, extra fields).
STANDARD_CRITERIA = (
    ("服务与工作态度", CriterionKind.RATING, "40", {"levels": FIVE_LEVELS}),
    ("出勤率", CriterionKind.METRIC, "30",
     {"metric": Metric.ATTENDANCE_RATE, "bands": [["98", "100"], ["95", "80"], ["90", "60"], ["0", "0"]],
      "unit": "%", "self_scored": False}),
    ("顾客满意度", CriterionKind.IMPORTED, "30",
     {"kpi_code": "csat", "bands": [["4.5", "100"], ["4", "80"], ["3.5", "60"], ["0", "40"]],
      "self_scored": False}),
)


def write_template(code: str = "T-STD", name: str = "标准考核表", criteria=STANDARD_CRITERIA,
                   **fields) -> AppraisalTemplate:
    """A template with `criteria` ((title, kind, weight, extra fields), ...); company-wide unless `department_id`
    or `position_id` is given."""
    template = AppraisalTemplate(code=code, name_zh=name, name_en=fields.pop("name_en", ""), **fields)
    for number, (title, kind, weight, extra) in enumerate(criteria, start=1):
        template.criteria.append(Criterion(sort_order=number, title_zh=title, kind=kind, weight=Decimal(weight),
                                           **extra))
    db.session.add(template)
    db.session.flush()
    return template


def write_cycle(name: str | None = None, stage: CycleStage = CycleStage.SELF_ASSESSMENT, first_on: date | None = None,
                **fields) -> AppraisalCycle:
    """A cycle over the previous quarter (by default), in `stage`, with every deadline a week ahead."""
    period = period_of(QUARTER, first_on or period_of(QUARTER, company_today()).first - timedelta(days=1))
    ahead = company_today() + timedelta(days=7)
    cycle = AppraisalCycle(name=name or period.name, first_on=period.first, last_on=period.last, stage=stage,
                           self_due_on=fields.pop("self_due_on", ahead), head_due_on=fields.pop("head_due_on", ahead),
                           calibration_due_on=fields.pop("calibration_due_on", ahead), **fields)
    db.session.add(cycle)
    db.session.flush()
    return cycle


def write_appraisal(cycle: AppraisalCycle, staff: StaffMember | None, template: AppraisalTemplate,
                    department=None, **fields) -> Appraisal:
    """`staff`'s appraisal in `cycle` made as the cycles part makes them (setup.make_appraisal; `department`'s team
    appraisal when `staff` is None), then `fields` set on it."""
    scorer = setup.scorer_for(staff, setup.heading_staff_ids()) if staff is not None else None
    appraisal = setup.make_appraisal(cycle, template, staff, department, **({"scorer": scorer} if scorer else {}))
    for name, value in fields.items():
        setattr(appraisal, name, value)
    db.session.flush()
    return appraisal


@pytest.fixture
def make_template(app):
    """make_template(code="T-STD", name=..., criteria=STANDARD_CRITERIA, **fields): see `write_template`."""
    return write_template


@pytest.fixture
def make_cycle(app):
    """make_cycle(name=None, stage=SELF_ASSESSMENT, first_on=None, **fields): see `write_cycle`."""
    return write_cycle


@pytest.fixture
def make_appraisal(app):
    """make_appraisal(cycle, staff, template, department=None, **fields): see `write_appraisal`."""
    return write_appraisal
