"""What the audit trail calls the training plans part's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary, workflow_actions

from .workflow import PLAN_WORKFLOW

AUDIT = AuditVocabulary(
    actions={
        "training.plan_create": _l("Training plan created"),
        "training.plan_update": _l("Training plan budget changed"),
        "training.plan_fill": _l("Training plan filled from the sources"),
        "training.plan_item_add": _l("Training plan item added"),
        "training.plan_item_update": _l("Training plan item changed"),
        "training.plan_item_remove": _l("Training plan item removed"),
        "training.need_raise": _l("Training need raised"),
        "training.need_dismiss": _l("Training need dismissed"),
        **workflow_actions(PLAN_WORKFLOW, _l("Training plan")),
    },
    record_types={"TrainingPlan": _l("Training plan"), "PlanItem": _l("Training plan item"),
                  "TrainingNeed": _l("Training need")},
    fields={
        "department_id": _l("Department"), "year": _l("Year"), "budget_hours": _l("Budget person-hours"),
        "budget_cost": _l("Budget cost (yuan)"), "note": _l("Note"), "status": _l("Status"),
        "quarter": _l("Quarter"), "course_id": _l("Course"), "title": _l("Title"), "source": _l("Source"),
        "people": _l("People"), "hours": _l("Hours per person"), "cost": _l("Cost (yuan)"),
        "items": _l("Items"), "staff_id": _l("Staff member"), "topic": _l("Topic"),
        "source_ref": _l("Reference"), "plan_item_id": _l("Plan item"), "reason": _l("Reason"),
    },
)
