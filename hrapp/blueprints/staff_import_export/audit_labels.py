"""What the audit trail calls a staff import and its summary."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary

AUDIT = AuditVocabulary(
    actions={"import.staff": _l("Staff imported")},
    record_types={"StaffImport": _l("Staff import")},
    fields={"filename": _l("File name"), "rows": _l("Rows"), "created": _l("Created"), "updated": _l("Updated"),
            "unchanged": _l("Unchanged")},
)
