"""What the audit trail calls the leave requests part's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary, workflow_actions

from .workflow import LEAVE_WORKFLOW

AUDIT = AuditVocabulary(
    actions={
        "leave_request.create": _l("Leave requested"),
        "leave_request.record": _l("Leave recorded by HR"),
        **workflow_actions(LEAVE_WORKFLOW, _l("Leave request")),
    },
    record_types={"LeaveRequest": _l("Leave request")},
    fields={
        "staff_id": _l("Staff member"), "leave_type_id": _l("Type of leave"), "starts_on": _l("From"),
        "ends_on": _l("To"), "starts_afternoon": _l("The first day from the afternoon only"),
        "ends_at_noon": _l("The last day until noon only"), "days": _l("Days"), "reason": _l("Reason"),
        "status": _l("Status"), "note": _l("Note"), "original_ends_on": _l("Original end"),
    },
)
