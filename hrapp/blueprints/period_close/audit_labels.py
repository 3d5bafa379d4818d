"""What the audit trail calls closing and reopening a period."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary

AUDIT = AuditVocabulary(
    actions={"period.close": _l("Period closed"), "period.reopen": _l("Period reopened")},
    record_types={"PeriodClose": _l("Period close")},
    fields={"module": _l("Module"), "period": _l("Period"), "closed": _l("Closed")},
)
