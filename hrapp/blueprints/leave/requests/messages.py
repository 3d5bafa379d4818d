"""What people read when a leave request is refused (codes from rules.py and services)."""
from decimal import Decimal

from flask_babel import lazy_gettext as _l

from hrapp.core.validation import ValidationFailed

MESSAGES = {
    "ends_before_start": _l("The leave ends before it starts."),
    "too_long_span": _l("One request covers at most a year; split it."),
    "no_half_days": _l("This type of leave is taken in whole days only."),
    "both_halves": _l("A one-day request cannot start in the afternoon and end at noon; ask for the whole day."),
    "before_hire": _l("The leave starts before the person was hired."),
    "after_leaving": _l("The leave goes past the person's last day of employment."),
    "no_days": _l("These dates contain no working day to take as leave."),
    "above_max": _l("This type allows at most %(max)s days in one request."),
    "beyond_balance": _l("Not enough balance: %(available)s days available, %(days)s asked."),
    "note_required": _l("Leave of this type longer than %(after)s days needs a note (a doctor's note): attach it."),
    "overlap": _l("The person already has leave from %(first)s to %(last)s that overlaps these dates."),
    "blackout": _l("No leave of this type from %(first)s to %(last)s: %(reason)s"),
    "inactive_type": _l("Choose a type of leave that is in use."),
    "unknown_staff": _l("No such person."),
    "not_yours": _l("You may ask for leave for yourself only."),
    "last_day": _l("Choose a last day from the first day of the leave up to the day before its current end."),
}


class LeaveRequestError(ValidationFailed):
    """A request or step refused: field -> translated messages."""


def days_text(value) -> str:
    """A number of days as people write it: 5, 2.5 (never 5.0)."""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def refusal(field: str, code: str, **values) -> LeaveRequestError:
    """The error for one refusal code, its message filled with `values` (days as `days_text`)."""
    text = MESSAGES[code]
    values = {key: days_text(value) for key, value in values.items()}
    return LeaveRequestError({field: [str(text) % values if values else str(text)]})

MESSAGES |= {
    "own_record": _l("Your own leave goes to your approvers: ask for it instead of recording it."),
    "staff_required": _l("Enter the staff number of the person whose leave this is."),
}
