"""What the audit trail calls the cycles part's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary

from ..workflow import APPRAISAL_WORKFLOW

ACTIONS = {
    "appraisal_cycle.create": _l("Appraisal cycle created"),
    "appraisal_cycle.update": _l("Appraisal cycle changed"),
    "appraisal_cycle.extend": _l("Appraisal deadline extended"),
    "appraisal_cycle.add_person": _l("Person added to an appraisal cycle"),
    "appraisal_cycle.open": _l("Appraisal cycle opened"),
    "appraisal_cycle.open_to_scoring": _l("Appraisal cycle opened for head scoring"),
    "appraisal_cycle.to_head_scoring": _l("Appraisal cycle moved to head scoring"),
    "appraisal_cycle.to_calibration": _l("Appraisal cycle moved to calibration"),
    "appraisal_cycle.publish": _l("Appraisal results published"),
    "appraisal_cycle.close": _l("Appraisal cycle closed"),
    "appraisal.publish": _l("Appraisal result published"),
    "appraisal.acknowledge_by_silence": _l("Appraisal acknowledged by silence"),
}
# The appraisal's other steps (taken by the other parts), named by the workflow's own labels until those parts
# label them: this part imports the appraisal workflow, so its steps count as the code's audit actions.
STEPS = {f"{APPRAISAL_WORKFLOW.name}.{t.name}": t.label for t in APPRAISAL_WORKFLOW.transitions}

AUDIT = AuditVocabulary(
    actions=STEPS | ACTIONS,
    record_types={"AppraisalCycle": _l("Appraisal cycle")},
    fields={
        "name": _l("Name"), "period_kind": _l("Period kind"), "first_on": _l("First day"), "last_on": _l("Last day"),
        "self_due_on": _l("Self-assessment due"), "head_due_on": _l("Head scoring due"),
        "calibration_due_on": _l("Calibration due"), "respond_days": _l("Days to respond"),
        "guide_top": _l("Guide: top share"), "guide_middle": _l("Guide: middle share"), "guide_bottom": _l("Guide: bottom share"),
        "note": _l("Note"), "reason": _l("Reason"), "stage": _l("Stage"), "appraisals": _l("Appraisals made"),
        "teams": _l("Team appraisals made"), "without_template": _l("People without a template"),
        "self_skipped": _l("Self-assessments not given"), "unscored": _l("Not scored"),
        "published": _l("Published"), "respond_by": _l("Respond by"),
        "acknowledged_by_silence": _l("Acknowledged by silence"), "staff_number": _l("Staff number"),
        "template": _l("Template"), "appraisal_id": _l("Appraisal"),
    },
)
