"""HR's review of an acknowledged or appealed violation (confirm, adjust the amount, void, refer an appeal to the
general manager), the general manager's decision on a referred appeal, and the second approval of a fine above
the company cap. Every decision carries a reason; the person is told the decision and its reason."""
from datetime import datetime
from decimal import Decimal

from hrapp.blueprints.conduct import penalty
from hrapp.blueprints.conduct.settings import conduct_settings
from hrapp.blueprints.conduct.workflow import VIOLATION_WORKFLOW
from hrapp.core import workflow
from hrapp.models import Violation, utcnow
from hrapp.pay import wage_on

from .. import rules
from ..messages import NO_GENERAL_MANAGER, review_problem
from . import notify
from .common import ReviewRefused, company_day, ensure_month_open
from .measures import record_measure

MAX_REASON = 2000


def _reason(reason: str, field: str = "reason") -> str:
    reason = (reason or "").strip()[:MAX_REASON]
    if not reason:
        raise ReviewRefused.single(field, review_problem(rules.REASON_REQUIRED))
    return reason


def allowed_ceiling(violation: Violation) -> Decimal | None:
    """The largest fine the violation's rule version and ladder allow for the inputs recorded (None: no bound)."""
    settings = conduct_settings()
    wage = wage_on(violation.staff, company_day(violation.occurred_at))
    recorded = penalty.PenaltyInput(
        amount_involved=violation.amount_involved, minutes=violation.minutes, serious=violation.serious,
        daily_wage=wage.daily if wage else None, prior_occurrences=rules.prior_occurrences(violation.occurrence),
        fines_enabled=settings.fines_enabled)
    return rules.amount_ceiling(penalty.RuleTerms.of(violation.rule_version), recorded, violation.amount)


def _checked_amount(violation: Violation, amount: Decimal | None) -> Decimal:
    ceiling = allowed_ceiling(violation)
    problems = rules.adjustment_problems(amount, ceiling)
    if problems:
        raise ReviewRefused.single("amount", review_problem(
            problems[0], ceiling=f"{ceiling:,.2f}" if ceiling is not None else ""))
    return amount


def _decide(actor, violation: Violation, decision: str, reason: str, now: datetime) -> None:
    violation.decision, violation.decision_reason = decision, reason
    violation.decided_by_id, violation.decided_at = getattr(actor, "id", None), now


def _conclude(actor, violation: Violation, now: datetime, first=None) -> None:
    """After the step: a fine above the cap waits for the second approvers (asked now; the person is told once
    it is final); a final violation's measure is recorded; the person learns a final or void outcome."""
    if violation.state.value == "awaiting_second":
        notify.ask_second_approval(violation, first or actor)
        return
    if violation.state.value == "final":
        record_measure(actor, violation, company_day(now))
    notify.tell_person_of_decision(violation)


def review_violation(actor, violation: Violation, amount: Decimal | None, reason: str, expected_version: int,
                     now: datetime | None = None) -> None:
    """HR confirms an acknowledged or appealed violation, at its amount (`amount` None or unchanged: confirmed)
    or at a new one (adjusted: a valid amount, not above what the rule and ladder allow). Final, or awaiting a
    second approver when the fine is above the company cap. A reason is always required.

    :raise ReviewRefused: no reason, a refused amount. :raise TransitionRefused: not open for review.
    :raise TransitionForbidden: not HR, or HR's own record. :raise StaleRecord. :raise PeriodClosed.
    """
    now = now or utcnow()
    workflow.check(VIOLATION_WORKFLOW, violation, "finalize", actor, expected_version)
    reason = _reason(reason)
    before = violation.amount
    adjusted = amount is not None and amount != before
    new_amount = _checked_amount(violation, amount) if adjusted else before
    ensure_month_open(violation)
    above = rules.needs_second_approval(new_amount, conduct_settings().second_approval_above_amount)
    step = "finalize_above_cap" if above else "finalize"
    workflow.apply(VIOLATION_WORKFLOW, violation, step, actor, expected_version, reason,
                   {"decision": rules.ADJUSTED if adjusted else rules.CONFIRMED, "amount": str(new_amount),
                    **({"amount_before": str(before)} if adjusted else {})})
    violation.amount = new_amount
    _decide(actor, violation, rules.ADJUSTED if adjusted else rules.CONFIRMED, reason, now)
    _conclude(actor, violation, now)


