"""The demo's outcomes step (the lead's appraisals/demo.py calls it once the cycle's results are published and
the outcomes suggested): HR confirms a reward proposal, a training need and an improvement plan and dismisses
one suggestion with a note. Deterministic and idempotent: only suggestions still open are taken, in id order."""
import random
from datetime import timedelta

import sqlalchemy as sa

from hrapp.blueprints.conduct.rewards.services import reward_rules
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, AppraisalOutcome, OutcomeKind, OutcomeStatus

from . import queries, services
from .access import can_decide_outcome

REVIEW_AFTER_DAYS = 45
GOALS = "1. 本季度无迟到、无旷工；\n2. 完成服务礼仪复训并通过考核；\n3. 顾客满意度达到 4.0 以上。"
DISMISS_NOTE = "已在部门内部辅导，暂不另行安排"


def _of(cycle: AppraisalCycle, kind: OutcomeKind, status: OutcomeStatus) -> list[AppraisalOutcome]:
    return list(db.session.scalars(
        sa.select(AppraisalOutcome).join(AppraisalOutcome.appraisal)
        .where(Appraisal.cycle_id == cycle.id, AppraisalOutcome.kind == kind,
               AppraisalOutcome.status == status).order_by(AppraisalOutcome.id)))


def _suggested(cycle: AppraisalCycle, kind: OutcomeKind) -> list[AppraisalOutcome]:
    """The open suggestions of `kind`, none when one of that kind was confirmed already (a second run)."""
    return [] if _of(cycle, kind, OutcomeStatus.CONFIRMED) else _of(cycle, kind, OutcomeStatus.SUGGESTED)


def _commendation_rule():
    rows = reward_rules()
    commendations = [(rule, version) for rule, version in rows if version.kind.value == "commendation"]
    return (commendations or rows or [(None, None)])[0]


def demo_outcomes(cycle: AppraisalCycle, actor, rng: random.Random | None = None) -> None:
    """Confirm one reward proposal (a commendation), one training need and one improvement plan, and dismiss one
    further suggestion with a note. Never commits."""
    today = company_today()
    rng = rng or random.Random(14)
    rule, version = _commendation_rule()
    rewards = [o for o in _suggested(cycle, OutcomeKind.REWARD) if can_decide_outcome(actor, o)]
    if rewards and rule is not None:
        services.confirm_reward(actor, rewards[0], None, services.RewardChoice(
            rule.code, version.kind.value, None, f"{cycle.name} 考核优秀"), today)
    trainings = [o for o in _suggested(cycle, OutcomeKind.TRAINING) if can_decide_outcome(actor, o)]
    if trainings:
        services.confirm_training(actor, trainings[0], None, queries.weakest_topic(trainings[0].appraisal) or "服务技能",
                                  None)
    plans = [o for o in _suggested(cycle, OutcomeKind.IMPROVEMENT) if can_decide_outcome(actor, o)]
    if plans:
        services.confirm_improvement(actor, plans[0], None, GOALS,
                                     today + timedelta(days=REVIEW_AFTER_DAYS + rng.randint(0, 14)), today)
    rest = [o for kind in OutcomeKind for o in _of(cycle, kind, OutcomeStatus.SUGGESTED)
            if can_decide_outcome(actor, o)]
    dismissed = [o for kind in OutcomeKind for o in _of(cycle, kind, OutcomeStatus.DISMISSED)
                 if o.decision_note == DISMISS_NOTE]
    if rest and not dismissed:
        services.dismiss_outcome(actor, rest[-1], None, DISMISS_NOTE)
