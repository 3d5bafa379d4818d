"""The outcomes tests' scene: `people` (org plus the head of housekeeping), a published cycle with two results —
the front desk clerk 优秀 (92) and the housekeeping clerk 不合格 (45) — a commendation and a bonus rule in
the code of conduct, and a course. `publish(scene)` sends `appraisals_published` as the cycles part does."""
from datetime import timedelta
from decimal import Decimal

import pytest

from hrapp.blueprints.appraisals.signals import appraisals_published
from hrapp.company import company_today
from hrapp.extensions import db, limiter
from hrapp.models import AppraisalStatus, CycleStage, Grade, RuleKind
from tests.access_matrix import people  # noqa: F401  (fixture)


def published(make_appraisal, cycle, staff, template, total: str, grade: Grade):
    appraisal = make_appraisal(cycle, staff, template, status=AppraisalStatus.PUBLISHED, total=Decimal(total),
                               head_total=Decimal(total), grade=grade,
                               respond_by=company_today() + timedelta(days=7))
    for item, score in zip(appraisal.items, ("60", "100", "80"), strict=True):
        item.head_score = Decimal(score)
    return appraisal


@pytest.fixture
def scene(people, make_template, make_cycle, make_appraisal, make_rule, make_course):  # noqa: F811
    limiter.reset()
    s = people
    s.template = make_template()
    s.cycle = make_cycle(stage=CycleStage.PUBLISHED)
    s.desk = published(make_appraisal, s.cycle, s.desk_staff, s.template, "92", Grade.EXCELLENT)
    s.hk = published(make_appraisal, s.cycle, s.hk_staff, s.template, "45", Grade.FAIL)
    s.commendation = make_rule(code="J-1", kind=RuleKind.COMMENDATION, title_zh="通报表扬")
    s.bonus = make_rule(code="J-2", kind=RuleKind.BONUS, title_zh="奖金", min_amount=Decimal("100"),
                        max_amount=Decimal("500"))
    s.course = make_course()
    db.session.commit()
    return s


def publish(s, *appraisals):
    """Send `appraisals_published` for `appraisals` (both of the scene's by default) and commit."""
    appraisals_published.send(None, appraisal_ids=[a.id for a in (appraisals or (s.desk, s.hk))], actor=s.hr)
    db.session.commit()
