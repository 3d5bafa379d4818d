"""The head's home (`/home/head/`): their departments' day at a glance, read in one statement per panel."""
from flask import Blueprint, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from hrapp.blueprints.attendance.board.queries import local_now
from hrapp.blueprints.attendance.board.wording import STATE_LABELS, STATE_STYLES
from hrapp.core.periods import MONTH, period_of
from hrapp.models.base import utcnow
from hrapp.permissions import rule_required

from ..access import HEAD_HOME, can_open_head_home
from . import queries, waiting
from .rules import DRAFT, NONE, PUBLISHED

bp = Blueprint("home_head", __name__, url_prefix="/home/head")

APPROVAL_LABELS = {"leave": _l("Leave requests"), "correction": _l("Punch corrections"),
                   "swap": _l("Shift swaps"), "proposal": _l("Proposed violations"),
                   "day_off": _l("Days off asked")}
ROSTER_STATE_LABELS = {NONE: _l("No roster"), DRAFT: _l("Draft"), PUBLISHED: _l("Published")}
ROSTER_STATE_STYLES = {NONE: "danger", DRAFT: "warning", PUBLISHED: "success"}


def _wording() -> dict:
    """The page's labels and link makers, passed with the page (`/` renders it from another blueprint)."""
    return {"state_labels": STATE_LABELS, "state_styles": STATE_STYLES, "approval_labels": APPROVAL_LABELS,
            "roster_state_labels": ROSTER_STATE_LABELS, "roster_state_styles": ROSTER_STATE_STYLES,
            "approval_url": approval_url, "approval_list_url": approval_list_url}


@bp.route("/")
@rule_required(can_open_head_home)
def show():
    """Today's board, what waits for the head, next month's rosters, their tasks and the month so far."""
    today = local_now().date()
    this_month = period_of(MONTH, today)
    following = this_month.next()
    return render_template(
        "home/head_home/home.html", home=HEAD_HOME, title=HEAD_HOME.label, today=today, next_month=following,
        board=queries.day_board(current_user, today), approvals=waiting.approvals(current_user, today),
        rosters=queries.next_month_rosters(current_user, following),
        tasks=waiting.tasks(current_user, today, utcnow()),
        month=queries.month_glance(current_user, this_month), **_wording())


_LISTS = {"leave": "leave_requests.list_approvals", "correction": "attendance_corrections.list_corrections",
          "swap": "roster.list_swaps", "proposal": "conduct_violations.list_proposals", "day_off": "roster.list_rosters"}


def approval_list_url(kind: str) -> str:
    """Where a kind of approval is listed and decided."""
    return url_for(_LISTS[kind])


def approval_url(kind: str, item: waiting.Item) -> str:
    """Where one waiting item is decided (days off: the rosters, where generation honours them)."""
    if kind == "leave":
        return url_for("leave_requests.show_request", request_id=item.ref_id)
    if kind == "correction":
        return url_for("attendance_corrections.show_correction", correction_id=item.ref_id)
    if kind == "swap":
        return url_for("roster.show_swap", roster_id=item.parent_id, swap_id=item.ref_id)
    if kind == "proposal":
        return url_for("conduct_violations.show_violation", violation_id=item.ref_id)
    return approval_list_url(kind)
