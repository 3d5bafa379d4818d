"""The recorder's other steps on the shared workflow: confirm or dismiss a proposal, withdraw a draft (submit is
submitting.py). Services: never commit; the actor is passed in."""
from hrapp.blueprints.conduct import penalty
from hrapp.blueprints.conduct.violations.recording import Inputs, assess_violation, fill
from hrapp.blueprints.conduct.workflow import VIOLATION_WORKFLOW
from hrapp.core import workflow
from hrapp.core.money import CENT
from hrapp.extensions import db
from hrapp.models import Violation, utcnow

MY_STEPS = ("confirm", "dismiss", "submit", "withdraw")
UNCHANGED = object()
DISMISSED = "dismissed"


def recorder_steps(violation: Violation, user) -> list:
    """The steps of this part `user` may take on `violation` now (the review part's come with its pages)."""
    return [t for t in workflow.available(VIOLATION_WORKFLOW, violation, user) if t.name in MY_STEPS]


def stored_inputs(violation: Violation) -> Inputs:
    """The inputs a stored violation was assessed with: the entered fine before the ladder's multiplier (the
    amount stored is after it); None for kinds that compute their fine."""
    entered = None
    if str(violation.rule_version.kind) in penalty.ENTERED_AMOUNT and violation.amount:
        entered = (violation.amount / (violation.ladder_multiplier or 1)).quantize(CENT)
    return Inputs(entered, violation.amount_involved, violation.minutes, violation.serious)


def confirm_proposal(actor, violation: Violation, expected_version: int, inputs: Inputs | None = None,
                     description=UNCHANGED) -> None:
    """The head confirms a proposal: it becomes a draft with the amount computed from the (possibly adjusted)
    inputs, checked like a new record (access, dates, the closed month, the rule's terms).

    :raise TransitionRefused / TransitionForbidden / StaleRecord: see hrapp.core.workflow.check.
    :raise ValidationFailed: the inputs or the record do not pass the checks.
    """
    workflow.check(VIOLATION_WORKFLOW, violation, "confirm", actor, expected_version)
    inputs = inputs or stored_inputs(violation)
    assessment = assess_violation(actor, violation.staff, violation.rule, violation.occurred_at, inputs,
                                  exclude_id=violation.id)
    # The step first: columns set before it would be autoflushed by its access check and bump the version.
    workflow.apply(VIOLATION_WORKFLOW, violation, "confirm", actor, expected_version,
                   details={"before": str(violation.amount), "amount": str(assessment.outcome.amount),
                            "minutes": inputs.minutes})
    fill(violation, assessment, inputs)
    if description is not UNCHANGED:
        violation.description = (description or "").strip()
    violation.recorded_by_id = actor.id
    db.session.flush()


def dismiss_proposal(actor, violation: Violation, expected_version: int, reason: str) -> None:
    """The head dismisses a proposal, with a reason (kept as the decision).

    :raise TransitionRefused: no reason given, or not a proposal any more. Others as workflow.check.
    """
    workflow.apply(VIOLATION_WORKFLOW, violation, "dismiss", actor, expected_version, note=reason)
    violation.decision, violation.decision_reason = DISMISSED, reason.strip()
    violation.decided_by_id, violation.decided_at = actor.id, utcnow()
    db.session.flush()


def withdraw_violation(actor, violation: Violation, expected_version: int) -> None:
    """The recorder withdraws a draft (it becomes void; its number stays used)."""
    workflow.apply(VIOLATION_WORKFLOW, violation, "withdraw", actor, expected_version)