def void_violation(actor, violation: Violation, reason: str, expected_version: int,
                   now: datetime | None = None) -> None:
    """HR voids an acknowledged, appealed or awaiting violation, with a reason; the person is told.
    Raises as `review_violation`."""
    now = now or utcnow()
    workflow.check(VIOLATION_WORKFLOW, violation, "void", actor, expected_version, reason)
    reason = _reason(reason)
    ensure_month_open(violation)
    workflow.apply(VIOLATION_WORKFLOW, violation, "void", actor, expected_version, reason,
                   {"decision": rules.VOIDED})
    _decide(actor, violation, rules.VOIDED, reason, now)
    _conclude(actor, violation, now)


def refer_violation(actor, violation: Violation, reason: str, expected_version: int) -> None:
    """HR asks the general manager of the person's unit to decide an appeal (with a reason); they are told.

    :raise ReviewRefused: no reason, or no general manager heads the unit. Raises as `review_violation`.
    """
    workflow.check(VIOLATION_WORKFLOW, violation, "refer", actor, expected_version, reason)
    reason = _reason(reason)
    managers = [u for u in notify.general_managers(violation) if u.staff_id != violation.staff_id]
    if not managers:
        raise ReviewRefused.single("reason", NO_GENERAL_MANAGER)
    ensure_month_open(violation)
    workflow.apply(VIOLATION_WORKFLOW, violation, "refer", actor, expected_version, reason)
    notify.tell_general_managers(violation, managers)


def decide_referred(actor, violation: Violation, uphold: bool, amount: Decimal | None, reason: str,
                    expected_version: int, now: datetime | None = None) -> None:
    """The general manager upholds a referred appeal (optionally at a new amount, checked as HR's adjustment;
    above the cap it awaits a second approver) or overturns it (void). A reason is required; the person is told.

    :raise TransitionForbidden: not the general manager of the person's unit. Raises as `review_violation`.
    """
    now = now or utcnow()
    name = "uphold" if uphold else "overturn"
    workflow.check(VIOLATION_WORKFLOW, violation, name, actor, expected_version, reason)
    reason = _reason(reason)
    before = violation.amount
    adjusted = uphold and amount is not None and amount != before
    new_amount = _checked_amount(violation, amount) if adjusted else before
    ensure_month_open(violation)
    if uphold and rules.needs_second_approval(new_amount, conduct_settings().second_approval_above_amount):
        name = "uphold_above_cap"
    decision = (rules.ADJUSTED if adjusted else rules.UPHELD) if uphold else rules.OVERTURNED
    workflow.apply(VIOLATION_WORKFLOW, violation, name, actor, expected_version, reason,
                   {"decision": decision, "amount": str(new_amount),
                    **({"amount_before": str(before)} if adjusted else {})})
    violation.amount = new_amount
    _decide(actor, violation, decision, reason, now)
    _conclude(actor, violation, now)


def second_approve_violation(actor, violation: Violation, note: str, expected_version: int,
                             now: datetime | None = None) -> None:
    """A second HR clerk or the unit's general manager — never the first reviewer — approves a fine above the
    cap: final, with its measure; the person is told. Raises as `review_violation`."""
    now = now or utcnow()
    workflow.check(VIOLATION_WORKFLOW, violation, "second_approve", actor, expected_version)
    ensure_month_open(violation)
    workflow.apply(VIOLATION_WORKFLOW, violation, "second_approve", actor, expected_version, note or "")
    violation.second_approver_id = getattr(actor, "id", None)
    record_measure(actor, violation, company_day(now))
    notify.tell_person_of_decision(violation)
