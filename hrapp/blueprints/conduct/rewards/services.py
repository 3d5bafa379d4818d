"""Reward services shared by the web pages and the API: propose, take a workflow step, list. They never commit;
the actor is passed in.

A proposal is checked against the rule version in force (rules.reward_problems), refused in a closed month
(the conduct period of the person's department), numbered "R2026-000045" and stored as a draft; `propose=True`
then takes the workflow's "propose" step at once (audited and notified like any step).
"""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import contains_eager

from hrapp import audit
from hrapp.blueprints.conduct.access import can_record_for, reward_scope
from hrapp.blueprints.conduct.catalogue.queries import current_versions, offered_rules
from hrapp.blueprints.conduct.numbering import next_number
from hrapp.blueprints.conduct.rewards import rules
from hrapp.blueprints.conduct.rewards.messages import (
    NOT_FOR_YOURSELF,
    NUMBER_TAKEN,
    UNKNOWN_RULE,
    UNKNOWN_STAFF,
    problem_texts,
)
from hrapp.blueprints.conduct.rewards.workflow import REWARD_WORKFLOW
from hrapp.core import workflow
from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import (
    ConductRule,
    ConductRuleVersion,
    RecordSource,
    Reward,
    RewardState,
    RuleCategory,
    RuleKind,
    StaffMember,
    utcnow,
)
from hrapp.period_close import ensure_open
from hrapp.permissions import can_view_staff

AUDIT_FIELDS = ("number", "staff_id", "rule_id", "kind", "awarded_on", "amount", "points", "reason", "source")
unique_field("uq_rewards_number", "staff_number", NUMBER_TAKEN)


class RewardError(ValidationFailed):
    """A proposal or step refused: field -> translated messages."""


@dataclass(frozen=True)
class RewardDraft:
    """What a proposer enters (web form or API body)."""

    staff_number: str
    rule_code: str
    kind: str
    awarded_on: date | None
    amount: Decimal | None
    reason: str


def current_version(rule_id: int) -> ConductRuleVersion | None:
    """The rule's version in force (the highest number)."""
    return current_versions([rule_id]).get(rule_id)


def reward_rules() -> list[tuple[ConductRule, ConductRuleVersion]]:
    """Active reward rules with their versions in force, in catalogue order (the form's choices)."""
    return offered_rules(RuleCategory.REWARD)


def _recipient(actor, number: str) -> StaffMember:
    staff = StaffMember.numbered(number)
    if staff is None:
        raise RewardError({"staff_number": [UNKNOWN_STAFF]})
    if not can_record_for(actor, staff):
        raise RewardError({"staff_number": [NOT_FOR_YOURSELF if can_view_staff(actor, staff) else UNKNOWN_STAFF]})
    return staff


def create_reward(actor, draft: RewardDraft, today: date, propose: bool = True,
                  source: RecordSource = RecordSource.WEB, idempotency_key: str | None = None) -> Reward:
    """Store a reward proposal by `actor` (a head for their departments' staff, HR for anyone; never for
    themselves) as a draft, then propose it when `propose`.

    :raise RewardError: unknown person or rule, not `actor`'s to propose, or a rule of rules.reward_problems.
    :raise PeriodClosed: the day lies in a closed conduct period of the person's department.
    """
    staff = _recipient(actor, draft.staff_number)
    rule = db.session.scalar(sa.select(ConductRule).where(
        ConductRule.code == (draft.rule_code or "").strip(), ConductRule.active.is_(True)))
    version = current_version(rule.id) if rule is not None else None
    if version is None:
        raise RewardError({"rule_code": [UNKNOWN_RULE]})
    terms = rules.RewardTerms(version.kind.value, version.min_amount, version.max_amount, rule.category.value)
    given = rules.RewardInput(draft.kind, draft.awarded_on, draft.amount, draft.reason or "", today,
                              staff.hire_on, staff.left_on)
    problems = rules.reward_problems(terms, given)
    if problems:
        raise RewardError(problem_texts(problems))
    ensure_open("conduct", staff.department, draft.awarded_on)
    reward = Reward(
        number=next_number(Reward, "R", draft.awarded_on.year), staff=staff, department_id=staff.department_id,
        rule=rule, rule_version=version, kind=RuleKind(draft.kind), awarded_on=draft.awarded_on,
        reason=draft.reason.strip(), amount=draft.amount if draft.kind == rules.BONUS else Decimal("0.00"),
        points=version.points or Decimal("0.0"), ledger_month=draft.awarded_on.strftime("%Y-%m"),
        state=RewardState.DRAFT, source=source, idempotency_key=idempotency_key, proposed_by_id=actor.id)
    db.session.add(reward)
    db.session.flush()
    audit.record(actor, "reward.create", reward, None, audit.snapshot(reward, AUDIT_FIELDS), label=reward.number)
    if propose:
        workflow.apply(REWARD_WORKFLOW, reward, "propose", actor, reward.version_id)
    return reward


def take_step(actor, reward: Reward, name: str, expected_version: int, note: str = "") -> None:
    """Take workflow step `name` (propose, approve, reject, withdraw) on `reward`; a decision records who, when
    and why.

    :raise TransitionRefused / TransitionForbidden / StaleRecord: as hrapp.core.workflow.apply.
    :raise PeriodClosed: the reward's day lies in a closed conduct period.
    """
    workflow.check(REWARD_WORKFLOW, reward, name, actor, expected_version, note)
    ensure_open("conduct", reward.department, reward.awarded_on)
    if name in ("approve", "reject"):
        reward.decided_by_id, reward.decided_at, reward.decision_reason = actor.id, utcnow(), note.strip()
    workflow.apply(REWARD_WORKFLOW, reward, name, actor, expected_version, note)


def rewards_query(user) -> sa.Select:
    """Rewards `user` may see (reward_scope), with the person loaded."""
    return (sa.select(Reward).join(Reward.staff).options(contains_eager(Reward.staff))
            .where(reward_scope(user)))


def my_rewards(staff_id: int) -> list[Reward]:
    """A person's approved rewards, newest first."""
    return list(db.session.scalars(sa.select(Reward).where(
        Reward.staff_id == staff_id, Reward.state == RewardState.APPROVED)
        .order_by(Reward.awarded_on.desc(), Reward.id.desc())))


def reward_by_key(actor, key: str) -> Reward | None:
    """The reward `actor` already proposed under the API's Idempotency-Key `key`."""
    return db.session.scalar(sa.select(Reward).where(Reward.proposed_by_id == actor.id,
                                                     Reward.idempotency_key == key))
