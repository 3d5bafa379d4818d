"""What the audit trail calls the template part's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.appraisals.labels import CRITERION_LABELS, METRIC_LABELS
from hrapp.core.audit_vocabulary import AuditVocabulary, form_field_labels

from .forms import CriterionForm, TemplateCopyForm, TemplateForm

VALUE_LABELS = {"kind": CRITERION_LABELS, "metric": METRIC_LABELS}


def _value_label(field: str, value) -> str | None:
    """A criterion's kind or metric, translated; None for other values."""
    labels = VALUE_LABELS.get(field)
    if labels is None or not isinstance(value, str):
        return None
    text = next((v for k, v in labels.items() if k.value == value), None)
    return str(text) if text is not None else None


AUDIT = AuditVocabulary(
    actions={
        "appraisals.template_create": _l("Appraisal template added"),
        "appraisals.template_update": _l("Appraisal template changed"),
        "appraisals.template_copy": _l("Appraisal template copied"),
        "appraisals.template_activate": _l("Appraisal template put in use"),
        "appraisals.template_deactivate": _l("Appraisal template taken out of use"),
        "appraisals.criterion_add": _l("Criterion added to an appraisal template"),
        "appraisals.criterion_update": _l("Criterion of an appraisal template changed"),
        "appraisals.criterion_remove": _l("Criterion removed from an appraisal template"),
        "appraisals.criterion_move": _l("Criteria of an appraisal template reordered"),
    },
    record_types={"AppraisalTemplate": _l("Appraisal template")},
    fields={
        **form_field_labels(TemplateForm, TemplateCopyForm, CriterionForm),
        "active": _l("In use"), "grade_bands": _l("Grade bands"), "copied_from": _l("Copied from"),
        "criteria": _l("Criteria"), "order": _l("Order of the criteria"),
    },
    value_label=_value_label,
)
