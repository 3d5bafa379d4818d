"""The correction's declared steps, on the shared workflow mechanism (hrapp.core.workflow).

pending -> accepted (a head of the person's department or HR, never their own: the service stores the punch)
| rejected (the same, with a reason) | withdrawn (the person). HR's own corrections are born accepted.
"""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.roster.services.notify import accounts_of
from hrapp.core.workflow import Transition, Workflow
from hrapp.models import CorrectionStatus as S

from .access import can_decide_correction, can_withdraw_correction

NOTIFICATION_KIND = "attendance_correction"


def correction_link(correction) -> str:
    """Where a correction's notification points."""
    return f"/attendance/corrections/{correction.id}"


def correction_label(correction) -> str:
    """"S0012 2026-05-04" for the audit trail."""
    return f"{correction.staff.staff_number} {correction.day.isoformat()}"


def _to_person(text):
    def notifier(correction, actor, note):  # noqa: ARG001
        return (accounts_of([correction.staff_id]), lambda: text(correction), correction_link(correction),
                NOTIFICATION_KIND)
    return notifier


_accepted = _to_person(lambda c: _("Your correction for %(day)s was accepted.", day=c.day.isoformat()))
_rejected = _to_person(lambda c: _("Your correction for %(day)s was rejected.", day=c.day.isoformat()))

CORRECTION_WORKFLOW = Workflow(
    name="attendance_correction",
    url_args=lambda correction: {"correction_id": correction.id},
    audit_label=correction_label,
    transitions=(
        Transition("accept", frozenset({S.PENDING}), S.ACCEPTED, can_decide_correction, _l("Accept"),
                   endpoint="attendance_corrections.accept_correction", notify=_accepted, style="success"),
        Transition("reject", frozenset({S.PENDING}), S.REJECTED, can_decide_correction, _l("Reject"),
                   endpoint="attendance_corrections.reject_correction", note_required=True, notify=_rejected,
                   style="outline-danger"),
        Transition("withdraw", frozenset({S.PENDING}), S.WITHDRAWN, can_withdraw_correction, _l("Withdraw"),
                   endpoint="attendance_corrections.withdraw_correction", style="outline-secondary",
                   confirm=_l("Withdraw this correction?")),
    ),
)
