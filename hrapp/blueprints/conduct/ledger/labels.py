"""What the ledger's flag and status codes say to people (pages, exports, the close check)."""
from flask_babel import lazy_gettext as _l

from . import rules

FLAGS = {
    rules.OVER_SHARE: _l("Deductions above the legal share of the wage"),
    rules.BELOW_MINIMUM: _l("Leaves less than the minimum wage"),
    rules.NO_WAGE: _l("No wage recorded"),
}

STATUSES = {
    rules.OK: _l("Within the limits"),
    rules.FLAGGED: _l("Flagged"),
    rules.ACCEPTED: _l("Accepted by override"),
}

STATUS_STYLES = {rules.OK: "success", rules.FLAGGED: "danger", rules.ACCEPTED: "warning"}


def flag_text(flags) -> str:
    """The flags of a month as one line ("" when none)."""
    return "; ".join(str(FLAGS[f]) for f in flags)
