"""An appraisal's declared steps, on the shared workflow mechanism (hrapp.core.workflow).

self_review -> head_review (the person submits the self-assessment; or, automatically, when the cycle moves to
head scoring without it — an unsubmitted self-assessment simply does not count);
head_review -> scored (the scorer submits);
scored -> head_review (HR returns it to the scorer in calibration, with a reason);
scored -> published (the cycles part publishes the cycle's results; automatic);
published -> acknowledged (the person; or `tick` once `respond_by` has passed: silence acknowledges) | appealed
(the person, with their grounds, before `respond_by`);
appealed -> decided (HR upholds the result or adjusts it, with a reason).

The services that take these steps (and set the columns that go with them) live in the parts: scoring/
(submit_self, submit_head), calibration/ (return_to_head), cycles/ (skip_self, publish), signoff/ (acknowledge,
appeal, decide, acknowledge_by_silence). Their notifications are theirs too.
"""
from flask_babel import lazy_gettext as _l

from hrapp.core.workflow import Transition, Workflow
from hrapp.models import AppraisalStatus as S

from .access import can_calibrate, can_decide_appeal, can_respond, can_score, can_self_assess


def _system(_user, _appraisal) -> bool:
    return True


def audit_label(appraisal) -> str:
    """"2026-Q3 H00012" (or the team's department code)."""
    subject = appraisal.staff.staff_number if appraisal.staff is not None else appraisal.department.code
    return f"{appraisal.cycle.name} {subject}"


APPRAISAL_WORKFLOW = Workflow(
    name="appraisal",
    url_args=lambda appraisal: {"appraisal_id": appraisal.id},
    audit_label=audit_label,
    transitions=(
        Transition("submit_self", frozenset({S.SELF_REVIEW}), S.HEAD_REVIEW, can_self_assess,
                   _l("Submit self-assessment"), endpoint="appraisal_scoring.submit_self_assessment",
                   style="primary", confirm=_l("Submit your self-assessment? You cannot change it afterwards.")),
        Transition("skip_self", frozenset({S.SELF_REVIEW}), S.HEAD_REVIEW, _system,
                   _l("Self-assessment not given"), automatic=True),
        Transition("submit_head", frozenset({S.HEAD_REVIEW}), S.SCORED, can_score, _l("Submit scores"),
                   endpoint="appraisal_scoring.submit_head_scoring", style="primary",
                   confirm=_l("Submit these scores? HR calibrates them before the person sees them.")),
        Transition("return_to_head", frozenset({S.SCORED}), S.HEAD_REVIEW, can_calibrate, _l("Return to the head"),
                   endpoint="appraisal_calibration.return_to_head", note_required=True, style="outline-warning"),
        Transition("publish", frozenset({S.SCORED}), S.PUBLISHED, _system, _l("Published"), automatic=True),
        Transition("acknowledge", frozenset({S.PUBLISHED}), S.ACKNOWLEDGED, can_respond, _l("Acknowledge"),
                   endpoint="appraisal_signoff.acknowledge_result", style="success"),
        Transition("appeal", frozenset({S.PUBLISHED}), S.APPEALED, can_respond, _l("Appeal"),
                   endpoint="appraisal_signoff.appeal_result", note_required=True, style="outline-warning"),
        Transition("acknowledge_by_silence", frozenset({S.PUBLISHED}), S.ACKNOWLEDGED, _system,
                   _l("Acknowledged by silence"), automatic=True),
        # Decided through its own form (uphold, or adjust the total), never a plain button.
        Transition("decide", frozenset({S.APPEALED}), S.DECIDED, can_decide_appeal, _l("Decide the appeal"),
                   note_required=True, automatic=True),
    ),
)
