"""What the audit trail calls the rewards part's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct.rewards.workflow import REWARD_WORKFLOW
from hrapp.core.audit_vocabulary import AuditVocabulary, workflow_actions

AUDIT = AuditVocabulary(
    actions={
        "reward.create": _l("Reward recorded"),
        "measure.create": _l("Measure recorded"),
        "measure.revoke": _l("Measure revoked"),
        **workflow_actions(REWARD_WORKFLOW, _l("Reward")),
    },
    record_types={"Reward": _l("Reward"), "DisciplinaryMeasure": _l("Measure")},
    fields={
        "number": _l("Number"), "staff_id": _l("Staff member"), "rule_id": _l("Rule"), "kind": _l("Kind"),
        "awarded_on": _l("Date"), "amount": _l("Amount"), "points": _l("Performance points"),
        "reason": _l("Reason"), "source": _l("Source"), "starts_on": _l("From"), "ends_on": _l("To"),
        "violation_id": _l("Violation"), "note": _l("Note"), "revoked_reason": _l("Reason for revoking"),
        "to_department_id": _l("Transfer to department"), "to_position_id": _l("New position"),
    },
)
