"""What the audit trail calls the staff module's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.staff.forms import StaffForm
from hrapp.core.audit_vocabulary import AuditVocabulary, form_field_labels

AUDIT = AuditVocabulary(
    actions={
        "staff.create": _l("Staff record created"),
        "staff.update": _l("Staff record changed"),
        "staff.self_update": _l("Own contact details changed"),
    },
    record_types={"StaffMember": _l("Staff record"), "EmploymentEvent": _l("Employment event")},
    fields={**form_field_labels(StaffForm), "superior_id": _l("Direct superior"),
            "status_since_on": _l("Status since")},
)
