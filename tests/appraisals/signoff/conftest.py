"""Fixtures of the sign-off tests: `scene` (org, a head of housekeeping, the standard template, last quarter's
cycle in the published stage, and 李前台's result — scored by the FO head, published today, respond by in three
days) and helpers to set an appraisal's stage."""
from datetime import timedelta
from decimal import Decimal

import pytest

from hrapp.blueprints.appraisals.totals import refresh_totals
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import AppraisalStatus, CycleStage, Role, utcnow
from tests.appraisals.fixtures import write_appraisal, write_cycle, write_template


def score(appraisal, scorer, rating="80", attendance="96.5", attendance_score="80", csat="4.2", csat_score="80"):
    """Give `appraisal` the head's and the values' scores, and the totals they make."""
    rating_item, attendance_item, csat_item = appraisal.items
    rating_item.self_score, rating_item.head_score = Decimal("100"), Decimal(rating)
    rating_item.head_comment = "服务热情，主动帮助同事。"
    attendance_item.value, attendance_item.value_score = Decimal(attendance), Decimal(attendance_score)
    csat_item.value, csat_item.value_score = Decimal(csat), Decimal(csat_score)
    appraisal.head_comment, appraisal.self_comment = "本季度表现良好。", "我认真完成了各项工作。"
    appraisal.scored_by_id = scorer.id
    refresh_totals(appraisal)


def publish(appraisal, respond_by=None) -> None:
    """As the cycles part publishes a result: visible, with the last day to respond."""
    appraisal.status = AppraisalStatus.PUBLISHED
    appraisal.published_at = utcnow()
    appraisal.respond_by = respond_by or company_today() + timedelta(days=3)


@pytest.fixture
def scene(org, make_user):
    o = org
    o.hk_head = make_user(Role.HEAD, "hkhead", departments=[o.housekeeping])
    o.template = write_template()
    o.cycle = write_cycle(stage=CycleStage.PUBLISHED)
    o.appraisal = write_appraisal(o.cycle, o.desk_staff, o.template)
    score(o.appraisal, o.head)
    publish(o.appraisal)
    db.session.commit()
    return o
