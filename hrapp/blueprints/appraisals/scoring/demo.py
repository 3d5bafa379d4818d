"""The scoring part's steps of the appraisal demo (sequenced by appraisals/demo.py after the merge), each on a
cycle already in the right stage, through the services people use, deterministic with the given
`random.Random` and idempotent (what is saved or submitted already is left alone). They flush, never commit.

- `demo_self_assess`: the people with an account self-assess (rather well: self-assessments run high); about
  `share` of them submit, the others only save a draft. People without an account cannot, and are left for the
  cycles part to move on without a self-assessment.
- `demo_head_scores`: the scorers submit, with totals spread over the five grades (about 20 % excellent, a few
  needs-improvement and unsatisfactory) and one department (the first by code) clearly lenient. Where no
  account may score an appraisal (the demo has head accounts for few departments), the first HR account
  scores it as the department's would-be head (`save_head(on_behalf=True)`, audited so).
- `demo_peer_feedback`: colleagues with an account give feedback on about half of their colleagues whose
  template asks for it.
"""
import random
from decimal import Decimal

import sqlalchemy as sa

from hrapp.core.approvers import hr_users
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import AppraisalCycle, AppraisalStatus, CriterionKind, StaffMember, User

from .. import rules
from ..access import can_give_peer_feedback, can_self_assess, is_scorer
from ..scorers import scorer_users
from . import peer, services

# Head scoring: (chance, the total aimed at) from the best grade down.
TARGETS = ((Decimal("0.20"), 94), (Decimal("0.62"), 84), (Decimal("0.88"), 70), (Decimal("0.95"), 55),
           (Decimal("1"), 42))
LENIENT_POINTS = 7
HIGH_COMMENTS = ("顾客多次表扬，表现突出。", "本季度全部任务提前完成。")
LOW_COMMENTS = ("多次未达要求，需要改进。", "服务规范执行不到位，已面谈。")
SELF_COMMENTS = ("本季度认真完成了各项工作。", "服务意识有提升，仍需加强沟通。", "")
PEER_COMMENTS = ("乐于助人，配合默契。", "工作认真负责。", "希望交接班时更细致。", "")


def _account(staff_id: int) -> User | None:
    return db.session.scalar(sa.select(User).where(User.staff_id == staff_id, User.is_enabled.is_(True))
                             .order_by(User.id).limit(1))


def _appraisals(cycle: AppraisalCycle, status: AppraisalStatus) -> list:
    return sorted((a for a in cycle.appraisals if a.status == status), key=lambda a: a.id)


def _level_near(target: float, levels: int, rng: random.Random) -> int:
    """A level whose score lies near `target`, rounding up or down at random (totals spread between levels)."""
    exact = target * levels / 100
    level = int(exact) + (1 if rng.random() < exact - int(exact) else 0)
    return max(1, min(levels, level))


def _kpi_value(item, target: float) -> Decimal | None:
    """The threshold of the band whose score lies nearest `target` (that value scores exactly that band)."""
    if not item.bands:
        return None
    threshold, _score = min(item.bands, key=lambda band: abs(Decimal(str(band[1])) - Decimal(target)))
    return Decimal(str(threshold))


def _self_entry(item, rng: random.Random) -> dict[str, str]:
    if item.kind == CriterionKind.RATING:
        return {"level": str(_level_near(rng.uniform(70, 100), len(item.levels), rng)),
                "comment": rng.choice(SELF_COMMENTS)}
    value = _kpi_value(item, rng.uniform(70, 100))
    return {"value": "" if value is None else str(value), "comment": ""}


def demo_self_assess(cycle: AppraisalCycle, rng: random.Random, share: float = 0.85) -> int:
    """The people's self-assessments in `cycle` (in self-assessment): how many were saved or submitted."""
    done = 0
    for appraisal in _appraisals(cycle, AppraisalStatus.SELF_REVIEW):
        if appraisal.staff_id is None or any(i.self_score is not None for i in appraisal.items):
            continue  # a team appraisal, or a draft saved already
        user = _account(appraisal.staff_id)
        if user is None or not can_self_assess(user, appraisal):
            continue
        posted = {item.id: _self_entry(item, rng) for item in appraisal.items if item.self_scored}
        try:
            services.save_self(user, appraisal, posted, rng.choice(SELF_COMMENTS), appraisal.version_id,
                               submit=rng.random() < share)
        except ValidationFailed:  # the deadline passed: nothing to do
            continue
        done += 1
    return done


def _target(rng: random.Random, lenient: bool) -> float:
    draw = Decimal(str(rng.random()))
    aim = next(total for chance, total in TARGETS if draw < chance)
    return min(100.0, aim + rng.uniform(-3, 3) + (LENIENT_POINTS if lenient else 0))


def _head_entry(item, target: float, rng: random.Random) -> dict[str, str]:
    if item.kind == CriterionKind.RATING:
        level = _level_near(target, len(item.levels), rng)
        extreme = rules.is_extreme_level(level, len(item.levels))
        comment = rng.choice(HIGH_COMMENTS if level > 1 else LOW_COMMENTS) if extreme else ""
        return {"level": str(level), "comment": comment}
    if item.kind == CriterionKind.KPI:
        value = _kpi_value(item, target)
        return {"value": "" if value is None else str(value), "comment": ""}
    return {}  # measured: the bands' score stands


def demo_head_scores(cycle: AppraisalCycle, rng: random.Random) -> int:
    """The scorers' submitted scores in `cycle` (in head scoring): how many appraisals were scored."""
    waiting = _appraisals(cycle, AppraisalStatus.HEAD_REVIEW)
    codes = sorted({a.department.code for a in waiting})
    lenient = codes[0] if codes else None
    hr = next(iter(hr_users()), None)
    done = 0
    for appraisal in waiting:
        target = _target(rng, appraisal.department.code == lenient)
        posted = {item.id: _head_entry(item, target, rng) for item in appraisal.items}
        scorer = next((u for u in scorer_users(appraisal) if is_scorer(u, appraisal)), None)
        if scorer is None and hr is None:
            continue
        try:
            services.save_head(scorer or hr, appraisal, posted, "", appraisal.version_id, submit=True,
                               on_behalf=scorer is None)
        except ValidationFailed:  # the deadline passed
            continue
        done += 1
    return done


def demo_peer_feedback(cycle: AppraisalCycle, rng: random.Random) -> int:
    """Colleagues' feedback in `cycle` (self-assessment or head scoring): how many were given."""
    given = 0
    for appraisal in sorted(cycle.appraisals, key=lambda a: a.id):
        if appraisal.staff_id is None or not appraisal.template.peer_feedback:
            continue
        colleagues = db.session.scalars(
            sa.select(User).join(StaffMember, User.staff_id == StaffMember.id)
            .where(StaffMember.department_id == appraisal.department_id, User.is_enabled.is_(True))
            .order_by(User.id)).all()
        for user in colleagues:
            if (rng.random() >= 0.5 or not can_give_peer_feedback(user, appraisal)
                    or peer.given_by(appraisal, user.staff_id)):
                continue
            peer.give_feedback(user, appraisal, rng.choice((3, 4, 4, 5, 5)), rng.choice(PEER_COMMENTS))
            given += 1
    return given
