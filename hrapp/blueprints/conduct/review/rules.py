"""What the review of a violation may do (pure: no Flask, no database).

The person responds until `respond_by` inclusive, counted in the company's local date; HR may adjust the fine
down to nothing or up to what the rule and its ladder allow for the inputs recorded (penalty.assess); a fine
above the company cap needs a second approver.
"""
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from hrapp.blueprints.conduct import penalty
from hrapp.core.money import money_problem

# Decisions stored on the violation (Violation.decision).
CONFIRMED, ADJUSTED, VOIDED, UPHELD, OVERTURNED = "confirmed", "adjusted", "voided", "upheld", "overturned"
DECISIONS = (CONFIRMED, ADJUSTED, VOIDED, UPHELD, OVERTURNED)

# Problem codes (review/messages.py says them).
AMOUNT_ABOVE_ALLOWED = "amount_above_allowed"
DEADLINE_PASSED = "deadline_passed"
ALREADY_APPEALED = "already_appealed"
ALREADY_RESPONDED = "already_responded"
REASON_REQUIRED = "reason_required"


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    """The company-local date of a moment (naive values are UTC)."""
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    return aware.astimezone(zone).date()


def may_still_respond(respond_by: date | None, today: date) -> bool:
    """Whether the person may still acknowledge or appeal on `today` (the deadline day itself included; no
    deadline set: always)."""
    return respond_by is None or today <= respond_by


def silence_due(respond_by: date | None, today: date) -> bool:
    """Whether `tick` acknowledges on the person's behalf: the deadline has passed (today is after it)."""
    return respond_by is not None and today > respond_by


def response_refusal(state: str, respond_by: date | None, today: date, appealing: bool) -> str | None:
    """Why the person may not respond now (a problem code), or None. `state` is the violation's state value."""
    if state == "appealed":
        return ALREADY_APPEALED if appealing else ALREADY_RESPONDED
    if state != "submitted":
        return ALREADY_RESPONDED
    if not may_still_respond(respond_by, today):
        return DEADLINE_PASSED
    return None


def amount_ceiling(terms: penalty.RuleTerms, recorded: penalty.PenaltyInput, recorded_amount: Decimal) -> \
        Decimal | None:
    """The largest fine the rule and its ladder allow for the inputs recorded (None: no upper bound, as for an
    open minimum or a range without a maximum). Kinds that compute their fine, and compensation, allow what
    they computed; when that can no longer be computed (no wage on record now), the recorded amount."""
    if terms.kind == penalty.FINE_MIN or (terms.kind == penalty.FINE_RANGE and terms.max_amount is None):
        return None
    if terms.kind == penalty.COMPENSATION:
        return recorded_amount  # the cost recorded (after the ladder): the rule allows no more
    if terms.kind == penalty.FINE_RANGE:
        recorded = replace(recorded, amount=terms.max_amount)
    outcome = penalty.assess(terms, recorded)
    if not outcome.ok:
        return recorded_amount
    return outcome.amount


def adjustment_problems(amount: Decimal | None, ceiling: Decimal | None) -> list[str]:
    """Problem codes of a new fine: required, a valid money amount (not negative, 2 places), not above the
    ceiling."""
    if amount is None:
        return [penalty.AMOUNT_REQUIRED]
    if code := money_problem(amount):
        return [code]
    if ceiling is not None and amount > ceiling:
        return [AMOUNT_ABOVE_ALLOWED]
    return []


def needs_second_approval(amount: Decimal, cap: Decimal | None) -> bool:
    """A fine above the company cap needs a second approver (no cap: never)."""
    return cap is not None and amount > cap


def prior_occurrences(occurrence: int) -> int:
    """Earlier occurrences within the look-back window, from the occurrence recorded (1 = the first)."""
    return max(int(occurrence or 1) - 1, 0)
