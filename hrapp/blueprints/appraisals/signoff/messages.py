"""Sign-off's texts in the page's language."""
from flask_babel import lazy_gettext as _l

from . import rules

RESPONSE_CLOSED = _l("The time to respond ended on %(day)s.")
GROUNDS_REQUIRED = _l("Please give your grounds for the appeal.")
PROBLEMS = {
    rules.UNKNOWN_DECISION: _l("Choose to uphold the result or adjust it."),
    rules.TOTAL_REQUIRED: _l("Give the adjusted total."),
    rules.TOTAL_RANGE: _l("The total lies between 0 and 100."),
    rules.TOTAL_PLACES: _l("The total has at most 2 decimal places."),
    rules.TOTAL_UNCHANGED: _l("The adjusted total is the same as the result; uphold it instead."),
}
FORM_NOT_YET = _l("The signed appraisal form is issued once the result is published.")
SUBJECT_SIGNS_LATER = _l("The person signs the appraisal form once they have acknowledged the result, or once "
                         "their appeal has been decided.")


def problem_text(code: str) -> str:
    """The decision problem `code` in the page's language."""
    return str(PROBLEMS.get(code, code))
