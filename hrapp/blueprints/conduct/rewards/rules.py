"""Rewards and measures (pure): what a proposal or a measure must satisfy. No Flask, no database.

Inputs are plain values; outputs are problem codes per field (`{field: [code, ...]}`), which messages.py
translates. A reward's kind is a commendation (表彰, no amount), a bonus (奖金: an amount within the rule's
range, so only under a rule that has one) or a promotion recommendation (晋升推荐, no amount).
"""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hrapp.core.money import money_problem

COMMENDATION, BONUS, PROMOTION = "commendation", "bonus", "promotion"
REWARD_KINDS = (COMMENDATION, BONUS, PROMOTION)

# Problem codes
KIND_UNKNOWN = "kind_unknown"
AMOUNT_REQUIRED = "amount_required"
AMOUNT_OUT_OF_RANGE = "amount_out_of_range"
AMOUNT_NOT_ALLOWED = "amount_not_allowed"
BONUS_NOT_IN_RULE = "bonus_not_in_rule"
DATE_FUTURE = "date_future"
DATE_BEFORE_HIRE = "date_before_hire"
DATE_AFTER_LEAVING = "date_after_leaving"
REASON_REQUIRED = "reason_required"
RULE_NOT_REWARD = "rule_not_reward"
MAX_REASON = 2000


@dataclass(frozen=True)
class RewardTerms:
    """What the reward rule's version in force says: its kind and bonus range (None: no bound)."""

    kind: str
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    category: str = "reward"


@dataclass(frozen=True)
class RewardInput:
    kind: str
    awarded_on: date | None
    amount: Decimal | None
    reason: str
    today: date
    hire_on: date | None = None
    left_on: date | None = None


def reward_problems(terms: RewardTerms, given: RewardInput) -> dict[str, list[str]]:
    """Problem codes per field of a reward proposal under `terms` (empty when it may be recorded)."""
    problems: dict[str, list[str]] = {}

    def add(name: str, code: str) -> None:
        problems.setdefault(name, []).append(code)

    if terms.category != "reward":
        add("rule_code", RULE_NOT_REWARD)
    if given.kind not in REWARD_KINDS:
        add("kind", KIND_UNKNOWN)
    elif given.kind == BONUS:
        _bonus_problems(terms, given.amount, add)
    elif given.amount not in (None, Decimal("0")):
        add("amount", AMOUNT_NOT_ALLOWED)
    for code in date_problems(given.awarded_on, given.today, given.hire_on, given.left_on):
        add("awarded_on", code)
    if not given.reason.strip():
        add("reason", REASON_REQUIRED)
    return problems


def _bonus_problems(terms: RewardTerms, amount: Decimal | None, add) -> None:
    if terms.kind != BONUS:
        add("kind", BONUS_NOT_IN_RULE)
        return
    if amount is None:
        add("amount", AMOUNT_REQUIRED)
        return
    if code := money_problem(amount):
        add("amount", code)
        return
    low = terms.min_amount if terms.min_amount is not None else Decimal("0.01")
    if amount < low or amount <= 0 or (terms.max_amount is not None and amount > terms.max_amount):
        add("amount", AMOUNT_OUT_OF_RANGE)


def date_problems(day: date | None, today: date, hire_on: date | None, left_on: date | None) -> list[str]:
    """Codes for a record's day: not in the future, not before hire, not after the last day of employment."""
    if day is None:
        return []
    if day > today:
        return [DATE_FUTURE]
    if hire_on is not None and day < hire_on:
        return [DATE_BEFORE_HIRE]
    if left_on is not None and day > left_on:
        return [DATE_AFTER_LEAVING]
    return []


# Measures on the staff history
WARNINGS = ("warning", "written_warning", "final_warning")
DEMOTION, TRANSFER, SUSPENSION, DISMISSAL = "demotion", "transfer", "unpaid_suspension", "dismissal"
MEASURE_KINDS = (*WARNINGS, DEMOTION, TRANSFER, SUSPENSION, DISMISSAL)
MEASURE_UNKNOWN = "measure_unknown"
POSITION_REQUIRED = "position_required"
POSITION_UNCHANGED = "position_unchanged"
DEPARTMENT_REQUIRED = "department_required"
TRANSFER_UNCHANGED = "transfer_unchanged"
END_REQUIRED = "end_required"
END_BEFORE_START = "end_before_start"
END_NOT_ALLOWED = "end_not_allowed"
ALREADY_LEFT = "already_left"
REVOKE_DISMISSAL = "revoke_dismissal"
ALREADY_REVOKED = "already_revoked"
SUSPENSION_OVERLAP = "suspension_overlap"


@dataclass(frozen=True)
class MeasureInput:
    kind: str
    starts_on: date
    ends_on: date | None
    today: date
    hire_on: date
    left_on: date | None
    department_id: int
    position_id: int | None
    to_department_id: int | None = None
    to_position_id: int | None = None
    overlapping_suspension: bool = False


def measure_problems(given: MeasureInput) -> dict[str, list[str]]:
    """Problem codes per field of a measure HR records (empty when it may be recorded)."""
    problems: dict[str, list[str]] = {}

    def add(name: str, code: str) -> None:
        problems.setdefault(name, []).append(code)

    kind = given.kind
    if kind not in MEASURE_KINDS:
        add("kind", MEASURE_UNKNOWN)
        return problems
    if given.left_on is not None:
        add("staff_number", ALREADY_LEFT)
    if given.starts_on < given.hire_on:
        add("starts_on", DATE_BEFORE_HIRE)
    if kind == SUSPENSION:
        if given.ends_on is None:
            add("ends_on", END_REQUIRED)
        elif given.ends_on < given.starts_on:
            add("ends_on", END_BEFORE_START)
        elif given.overlapping_suspension:
            add("starts_on", SUSPENSION_OVERLAP)
    elif given.ends_on is not None:
        add("ends_on", END_NOT_ALLOWED)
    if kind in (DEMOTION, DISMISSAL, TRANSFER) and given.starts_on > given.today:
        add("starts_on", DATE_FUTURE)  # carried out through the staff record now, so not ahead of time
    if kind == DEMOTION:
        if given.to_position_id is None:
            add("to_position_id", POSITION_REQUIRED)
        elif given.to_position_id == given.position_id:
            add("to_position_id", POSITION_UNCHANGED)
    if kind == TRANSFER:
        if given.to_department_id is None:
            add("to_department_id", DEPARTMENT_REQUIRED)
        elif (given.to_department_id, given.to_position_id) == (given.department_id, given.position_id):
            add("to_department_id", TRANSFER_UNCHANGED)
    return problems


def revoke_problems(kind: str, revoked: bool, reason: str) -> dict[str, list[str]]:
    """Codes refusing a revocation: a dismissal once carried out is undone on the staff record, not here."""
    if revoked:
        return {"note": [ALREADY_REVOKED]}
    if kind == DISMISSAL:
        return {"note": [REVOKE_DISMISSAL]}
    if not reason.strip():
        return {"note": [REASON_REQUIRED]}
    return {}


def active_on(starts_on: date, ends_on: date | None, revoked: bool, day: date) -> bool:
    """Whether a suspension [starts_on, ends_on] (not revoked) covers `day`."""
    return not revoked and starts_on <= day and (ends_on is None or day <= ends_on)
