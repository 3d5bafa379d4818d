"""What the audit trail calls the template part's actions, records and fields (criterion kinds and metrics are
registered enum labels: the audit trail words their values itself)."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary, form_field_labels

from .forms import CriterionForm, TemplateCopyForm, TemplateForm

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
)
