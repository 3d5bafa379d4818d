"""What HR may save as a rule version (pure): the terms' own checks (penalty.terms_problems) plus what the
catalogue's columns hold — a kind of the rule's category, amounts only where the kind takes them, a factor with
at most 2 places, points with at most 1, ladder multipliers with at most 2.

No Flask, no database. Problem codes are penalty's and hrapp.core.money's, plus the few below; the catalogue's
messages module says them to people.
"""
from dataclasses import dataclass
from decimal import Decimal

from hrapp.blueprints.conduct import penalty
from hrapp.core.money import money_problem

KIND_NOT_IN_CATEGORY = "kind_not_in_category"
FACTOR_PRECISION = "factor_precision"
POINTS_PRECISION = "points_precision"
POINTS_NEGATIVE = "points_negative"
LADDER_PRECISION = "ladder_precision"
TOO_LARGE = "term_too_large"

MAX_FACTOR = Decimal("9999.99")  # Numeric(6, 2)
MAX_POINTS = Decimal("9999.9")  # Numeric(5, 1)
# Kinds whose version may carry a minimum / maximum, and those whose factor counts.
AMOUNT_KINDS = frozenset({penalty.FINE_RANGE, penalty.FINE_MIN, penalty.BONUS})
FACTOR_KINDS = frozenset({penalty.DAILY_WAGE_MULTIPLE, penalty.AMOUNT_MULTIPLE})
KINDS = {"penalty": penalty.PENALTY_KINDS, "reward": penalty.REWARD_KINDS}


@dataclass(frozen=True)
class VersionDraft:
    """What HR entered for a rule version: the texts and the terms."""

    title_zh: str
    terms: penalty.RuleTerms
    title_en: str = ""
    note: str = ""


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _number_problem(value: Decimal, places: int, largest: Decimal, precision_code: str) -> str | None:
    """A factor / points / multiplier refused: not finite, negative, too many places, too large."""
    if not value.is_finite() or value <= 0:
        return penalty.TERM_NOT_POSITIVE
    if _places(value) > places:
        return precision_code
    return TOO_LARGE if value > largest else None


def draft_problems(draft: VersionDraft, category: str) -> dict[str, list[str]]:
    """Problem codes per field of `draft` for a rule of `category` ("penalty" / "reward"); empty: it may be saved.

    Fields: kind, min_amount, max_amount, factor, points, lookback_days, ladder, tiers.
    """
    terms = draft.terms
    if terms.kind not in KINDS.get(category, ()):
        return {"kind": [KIND_NOT_IN_CATEGORY]}
    problems = penalty.terms_problems(terms, category)

    def add(name: str, code: str) -> None:
        if code not in problems.setdefault(name, []):
            problems[name].append(code)

    for name in ("min_amount", "max_amount"):
        if getattr(terms, name) is not None and terms.kind not in AMOUNT_KINDS:
            add(name, penalty.TERM_NOT_ALLOWED)
    if terms.factor is not None:
        if terms.kind not in FACTOR_KINDS:
            add("factor", penalty.TERM_NOT_ALLOWED)
        elif code := _number_problem(terms.factor, 2, MAX_FACTOR, FACTOR_PRECISION):
            add("factor", code)
    if terms.points is not None and "points" not in problems:
        if not terms.points.is_finite() or terms.points < 0:
            add("points", POINTS_NEGATIVE)
        elif _places(terms.points) > 1:
            add("points", POINTS_PRECISION)
        elif terms.points > MAX_POINTS:
            add("points", TOO_LARGE)
    if terms.lookback_days is not None and not terms.ladder \
            and not 1 <= terms.lookback_days <= penalty.MAX_LOOKBACK_DAYS:
        add("lookback_days", penalty.LOOKBACK_REQUIRED)
    for step in terms.ladder:
        if step.multiplier.is_finite() and _places(step.multiplier) > 2:
            add("ladder", LADDER_PRECISION)
    for tier in terms.tiers:
        if money_problem(tier.amount) or not tier.points.is_finite() or _places(tier.points) > 1 \
                or tier.points > MAX_POINTS:
            add("tiers", penalty.TIER_BOUNDS)
    return {name: codes for name, codes in problems.items() if codes}
