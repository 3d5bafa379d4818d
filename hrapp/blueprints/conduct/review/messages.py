"""What the review's problem codes and decisions say to people."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct.messages import problem_text

from . import rules

PROBLEMS = {
    rules.AMOUNT_ABOVE_ALLOWED: _l("The amount is above what the rule and its escalation allow (%(ceiling)s)."),
    rules.DEADLINE_PASSED: _l("The deadline to respond was %(day)s; it has passed, so nothing was changed."),
    rules.ALREADY_APPEALED: _l("You have already appealed this violation; HR is looking at it."),
    rules.ALREADY_RESPONDED: _l("This violation is no longer waiting for your response."),
    rules.REASON_REQUIRED: _l("Please give a reason."),
}
NO_GENERAL_MANAGER = _l("No general manager heads this person's unit, so the appeal cannot be referred.")

DECISION_LABELS = {
    rules.CONFIRMED: _l("Confirmed by HR"),
    rules.ADJUSTED: _l("Confirmed at an adjusted amount"),
    rules.VOIDED: _l("Voided by HR"),
    rules.UPHELD: _l("Upheld by the general manager"),
    rules.OVERTURNED: _l("Overturned by the general manager"),
    "withdrawn": _l("Withdrawn by attendance"),  # a proposal its source retracted (attendance/proposals)
}


def review_problem(code: str, **values) -> str:
    """The translated text of a review or penalty problem code, with its values filled in."""
    if code in PROBLEMS:
        return str(PROBLEMS[code]) % values if values else str(PROBLEMS[code])
    return problem_text(code)


def decision_label(decision: str) -> str:
    """What a stored decision is called ("" for none)."""
    return str(DECISION_LABELS[decision]) if decision in DECISION_LABELS else ""
