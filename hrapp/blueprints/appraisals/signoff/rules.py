"""Sign-off's pure rules: whether the time to respond is still open, and what an appeal's decision may set.
No Flask, SQLAlchemy or models here."""
from datetime import date
from decimal import Decimal

from ..rules import decimal_or_none

UPHELD = "upheld"
ADJUSTED = "adjusted"
DECISIONS = (UPHELD, ADJUSTED)

# Problem codes (signoff/messages.py words them).
TOTAL_REQUIRED = "total_required"
TOTAL_RANGE = "total_range"
TOTAL_PLACES = "total_places"
TOTAL_UNCHANGED = "total_unchanged"
UNKNOWN_DECISION = "unknown_decision"


def may_still_respond(respond_by: date | None, today: date) -> bool:
    """The person may acknowledge or appeal up to and including `respond_by` (no date: no deadline)."""
    return respond_by is None or today <= respond_by


def silence_due(respond_by: date | None, today: date) -> bool:
    """Silence acknowledges once the last day to respond is over (never without a deadline)."""
    return respond_by is not None and today > respond_by


def parse_total(text) -> Decimal | None:
    """A total as typed ("87.5"), or None when empty or not a number (the module's decimal_or_none)."""
    return decimal_or_none(text)


def decision_problem(decision: str, new_total: Decimal | None, current_total: Decimal | None) -> str | None:
    """Why a decision cannot stand (a problem code), or None: an adjustment needs a new total between 0 and 100
    with at most 2 decimal places, different from the current one; upholding takes no total."""
    if decision not in DECISIONS:
        return UNKNOWN_DECISION
    if decision == UPHELD:
        return None
    if new_total is None:
        return TOTAL_REQUIRED
    if not Decimal(0) <= new_total <= Decimal(100):
        return TOTAL_RANGE
    if new_total != new_total.quantize(Decimal("0.01")):
        return TOTAL_PLACES
    if current_total is not None and new_total == current_total:
        return TOTAL_UNCHANGED
    return None
