"""What the audit trail calls the overtime approvals."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary

AUDIT = AuditVocabulary(
    actions={"overtime.approve": _l("Overtime approved"), "overtime.withdraw": _l("Overtime approval withdrawn")},
    record_types={"OvertimeApproval": _l("Overtime approval")},
    fields={"staff_id": _l("Person"), "day": _l("Day"), "minutes": _l("Minutes"), "note": _l("Note"),
            "reason": _l("Reason")},
)
