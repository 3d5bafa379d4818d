"""What the audit trail calls the calibration part's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary
from hrapp.labels import label
from hrapp.models import AppraisalStatus, Grade

GRADE_VALUES = {g.value for g in Grade}
STATUS_VALUES = {s.value for s in AppraisalStatus}


def _value_label(field_name: str, value) -> str | None:
    """Grades and statuses in the people's words; the rest as stored."""
    if field_name == "grade" and value in GRADE_VALUES:
        return str(label(Grade(value)))
    if field_name == "status" and value in STATUS_VALUES:
        return str(label(AppraisalStatus(value)))
    return None


AUDIT = AuditVocabulary(
    actions={
        "appraisal.adjust": _l("Result adjusted in calibration"),
        "appraisal.undo_adjust": _l("Calibration undone (back to the head's total)"),
        "appraisal.return_to_head": _l("Appraisal returned to the head"),
    },
    record_types={"Appraisal": _l("Appraisal")},
    fields={"total": _l("Total"), "grade": _l("Grade"), "calibrated": _l("Calibrated"), "reason": _l("Reason"),
            "status": _l("Status"), "note": _l("Reason")},
    value_label=_value_label,
)
