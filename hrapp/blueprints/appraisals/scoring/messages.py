"""What people read when scoring refuses something, and what a lost race on peer feedback means."""
from flask_babel import lazy_gettext as _l

from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import ValidationFailed

MESSAGES = {
    "level_required": _l("Choose a level."),
    "not_a_number": _l("Enter a number."),
    "score_range": _l("A score lies between 0 and 100."),
    "extreme_comment": _l("Explain a rating at the lowest or the highest level."),
    "override_comment": _l("Explain why you change the measured score."),
    "peer_twice": _l("You have already given feedback on this appraisal."),
    "rating_required": _l("Choose a rating."),
}


class ScoringError(ValidationFailed):
    """A self-assessment, a scoring or peer feedback refused: field -> messages (put on the form)."""


def refusal(field: str, code: str) -> ScoringError:
    """The refusal `code` on `field`."""
    return ScoringError.single(field, MESSAGES[code])


unique_field("peer_feedback_once", "rating", MESSAGES["peer_twice"])
