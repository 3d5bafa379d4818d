"""The outcomes part's pure rules: the improvement plan's dates, the review reminder, the weakest criteria.
No request, no database."""
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

# The heads are reminded this many days before a plan's review date.
REVIEW_REMINDER_DAYS = 3
# The training need's topic names this many of the weakest criteria.
WEAKEST_COUNT = 2


def review_on_problem(review_on: date | None, today: date) -> str | None:
    """Why a plan's review date cannot stand (None when it can): required, and after today."""
    if review_on is None:
        return "review_on_required"
    if review_on <= today:
        return "review_on_past"
    return None


def may_review(review_on: date, today: date) -> bool:
    """A plan is reviewed on or after its review date."""
    return today >= review_on


def reminder_due(review_on: date, today: date, days: int = REVIEW_REMINDER_DAYS) -> bool:
    """The heads are reminded from `days` days before the review date on (once: the caller keeps it once)."""
    return today >= review_on - timedelta(days=days)


def weakest(scored: Iterable[tuple[str, Decimal | None]], count: int = WEAKEST_COUNT) -> list[str]:
    """The titles of the `count` lowest-scored criteria ((title, score) pairs; unscored ones left out), lowest
    first, ties in their given order."""
    ranked = sorted(((score, position, title) for position, (title, score) in enumerate(scored)
                     if score is not None))
    return [title for _score, _position, title in ranked[:count]]


def mean(values: Iterable[Decimal]) -> Decimal | None:
    """The mean of `values` rounded half up to 2 places (None when there are none)."""
    values = [Decimal(v) for v in values]
    if not values:
        return None
    return (sum(values, Decimal("0")) / len(values)).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
