"""What the audit trail calls the violation workflow's steps (all of them, the violations part's four included)
and the measure a final violation records."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct.workflow import VIOLATION_WORKFLOW
from hrapp.core.audit_vocabulary import AuditVocabulary, workflow_actions

AUDIT = AuditVocabulary(
    actions={
        **workflow_actions(VIOLATION_WORKFLOW, _l("Conduct violation")),
        "disciplinary_measure.record": _l("Disciplinary measure recorded"),
    },
    record_types={"Violation": _l("Conduct violation"), "DisciplinaryMeasure": _l("Measure on the staff history")},
    fields={"decision": _l("Decision"), "amount_before": _l("Amount before the review"), "starts_on": _l("Measure starts on"),
            "violation": _l("Conduct violation")},
)
