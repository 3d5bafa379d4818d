"""The demo's calibration step (the appraisals demo calls it with the last quarter's cycle in calibration): two
to four adjustments with reasons, the first in the most lenient scorer's results. Deterministic with the given
`random.Random`; a cycle already calibrated is left as it is."""
import random
from decimal import Decimal

import sqlalchemy as sa

from hrapp.blueprints.appraisals import rules
from hrapp.blueprints.appraisals.access import can_calibrate
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalAdjustment, AppraisalCycle, AppraisalStatus

from . import services
from .overview import overview

LENIENT_REASON = "该部门评分整体偏高，按公司分布指引下调。"
REASONS = ("结合本季度客户投诉记录，下调评分。", "加班支援其他部门表现突出，上调评分。",
           "与同岗位同事横向比较后校准。")


def _scored(cycle: AppraisalCycle) -> list[Appraisal]:
    return list(db.session.scalars(sa.select(Appraisal).where(
        Appraisal.cycle_id == cycle.id, Appraisal.status == AppraisalStatus.SCORED, Appraisal.total.is_not(None),
        Appraisal.staff_id.is_not(None)).order_by(Appraisal.id)))


def _clamp(total: Decimal) -> Decimal:
    return min(max(total, Decimal("0")), rules.HUNDRED)


def demo_calibrate(cycle: AppraisalCycle, actor, rng: random.Random) -> int:
    """Adjust 2–4 of the cycle's scored results as `actor` (HR); returns how many (0 when it was done before or
    nothing is scored). Never commits."""
    done = db.session.scalar(sa.select(sa.func.count(AppraisalAdjustment.id)).join(Appraisal).where(
        Appraisal.cycle_id == cycle.id, AppraisalAdjustment.by_appeal.is_(False)))
    results = [a for a in _scored(cycle) if can_calibrate(actor, a)]
    if done or not results:
        return 0
    scorers = overview(actor, cycle).scorers
    lenient = max(scorers, key=lambda line: (line.mean, line.count), default=None)
    first = [a for a in results if lenient is not None and a.scored_by_id == lenient.user_id] or results
    chosen = [max(first, key=lambda a: (a.total, -a.id))]
    others = [a for a in results if a not in chosen]
    chosen += rng.sample(others, min(len(others), rng.randint(1, 3)))
    for index, appraisal in enumerate(chosen):
        if index == 0:
            total, reason = _clamp(appraisal.total - Decimal(rng.randint(5, 10))), LENIENT_REASON
        else:
            reason = REASONS[(index - 1) % len(REASONS)]
            step = Decimal(rng.randint(3, 8))
            total = _clamp(appraisal.total + (step if "上调" in reason else -step))
        services.adjust_result(actor, appraisal, str(total), reason, appraisal.version_id)
    return len(chosen)
