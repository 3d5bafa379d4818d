"""What the day board calls each state and how it colours it (the board's pages and the head's home page)."""
from flask_babel import lazy_gettext as _l

from . import rules

STATE_LABELS = {
    rules.IN: _l("In"), rules.LATE: _l("Late"), rules.MISSING: _l("Missing punch"), rules.ABSENT: _l("Absent"),
    rules.LEAVE: _l("On leave"), rules.NOT_YET: _l("Not yet in"), rules.OVERDUE: _l("Not in, shift started"),
    rules.REST: _l("Rest day"),
}
STATE_STYLES = {
    rules.IN: "success", rules.LATE: "warning", rules.MISSING: "warning", rules.ABSENT: "danger",
    rules.LEAVE: "info", rules.NOT_YET: "secondary", rules.OVERDUE: "danger", rules.REST: "light",
}
