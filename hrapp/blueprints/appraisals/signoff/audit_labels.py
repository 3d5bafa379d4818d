"""What the audit trail calls sign-off's steps and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary

from ..workflow import APPRAISAL_WORKFLOW

STEPS = ("acknowledge", "appeal", "acknowledge_by_silence", "decide")

AUDIT = AuditVocabulary(
    actions={f"{APPRAISAL_WORKFLOW.name}.{step}": _l("Appraisal: %(step)s",
                                                     step=APPRAISAL_WORKFLOW.transition(step).label)
             for step in STEPS},
    record_types={"Appraisal": _l("Appraisal")},
    fields={"decision": _l("Decision"), "total_before": _l("Total before the decision"),
            "total": _l("Total"), "grade": _l("Grade")},
)
