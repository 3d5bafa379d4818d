"""What the audit trail calls the training records part's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary

AUDIT = AuditVocabulary(
    actions={"training.induction_waive": _l("Induction course waived")},
    record_types={"InductionAssignment": _l("Induction assignment")},
    fields={"status": _l("Status"), "waived_reason": _l("Why it is waived"), "completed_on": _l("Completed on")},
)
