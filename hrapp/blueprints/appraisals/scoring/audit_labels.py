"""What the audit trail calls the scoring part's actions and fields (the steps `appraisal.submit_self` and
`appraisal.submit_head` are written by the workflow mechanism; the drafts by the services)."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary

AUDIT = AuditVocabulary(
    actions={
        "appraisal.save_self": _l("Self-assessment saved"),
        "appraisal.submit_self": _l("Self-assessment submitted"),
        "appraisal.save_head": _l("Appraisal scores saved"),
        "appraisal.submit_head": _l("Appraisal scores submitted"),
    },
    record_types={"Appraisal": _l("Appraisal")},
    fields={"self_total": _l("Self-assessment total"), "self_comment": _l("Self-assessment comment"),
            "head_total": _l("Head's total"), "total": _l("Total"), "grade": _l("Grade"),
            "head_comment": _l("Head's comment")},
)
