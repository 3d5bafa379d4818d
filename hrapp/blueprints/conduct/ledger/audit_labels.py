"""What the audit trail calls the ledger's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary
from hrapp.labels import label
from hrapp.models import LedgerResolutionKind


def _value_label(field: str, value) -> str | None:
    """A resolution's kind, translated; None for other values."""
    if field == "kind" and value in {k.value for k in LedgerResolutionKind}:
        return str(label(LedgerResolutionKind(value)))
    return None


AUDIT = AuditVocabulary(
    actions={
        "conduct_ledger.adjusted": _l("Conduct ledger: amounts lowered"),
        "conduct_ledger.deferred": _l("Conduct ledger: violations deferred to the next month"),
        "conduct_ledger.override": _l("Conduct ledger: month accepted by override"),
        "violation.ledger_adjust": _l("Violation amount lowered on the ledger"),
        "violation.ledger_defer": _l("Violation deferred to the next month"),
    },
    record_types={"LedgerResolution": _l("Conduct ledger resolution"), "Violation": _l("Violation")},
    fields={
        "kind": _l("Resolution"), "reason": _l("Reason"), "month": _l("Month"),
        "deductions_amount": _l("Deductions"), "violations": _l("Violations"), "amount": _l("Amount"),
        "ledger_month": _l("Ledger month"),
    },
    value_label=_value_label,
)
