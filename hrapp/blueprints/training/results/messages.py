"""What people read when the results part refuses something (codes from training/rules.py and the services), and
what a lost race on a unique constraint means (hrapp.core.uniqueness)."""
from flask_babel import lazy_gettext as _l

from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import ValidationFailed

MESSAGES = {
    # sign-in with the code
    "wrong_code": _l("No session has this sign-in code. Check the code the trainer shows."),
    "too_early": _l("Sign-in for this session opens at %(when)s."),
    "too_late": _l("Sign-in for this session closed at %(when)s. Ask the trainer to mark you present."),
    "not_enrolled": _l("You are not enrolled in this session. Ask the trainer or your head."),
    "waiting_list": _l("You are only on the waiting list of this session, not enrolled in it."),
    "no_staff_record": _l("Signing in needs a staff record; your account has none."),
    # the register
    "not_enrolled_row": _l("This person's place is not an enrolment (waiting list or cancelled)."),
    "session_cancelled": _l("This session was cancelled."),
    "not_begun": _l("Attendance is marked from 15 minutes before the session starts."),
    "has_score": _l("This person has a score in this session: they were present."),
    # attempts
    "missing": _l("Enter the score."),
    "negative": _l("A score cannot be negative."),
    "above_max": _l("The score is above the maximum of %(max)s."),
    "not_assessed": _l("This course has no assessment."),
    "not_present": _l("Only people marked present at this session can have a score in it."),
    "already_here": _l("This person already has a score in this session; edit it instead."),
    "already_passed": _l("This person has already passed this course: no further attempt."),
    "no_retakes_left": _l("No retakes left: the course allows %(allowed)s attempts in all."),
    "later_session": _l("A retake is recorded in a later session than the previous attempt."),
    "reason_required": _l("Say why the score is changed."),
    "duplicate_attempt": _l("This attempt was recorded already (sent twice?); reload the page."),
    "certificate_failed": _l("A failed attempt earns no certificate."),
    "certificate_not_certifying": _l("This course issues no certificate."),
    "certificate_number_taken": _l("Another certificate took this number at the same moment; try again."),
    # feedback
    "feedback_not_attended": _l("Only people who attended the session can give feedback on it."),
    "feedback_too_early": _l("Feedback opens when the session starts."),
    "feedback_twice": _l("You have already given feedback on this session."),
    "rating_required": _l("Choose a rating."),
}


class ResultsError(ValidationFailed):
    """A sign-in, marking, score or feedback refused: field -> translated messages."""


def refusal(field: str, code: str, **values) -> ResultsError:
    """The error for one refusal code, its message filled with `values`."""
    text = MESSAGES[code]
    return ResultsError({field: [str(text) % values if values else str(text)]})


unique_field("attempt_number_once", "score", MESSAGES["duplicate_attempt"])
unique_field("uq_training_feedback_enrolment_id", "rating", MESSAGES["feedback_twice"])
unique_field("uq_training_certificates_number", "score", MESSAGES["certificate_number_taken"])
unique_field("uq_training_certificates_attempt_id", "score", MESSAGES["duplicate_attempt"])
