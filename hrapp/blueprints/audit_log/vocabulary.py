"""The audit trail's own words: the demo seed, fields every module uses, and the shared enums' values."""
import enum

from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary
from hrapp.labels import LABELS, value_label


def _value_label(_field: str, value) -> str | None:
    """The shared enums (roles, gender, employment status, ...) by stored value; None for other values."""
    if isinstance(value, enum.Enum):
        return str(LABELS[value]) if value in LABELS else value_label(value.value)
    return value_label(value)


AUDIT = AuditVocabulary(
    actions={"demo.seed": _l("Demo data loaded")},
    fields={"code": _l("Code"), "name": _l("Name"), "name_en": _l("English name"), "status": _l("Status"),
            "reason": _l("Reason"), "note": _l("Note"), "kind": _l("Kind"), "day": _l("Date"),
            "year": _l("Year"), "department": _l("Department"), "department_id": _l("Department"),
            "staff_id": _l("Staff record"), "count": _l("Count"), "seed": _l("Seed"), "today": _l("Date"),
            "version": _l("Version"), "updated": _l("Updated")},
    value_label=_value_label,
)
