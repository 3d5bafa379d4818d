"""What the audit trail calls leave setup's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.leave.labels import LABELS
from hrapp.blueprints.leave.setup.forms import AdjustForm, BlackoutForm, TypeForm
from hrapp.core.audit_vocabulary import AuditVocabulary, form_field_labels
from hrapp.models import LeaveBalanceKind


def _value_label(field: str, value) -> str | None:
    """Where a type's days come from, translated; None for other values."""
    if field != "balance_kind" or not isinstance(value, str):
        return None
    text = next((v for k, v in LABELS.items() if isinstance(k, LeaveBalanceKind) and k.value == value), None)
    return str(text) if text is not None else None


AUDIT = AuditVocabulary(
    actions={
        "leave_type.create": _l("Leave type added"),
        "leave_type.update": _l("Leave type changed"),
        "leave_type.deactivate": _l("Leave type taken out of use"),
        "leave_type.reactivate": _l("Leave type back in use"),
        "leave_type.delete": _l("Leave type deleted"),
        "leave_entitlement.grant": _l("Leave entitlements granted"),
        "leave_entitlement.adjust": _l("Leave entitlement adjusted"),
        "leave_blackout.create": _l("Blackout period added"),
        "leave_blackout.update": _l("Blackout period changed"),
        "leave_blackout.delete": _l("Blackout period deleted"),
    },
    record_types={"LeaveType": _l("Leave type"), "LeaveEntitlement": _l("Leave entitlement"),
                  "LeaveBlackout": _l("Blackout period")},
    fields={
        **form_field_labels(TypeForm, BlackoutForm, AdjustForm),
        "active": _l("In use"), "year": _l("Year"), "people": _l("People"), "changed": _l("Changed"),
        "adjusted_days": _l("Adjusted days"),
    },
    value_label=_value_label,
)
