"""Confirming and dismissing suggested outcomes (HR). Never commits; the actor is passed in.

Confirming a reward proposes a reward in the code of conduct (conduct/rewards/services.create_reward), a training
need raises one in the training plan (training/plans/needs.raise_need, idempotent by its reference), an
improvement plan makes the plan. What the other module refuses (RewardError, PeriodClosed, ValidationFailed) is
raised to the view before anything of the outcome changes, so nothing is half done.
"""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l

from hrapp import audit
from hrapp.blueprints.appraisals.workflow import audit_label
from hrapp.blueprints.conduct.rewards.services import RewardDraft, create_reward
from hrapp.blueprints.training.plans.needs import raise_need
from hrapp.core.errors import check_version
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import (
    AppraisalOutcome,
    Course,
    ImprovementPlan,
    NeedSource,
    OutcomeKind,
    OutcomeStatus,
    utcnow,
)

from . import rules

FIELDS = ("status", "reward_id", "training_need_id", "decision_note")
PLAN_FIELDS = ("appraisal_id", "staff_id", "goals", "review_on", "status")
MESSAGES = {
    "not_suggested": _l("This outcome has already been decided."),
    "wrong_kind": _l("This outcome is of another kind."),
    "note": _l("Please give a note."),
    "goals": _l("Please give the plan's goals."),
    "review_on_required": _l("Please give a review date."),
    "review_on_past": _l("The review date must be after today."),
}


@dataclass(frozen=True)
class RewardChoice:
    """What HR picks when confirming a reward proposal."""

    rule_code: str
    kind: str
    amount: Decimal | None
    reason: str


def _open(outcome: AppraisalOutcome, expected_version: int | None, kind: OutcomeKind) -> None:
    check_version(outcome, expected_version)
    if outcome.status != OutcomeStatus.SUGGESTED:
        raise ValidationFailed.single("_form", MESSAGES["not_suggested"])
    if outcome.kind != kind:
        raise ValidationFailed.single("_form", MESSAGES["wrong_kind"])


def _decide(actor, outcome: AppraisalOutcome, status: OutcomeStatus, note: str = "") -> None:
    before = audit.snapshot(outcome, FIELDS)
    outcome.status, outcome.decision_note = status, note
    outcome.decided_by_id, outcome.decided_at = actor.id, utcnow()
    db.session.flush()
    action = "appraisal.outcome_confirm" if status == OutcomeStatus.CONFIRMED else "appraisal.outcome_dismiss"
    audit.record(actor, action, outcome, before, audit.snapshot(outcome, FIELDS), label=audit_label(outcome.appraisal))


def confirm_reward(actor, outcome: AppraisalOutcome, expected_version: int | None, choice: RewardChoice,
                   today: date) -> AppraisalOutcome:
    """Propose the reward in the code of conduct (dated `today`) and confirm the outcome with it.

    :raise StaleRecord: the outcome changed since the page was loaded.
    :raise ValidationFailed: already decided; RewardError / PeriodClosed from the code of conduct.
    """
    _open(outcome, expected_version, OutcomeKind.REWARD)
    staff = outcome.appraisal.staff
    reward = create_reward(actor, RewardDraft(staff_number=staff.staff_number, rule_code=choice.rule_code,
                                              kind=choice.kind, awarded_on=today, amount=choice.amount,
                                              reason=choice.reason), today, propose=True)
    outcome.reward_id = reward.id
    _decide(actor, outcome, OutcomeStatus.CONFIRMED)
    return outcome


def confirm_training(actor, outcome: AppraisalOutcome, expected_version: int | None, topic: str,
                     course: Course | None) -> AppraisalOutcome:
    """Raise the person's training need (reference "appraisal:<id>") and confirm the outcome with it.

    :raise StaleRecord: the outcome changed since the page was loaded.
    :raise ValidationFailed: already decided; neither topic nor course.
    """
    _open(outcome, expected_version, OutcomeKind.TRAINING)
    appraisal = outcome.appraisal
    need = raise_need(appraisal.staff.department, topic, actor, staff=appraisal.staff, course=course,
                      source=NeedSource.APPRAISAL, source_ref=f"appraisal:{appraisal.id}")
    outcome.training_need_id = need.id
    _decide(actor, outcome, OutcomeStatus.CONFIRMED)
    return outcome


def confirm_improvement(actor, outcome: AppraisalOutcome, expected_version: int | None, goals: str,
                        review_on: date | None, today: date) -> ImprovementPlan:
    """Make the person's improvement plan (goals, a review date after `today`) and confirm the outcome.

    :raise StaleRecord: the outcome changed since the page was loaded.
    :raise ValidationFailed: already decided; no goals (`goals`); no review date or not after today (`review_on`).
    """
    _open(outcome, expected_version, OutcomeKind.IMPROVEMENT)
    errors = {}
    goals = (goals or "").strip()
    if not goals:
        errors["goals"] = [MESSAGES["goals"]]
    if problem := rules.review_on_problem(review_on, today):
        errors["review_on"] = [MESSAGES[problem]]
    if errors:
        raise ValidationFailed(errors)
    appraisal = outcome.appraisal
    plan = ImprovementPlan(appraisal_id=appraisal.id, staff_id=appraisal.staff_id, goals=goals, review_on=review_on,
                           created_by_id=actor.id)
    db.session.add(plan)
    db.session.flush()
    audit.record(actor, "appraisal.plan_create", plan, None, audit.snapshot(plan, PLAN_FIELDS),
                 label=audit_label(appraisal))
    _decide(actor, outcome, OutcomeStatus.CONFIRMED)
    return plan


def dismiss_outcome(actor, outcome: AppraisalOutcome, expected_version: int | None, note: str) -> AppraisalOutcome:
    """Set a suggestion aside with a note.

    :raise StaleRecord: the outcome changed since the page was loaded.
    :raise ValidationFailed: already decided (`_form`); no note (`note`).
    """
    check_version(outcome, expected_version)
    if outcome.status != OutcomeStatus.SUGGESTED:
        raise ValidationFailed.single("_form", MESSAGES["not_suggested"])
    note = (note or "").strip()
    if not note:
        raise ValidationFailed.single("note", MESSAGES["note"])
    _decide(actor, outcome, OutcomeStatus.DISMISSED, note)
    return outcome
