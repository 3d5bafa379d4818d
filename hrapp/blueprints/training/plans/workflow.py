"""A training plan's declared steps, on the shared workflow mechanism (hrapp.core.workflow).

draft / returned -> submitted (a head of the department, or HR) ; submitted -> approved (HR) | returned (HR, with a
reason) ; approved -> draft (HR reopens it, with a reason). HR hears of a submitted plan; the department's heads
hear of HR's decision.
"""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.training.access import can_manage_training, leads_department
from hrapp.core.approvers import hr_users
from hrapp.core.workflow import Transition, Workflow
from hrapp.models import PlanStatus as S
from hrapp.models import TrainingPlan

PLAN_KIND = "training.plan"  # the notification kind


def may_submit(user, plan: TrainingPlan) -> bool:
    """A head of the plan's department (or above), or HR."""
    return leads_department(user, plan.department)


def may_decide(user, plan: TrainingPlan) -> bool:
    """HR approves, returns and reopens plans."""
    return can_manage_training(user)


def plan_link(plan: TrainingPlan) -> str:
    return f"/training/plans/{plan.id}"


def _what(plan: TrainingPlan) -> dict:
    return {"department": plan.department.name, "year": plan.year}


def _to_hr(plan, actor, note):  # noqa: ARG001
    users = [u for u in hr_users() if u.id != actor.id]
    return (users, lambda: _("The training plan %(year)s of %(department)s waits for your approval.", **_what(plan)),
            plan_link(plan), PLAN_KIND)


def _to_heads(text):
    def notifier(plan, actor, note):
        users = [u for u in plan.department.heads if u.is_enabled and u.id != actor.id]
        return (users, lambda: text(plan, note), plan_link(plan), PLAN_KIND)
    return notifier


_approved = _to_heads(lambda plan, note: _("HR approved the training plan %(year)s of %(department)s.", **_what(plan)))
_returned = _to_heads(lambda plan, note: _("HR returned the training plan %(year)s of %(department)s: %(reason)s",
                                           reason=note, **_what(plan)))
_reopened = _to_heads(lambda plan, note: _("HR reopened the training plan %(year)s of %(department)s: %(reason)s",
                                           reason=note, **_what(plan)))

PLAN_WORKFLOW = Workflow(
    name="training_plan",
    url_args=lambda plan: {"plan_id": plan.id},
    audit_label=lambda plan: f"{plan.department.code} {plan.year}",
    transitions=(
        Transition("submit", frozenset({S.DRAFT, S.RETURNED}), S.SUBMITTED, may_submit, _l("Submit to HR"),
                   endpoint="training_plans.submit_plan", notify=_to_hr, style="primary",
                   confirm=_l("Submit this plan to HR? It cannot be changed while HR decides.")),
        Transition("approve", frozenset({S.SUBMITTED}), S.APPROVED, may_decide, _l("Approve"),
                   endpoint="training_plans.approve_plan", notify=_approved, style="success"),
        Transition("return", frozenset({S.SUBMITTED}), S.RETURNED, may_decide, _l("Return"),
                   endpoint="training_plans.return_plan", note_required=True, notify=_returned,
                   style="outline-danger"),
        Transition("reopen", frozenset({S.APPROVED}), S.DRAFT, may_decide, _l("Reopen"),
                   endpoint="training_plans.reopen_plan", note_required=True, notify=_reopened,
                   style="outline-warning", confirm=_l("Reopen this approved plan as a draft?")),
    ),
)
