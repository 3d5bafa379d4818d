"""What people read when a session or an enrolment is refused (codes from training/rules.py and the services)."""
from flask_babel import lazy_gettext as _l

from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import ValidationFailed

MESSAGES = {
    "ends_before_start": _l("The session ends before it starts."),
    "in_the_past": _l("The session starts in the past: choose a later time."),
    "capacity_not_positive": _l("The capacity must be at least 1."),
    "capacity_below_enrolled": _l("%(count)s people are already enrolled: the capacity cannot be lower."),
    "department_required": _l("Choose one of your departments: company-wide sessions are set up by HR."),
    "department_not_yours": _l("You do not run training for this department."),
    "inactive_course": _l("Choose a course that is in use."),
    "unknown_trainer": _l("No such staff number."),
    "plan_item_mismatch": _l("This plan item is not of the session's department, year and course."),
    "session_cancelled": _l("The session is cancelled."),
    "course_fixed": _l("The course cannot change once people hold places: cancel this session and set up another."),
    "session_past": _l("The session has already started or ended."),
    "reason_required": _l("Give a reason."),
    "has_left": _l("%(name)s has left the company."),
    "already_enrolled": _l("%(name)s is already enrolled."),
    "already_waiting": _l("%(name)s is already on the waiting list."),
    "nobody_chosen": _l("Choose at least one person."),
    "place_cancelled": _l("This place is already cancelled."),
    "duplicate_enrolment": _l("This person is already enrolled or on the waiting list."),
}


class SessionError(ValidationFailed):
    """A session or enrolment refused: field -> translated messages."""


def refusal(field: str, code: str, **values) -> SessionError:
    """The error for one refusal code, its message filled with `values`."""
    text = str(MESSAGES[code])
    return SessionError({field: [text % values if values else text]})


def message(code: str, **values) -> str:
    text = str(MESSAGES[code])
    return text % values if values else text


# Two enrolments of one person racing: the second answers like the pre-check.
unique_field("enrolment_once", "staff_ids", MESSAGES["duplicate_enrolment"])
