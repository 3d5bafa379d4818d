"""Translated labels for the leave enums (registered into hrapp.labels.label()), and the navbar menu."""
import enum

from flask_babel import lazy_gettext as _l

from hrapp.labels import register
from hrapp.models import LeaveBalanceKind, LeaveStatus

# The navbar menu every part's links go into (NavEntry(menu=MENU)).
MENU = _l("Leave")

LABELS: dict[enum.Enum, object] = {
    LeaveBalanceKind.ENTITLEMENT: _l("Yearly entitlement"),
    LeaveBalanceKind.REST_OWED: _l("From rest owed"),
    LeaveBalanceKind.NONE: _l("No balance"),
    LeaveStatus.PENDING: _l("Waiting for the head"),
    LeaveStatus.AWAITING_HR: _l("Waiting for HR"),
    LeaveStatus.APPROVED: _l("Approved"),
    LeaveStatus.REJECTED: _l("Rejected"),
    LeaveStatus.WITHDRAWN: _l("Withdrawn"),
    LeaveStatus.CANCELLED: _l("Cancelled"),
}

register(LABELS)
