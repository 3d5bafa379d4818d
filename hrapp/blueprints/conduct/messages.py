"""What the conduct problem codes (penalty.py's and money's) say to people; forms and the API use these."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct import penalty
from hrapp.core import money
from hrapp.core.money_fields import money_message

PROBLEMS = {
    penalty.AMOUNT_REQUIRED: _l("This rule needs an amount."),
    penalty.AMOUNT_OUT_OF_RANGE: _l("The amount must lie within the rule's range."),
    penalty.AMOUNT_BELOW_MINIMUM: _l("The amount must be at least the rule's minimum."),
    penalty.AMOUNT_IS_COMPUTED: _l("This rule computes the amount; leave it empty or enter what it computes."),
    penalty.INVOLVED_REQUIRED: _l("Enter the amount involved."),
    penalty.MINUTES_REQUIRED: _l("Enter the minutes late or early (more than 0)."),
    penalty.NO_TIER: _l("No lateness tier of the rule covers these minutes."),
    penalty.NO_WAGE: _l("No wage is recorded for this person on that day, so the amount cannot be computed."),
    penalty.NO_SERIOUS_CASE: _l("This rule has no serious-case outcome."),
    penalty.TERM_REQUIRED: _l("This rule kind needs this value."),
    penalty.TERM_RANGE_REVERSED: _l("The maximum must not be below the minimum."),
    penalty.TERM_NOT_POSITIVE: _l("Must be greater than 0."),
    penalty.TERM_NOT_ALLOWED: _l("This rule kind takes no such value."),
    penalty.LADDER_ORDER: _l("Ladder steps start at the 2nd occurrence and each occurrence appears once."),
    penalty.LADDER_MULTIPLIER: _l("A ladder multiplier lies between 1 and 10."),
    penalty.LADDER_MEASURE: _l("Unknown measure in the ladder."),
    penalty.LOOKBACK_REQUIRED: _l("A ladder needs a look-back window of 1 to 3650 days."),
    penalty.TIERS_OVERLAP: _l("Lateness tiers must not overlap."),
    penalty.TIER_BOUNDS: _l("Each tier runs from at least 1 minute to a later minute (only the last may be "
                            "open-ended) and costs a valid amount."),
    money.NEGATIVE: _l("The amount must not be negative."),
    money.PRECISION: _l("At most 2 decimal places."),
}


def problem_text(code: str) -> str:
    """The translated message of a problem code (the money codes not named here as hrapp.core.money_fields
    says them)."""
    if code in PROBLEMS:
        return str(PROBLEMS[code])
    return money_message(code)


def problem_texts(problems: dict[str, list[str]]) -> dict[str, list[str]]:
    """field -> messages, for a form's errors or the API's 422 body."""
    return {name: [problem_text(c) for c in codes] for name, codes in problems.items()}
