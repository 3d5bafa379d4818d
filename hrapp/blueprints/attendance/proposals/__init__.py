"""Attendance — proposals: lateness, leaving early and absence become proposed violations under the company's
code of conduct for the head to confirm or dismiss (never final on their own, never both a fine and a pay
deduction: settings.penalised_by_conduct); and the demo punches with their device.

It listens to `days_reconciled`: whatever re-reads a day (a punch, a correction, leave, a roster change, the
tick) brings that day's proposals in line (services.sync_proposals).
"""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.attendance.settings import penalised_by_conduct
from hrapp.core.audit_vocabulary import AuditVocabulary
from hrapp.core.module import Module, NotificationKind
from hrapp.labels import label
from hrapp.models import PenaltyRoute

from ..signals import days_reconciled
from . import demo
from .services import NOTIFICATION_KIND, deferred_sync, on_days_reconciled, sync_proposals

__all__ = ["PART", "deferred_sync", "penalised_by_conduct", "sync_proposals"]


days_reconciled.connect(on_days_reconciled)


def _value_label(field: str, value) -> str | None:
    """The settings' penalty route as people read it in the audit trail."""
    if field == "penalties_via" and value in {r.value for r in PenaltyRoute}:
        return str(label(PenaltyRoute(value)))
    return None


PART = Module(
    name="attendance.proposals",
    notification_kinds=(NotificationKind(NOTIFICATION_KIND, _l("Confirmed violation no longer in attendance")),),
    seed_demo=demo.seed_demo,
    audit=AuditVocabulary(fields={"penalties_via": _l("Lateness and absence cost money through")},
                          value_label=_value_label),
)
