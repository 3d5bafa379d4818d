"""What the audit trail calls the violations part's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct.labels import LABELS, MEASURE_LABELS
from hrapp.blueprints.conduct.workflow import VIOLATION_WORKFLOW
from hrapp.core.audit_vocabulary import AuditVocabulary, workflow_actions


def _value_label(_field: str, value) -> str | None:
    """Conduct enum values (states, measures, sources), translated; None for others."""
    if not isinstance(value, str):
        return None
    text = next((v for k, v in (*LABELS.items(), *MEASURE_LABELS.items()) if k.value == value), None)
    return str(text) if text is not None else None


AUDIT = AuditVocabulary(
    actions={
        "violation.record": _l("Violation recorded"),
        "violation.propose": _l("Violation proposed"),
        **workflow_actions(VIOLATION_WORKFLOW, _l("Violation")),
    },
    record_types={"Violation": _l("Violation")},
    fields={
        "number": _l("Number"), "staff_id": _l("Person"), "department_id": _l("Department"), "rule_id": _l("Rule"),
        "rule_version_id": _l("Rule version"), "occurred_at": _l("When"), "place": _l("Where"),
        "serious": _l("Serious case"), "amount_involved": _l("Amount involved (yuan)"),
        "minutes": _l("Minutes late or early"), "amount": _l("Fine (yuan)"), "points": _l("Performance points"),
        "measure": _l("Measure"), "occurrence": _l("Occurrence"), "ladder_multiplier": _l("Ladder multiplier"),
        "ledger_month": _l("Ledger month"), "state": _l("State"), "source": _l("Source"),
        "respond_by": _l("Respond by"),
    },
    value_label=_value_label,
)
