"""The violation's declared steps, on the shared workflow mechanism (hrapp.core.workflow).

proposed (from attendance) -> draft (the head confirms) | dismissed (the head dismisses, with a reason; or the
proposing module retracts it when its source no longer supports it);
draft -> submitted (the recorder submits: the person is told and may respond until `respond_by`) | void (the
recorder withdraws the draft);
submitted -> acknowledged (the person, or `tick` once `respond_by` has passed: silence acknowledges) | appealed
(the person, with their grounds, before the deadline);
acknowledged / appealed -> final (HR confirms, or adjusts the amount with a reason) | awaiting_second (HR
confirms a fine above the company cap: a second approver must agree) | void (HR voids, with a reason);
appealed -> referred (HR asks the general manager of the person's unit to decide);
referred -> final (the general manager upholds, possibly adjusted) | void (the general manager overturns);
awaiting_second -> final (a second HR clerk or the general manager, not the first reviewer) | void.

The services that take these steps (and set the columns that go with them) live in violations/ (confirm,
dismiss, submit, withdraw) and review/ (the rest); the notifications are theirs too (`notify` hooks here).
"""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct.access import can_record_for, can_review, is_general_manager_for
from hrapp.core.workflow import Transition, Workflow
from hrapp.models import ViolationState as S
from hrapp.permissions import is_self


def may_record(user, violation) -> bool:
    """The recorder's steps: whoever may record for the person (their heads, HR)."""
    return can_record_for(user, violation.staff)


def is_subject(user, violation) -> bool:
    """The person the violation is about (acknowledge, appeal)."""
    return getattr(user, "is_active", False) and is_self(user, violation.staff)


def may_review(user, violation) -> bool:
    """HR review: HR and administrators, never on their own record."""
    return can_review(user) and not is_self(user, violation.staff)


def is_deciding_manager(user, violation) -> bool:
    """The general manager of the person's unit, deciding a referred appeal (not on their own record)."""
    return is_general_manager_for(user, violation.department) and not is_self(user, violation.staff)


def may_second_approve(user, violation) -> bool:
    """The second approver of a fine above the cap: HR or the unit's general manager, not the first reviewer."""
    return (may_review(user, violation) or is_deciding_manager(user, violation)) \
        and getattr(user, "id", None) != violation.decided_by_id


REVIEWABLE = frozenset({S.ACKNOWLEDGED, S.APPEALED})
VOIDABLE = frozenset({S.ACKNOWLEDGED, S.APPEALED, S.AWAITING_SECOND})

VIOLATION_WORKFLOW = Workflow(
    name="violation",
    state_attr="state",
    url_args=lambda violation: {"violation_id": violation.id},
    audit_label=lambda violation: violation.number,
    transitions=(
        # violations/: the recorder's steps
        Transition("confirm", frozenset({S.PROPOSED}), S.DRAFT, may_record, _l("Confirm"),
                   endpoint="conduct_violations.confirm_proposal", style="success"),
        Transition("dismiss", frozenset({S.PROPOSED}), S.DISMISSED, may_record, _l("Dismiss"),
                   endpoint="conduct_violations.dismiss_proposal", note_required=True, style="outline-danger"),
        # the proposing module withdraws a proposal its source no longer supports (attendance: a correction or
        # approved leave cleared the lateness); a system step, never a button
        Transition("retract", frozenset({S.PROPOSED}), S.DISMISSED, lambda user, v: True, _l("Withdrawn by its source"),
                   note_required=True, automatic=True),
        Transition("submit", frozenset({S.DRAFT}), S.SUBMITTED, may_record, _l("Submit"),
                   endpoint="conduct_violations.submit_violation", style="primary",
                   confirm=_l("Submit this violation? The person is told and may respond.")),
        Transition("withdraw", frozenset({S.DRAFT}), S.VOID, may_record, _l("Withdraw"),
                   endpoint="conduct_violations.withdraw_violation", style="outline-danger",
                   confirm=_l("Withdraw this draft?")),
        # review/: the person's response
        Transition("acknowledge", frozenset({S.SUBMITTED}), S.ACKNOWLEDGED, is_subject, _l("Acknowledge"),
                   endpoint="conduct_review.acknowledge_violation", style="success"),
        Transition("appeal", frozenset({S.SUBMITTED}), S.APPEALED, is_subject, _l("Appeal"),
                   endpoint="conduct_review.appeal_violation", note_required=True, style="outline-warning"),
        Transition("acknowledge_by_silence", frozenset({S.SUBMITTED}), S.ACKNOWLEDGED, lambda user, v: True,
                   _l("Acknowledged by silence"), automatic=True),
        # review/: HR's review, the general manager's decision, the second approval
        Transition("finalize", REVIEWABLE, S.FINAL, may_review, _l("Confirm"),
                   endpoint="conduct_review.review_violation", style="success"),
        Transition("finalize_above_cap", REVIEWABLE, S.AWAITING_SECOND, may_review, _l("Confirm"),
                   automatic=True),
        Transition("refer", frozenset({S.APPEALED}), S.REFERRED, may_review, _l("Refer to the general manager"),
                   endpoint="conduct_review.refer_violation", note_required=True),
        Transition("uphold", frozenset({S.REFERRED}), S.FINAL, is_deciding_manager, _l("Uphold"),
                   endpoint="conduct_review.decide_referred", note_required=True, style="success"),
        Transition("uphold_above_cap", frozenset({S.REFERRED}), S.AWAITING_SECOND, is_deciding_manager,
                   _l("Uphold"), note_required=True, automatic=True),
        Transition("overturn", frozenset({S.REFERRED}), S.VOID, is_deciding_manager, _l("Overturn"),
                   endpoint="conduct_review.decide_referred", note_required=True, style="outline-danger"),
        Transition("second_approve", frozenset({S.AWAITING_SECOND}), S.FINAL, may_second_approve,
                   _l("Second approval"), endpoint="conduct_review.second_approve_violation", style="success"),
        Transition("void", VOIDABLE, S.VOID, may_review, _l("Void"),
                   endpoint="conduct_review.void_violation", note_required=True, style="outline-danger",
                   confirm=_l("Void this violation?")),
    ),
)
