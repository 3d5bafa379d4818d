"""What the audit trail calls the organisation module's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.org.forms import DepartmentForm, JobDescriptionForm, PositionForm, SettingsForm
from hrapp.blueprints.org.workflow import JOB_DESCRIPTION_WORKFLOW
from hrapp.core.audit_vocabulary import AuditVocabulary, form_field_labels, workflow_actions

AUDIT = AuditVocabulary(
    actions={
        "department.create": _l("Department created"),
        "department.update": _l("Department changed"),
        "department.delete": _l("Department deleted"),
        "position.create": _l("Position created"),
        "position.update": _l("Position changed"),
        "job_description.draft": _l("Job description drafted"),
        "job_description.update": _l("Job description edited"),
        "settings.update": _l("Company settings changed"),
        **workflow_actions(JOB_DESCRIPTION_WORKFLOW, _l("Job description")),
    },
    record_types={"Department": _l("Department"), "Position": _l("Position"),
                  "JobDescription": _l("Job description"), "CompanySettings": _l("Company settings")},
    fields={**form_field_labels(DepartmentForm, PositionForm, JobDescriptionForm, SettingsForm),
            "parent_id": _l("Parent department"), "version": _l("Version")},
)
