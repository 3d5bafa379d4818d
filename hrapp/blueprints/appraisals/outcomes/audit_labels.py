"""What the audit trail calls the outcomes part's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary

AUDIT = AuditVocabulary(
    actions={
        "appraisal.outcome_suggest": _l("Appraisal outcome suggested"),
        "appraisal.outcome_confirm": _l("Appraisal outcome confirmed"),
        "appraisal.outcome_dismiss": _l("Appraisal outcome dismissed"),
        "appraisal.plan_create": _l("Improvement plan created"),
        "appraisal.plan_review": _l("Improvement plan reviewed"),
    },
    record_types={"AppraisalOutcome": _l("Appraisal outcome"), "ImprovementPlan": _l("Improvement plan")},
    fields={
        "appraisal_id": _l("Appraisal"), "kind": _l("Kind"), "status": _l("Status"), "reason": _l("Reason"),
        "reward_id": _l("Reward"), "training_need_id": _l("Training need"), "decision_note": _l("Note"),
        "staff_id": _l("Staff member"), "goals": _l("Goals"), "review_on": _l("Review date"),
        "review_note": _l("Review note"),
    },
)
