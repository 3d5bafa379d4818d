"""The demo's sign-off step (the lead's appraisals/demo.py calls it once the cycle is published): most people
acknowledge their result, one appeals with grounds and HR (the first HR user) decides the appeal, adjusted or
upheld. Through the services people use; deterministic with the given `random.Random`; idempotent (a cycle
with an appeal already keeps it, and acknowledged results are no longer open)."""
from decimal import Decimal

import sqlalchemy as sa

from hrapp.core.validation import ValidationFailed
from hrapp.core.workflow import TransitionForbidden
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, AppraisalStatus, Role, User

from . import rules, services

ACKNOWLEDGE_SHARE = 0.9  # the rest stay silent (silence acknowledges them once the time to respond is over)
GROUNDS = ("本季度我承担了两位同事休假期间的前台工作，顾客满意度的统计没有反映这部分工作，申请复核。",
           "出勤率扣分是因为系统漏记了两次补卡，请人事复核考勤记录。")
REASONS = {rules.ADJUSTED: "经核实，申诉理由成立，按核实后的情况调整总分。",
           rules.UPHELD: "经核实，考核依据充分，维持原考核结果。"}


def _account(staff_id: int | None) -> User | None:
    if staff_id is None:
        return None
    return db.session.scalar(sa.select(User).where(User.staff_id == staff_id, User.is_enabled.is_(True))
                             .order_by(User.id).limit(1))


def first_hr() -> User | None:
    """The first enabled HR user (the demo's decider)."""
    return db.session.scalar(sa.select(User).where(User.role == Role.HR, User.is_enabled.is_(True))
                             .order_by(User.id).limit(1))


def _published(cycle: AppraisalCycle) -> list[Appraisal]:
    return list(db.session.scalars(sa.select(Appraisal).where(
        Appraisal.cycle_id == cycle.id, Appraisal.status == AppraisalStatus.PUBLISHED).order_by(Appraisal.id)))


def _appeal_one(cycle: AppraisalCycle, rng, hr: User) -> None:
    already = db.session.scalar(sa.select(Appraisal.id).where(Appraisal.cycle_id == cycle.id,
                                                              Appraisal.appealed_at.is_not(None)).limit(1))
    candidates = [(a, u) for a in _published(cycle)
                  if (u := _account(a.staff_id)) is not None and a.staff_id != hr.staff_id]
    if already is not None or not candidates:
        return
    appraisal, person = candidates[rng.randrange(len(candidates))]
    try:
        services.appeal(person, appraisal, rng.choice(GROUNDS), appraisal.version_id)
    except (ValidationFailed, TransitionForbidden):
        return
    db.session.flush()
    decision = rng.choice(rules.DECISIONS)
    total = None
    if decision == rules.ADJUSTED:
        total = min(Decimal(100), (appraisal.total or Decimal(0)) + Decimal(rng.choice((3, 4, 5))))
        if total == appraisal.total:
            decision, total = rules.UPHELD, None
    services.decide(hr, appraisal, decision, total, REASONS[decision], appraisal.version_id)


def demo_signoff(cycle: AppraisalCycle, rng) -> None:
    """One appeal (decided by HR), then most of the other published results acknowledged by their person."""
    hr = first_hr()
    if hr is not None:
        _appeal_one(cycle, rng, hr)
    for appraisal in _published(cycle):
        person = _account(appraisal.staff_id)
        if person is None or rng.random() >= ACKNOWLEDGE_SHARE:
            continue
        try:
            services.acknowledge(person, appraisal, appraisal.version_id)
        except (ValidationFailed, TransitionForbidden):
            continue
    db.session.flush()
