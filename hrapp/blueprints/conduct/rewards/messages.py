"""What the rewards part's problem codes say to people (forms and the API use the same texts)."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct.messages import problem_text as conduct_problem_text
from hrapp.blueprints.conduct.rewards import rules

PROBLEMS = {
    rules.KIND_UNKNOWN: _l("Choose a commendation, a bonus or a promotion recommendation."),
    rules.AMOUNT_REQUIRED: _l("A bonus needs an amount."),
    rules.AMOUNT_OUT_OF_RANGE: _l("The bonus must lie within the rule's range."),
    rules.AMOUNT_NOT_ALLOWED: _l("Only a bonus carries an amount."),
    rules.BONUS_NOT_IN_RULE: _l("This rule gives no bonus; choose a rule with a bonus range."),
    rules.DATE_FUTURE: _l("The date cannot be in the future."),
    rules.DATE_BEFORE_HIRE: _l("The date is before the person was hired."),
    rules.DATE_AFTER_LEAVING: _l("The date is after the person left."),
    rules.REASON_REQUIRED: _l("Please give a reason."),
    rules.RULE_NOT_REWARD: _l("Choose a reward rule of the catalogue."),
    rules.MEASURE_UNKNOWN: _l("Unknown measure."),
    rules.POSITION_REQUIRED: _l("Choose the new position."),
    rules.POSITION_UNCHANGED: _l("The new position is the current one."),
    rules.DEPARTMENT_REQUIRED: _l("Choose the department to transfer to."),
    rules.TRANSFER_UNCHANGED: _l("The person is already there."),
    rules.END_REQUIRED: _l("A suspension needs its last day."),
    rules.END_BEFORE_START: _l("The last day cannot be before the first."),
    rules.END_NOT_ALLOWED: _l("Only a suspension has a last day."),
    rules.ALREADY_LEFT: _l("This person has left."),
    rules.REVOKE_DISMISSAL: _l("A dismissal carried out cannot be revoked here; correct the staff record instead."),
    rules.ALREADY_REVOKED: _l("This measure is already revoked."),
    rules.SUSPENSION_OVERLAP: _l("The person already has a suspension in these days."),
}
UNKNOWN_STAFF = _l("No staff member with this number in your scope.")
UNKNOWN_RULE = _l("No active reward rule with this code.")
NOT_FOR_YOURSELF = _l("You cannot record this for this person.")
UNKNOWN_DEPARTMENT = _l("Unknown department.")
UNKNOWN_POSITION = _l("Unknown position, or not one of the department's.")
NUMBER_TAKEN = _l("Another record was numbered at the same moment; send it again.")
UNKNOWN_VIOLATION = _l("No violation of this person with this number.")


def problem_text(code: str) -> str:
    """The translated text of a problem code (the conduct and money codes as the package says them)."""
    if code in PROBLEMS:
        return str(PROBLEMS[code])
    return conduct_problem_text(code)


def problem_texts(problems: dict[str, list[str]]) -> dict[str, list[str]]:
    """field -> messages."""
    return {name: [problem_text(c) for c in codes] for name, codes in problems.items()}
