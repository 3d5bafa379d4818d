"""What an import's line errors say to people."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.attendance.punch_store import FUTURE, NOT_EMPLOYED

from .rules import BAD_STATE, BAD_TIME, CLOSED_MONTH, LONG_ID, NO_ID, TOO_FEW

LINE_MESSAGES = {
    NO_ID: _l("No user id."),
    LONG_ID: _l("The user id is longer than 32 characters."),
    BAD_TIME: _l("The time is not a date and time (YYYY-MM-DD HH:MM:SS)."),
    BAD_STATE: _l("The state is not a number from 0 to 255."),
    TOO_FEW: _l("Too few columns."),
    FUTURE: _l("The time is in the future."),
    NOT_EMPLOYED: _l("The person was not employed on that day."),
    CLOSED_MONTH: _l("The day lies in a month whose attendance HR has closed; HR must reopen it first."),
}


def line_message(code: str) -> str:
    """The translated reason of a line error."""
    return str(LINE_MESSAGES.get(code, code))
