"""What corrections tell people (one place, so the web, the API and the tests agree)."""
from flask_babel import lazy_gettext as _l

from . import rules

REFUSALS = {
    rules.NOT_YET: _l("This day is not over yet: a correction can be asked for once its check-out window has closed."),
    rules.NO_SHIFT: _l("There was no shift to work that day, so there is no punch to correct."),
    rules.NOT_NEEDED: _l("This day needs no correction for that punch: it was recorded."),
    rules.OUTSIDE_WINDOW: _l("The time lies outside the shift's punch window (%(opens)s – %(closes)s)."),
    rules.LIMIT_REACHED: _l("You have used this month's corrections (%(limit)s a month)."),
}
DUPLICATE = _l("A correction of this punch for this day is already waiting.")
STAFF_UNKNOWN = _l("No staff member has this staff number.")
REFUSED_PUNCH = _l("The punch could not be stored: it lies in the future or outside the person's employment.")
NO_STAFF_RECORD = _l("Your account has no staff record.")
