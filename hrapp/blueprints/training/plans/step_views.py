"""The POST views of a plan's workflow steps: load and check, the step's form, one service call, commit,
redirect. A stale page gets the stale message (409); other refusals come back on the plan's page."""
from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.training.access import TrainingPerm, can_view_plan
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.validation import errors_onto_form
from hrapp.core.workflow import TransitionRefused
from hrapp.extensions import db
from hrapp.models import TrainingPlan
from hrapp.permissions import check_or_404, get_or_404, permission_required

from .forms import StepForm
from .plan_views import page
from .services import take_step
from .workflow import PLAN_WORKFLOW


def _step(plan_id: int, name: str, done: str):
    plan = get_or_404(TrainingPlan, plan_id, check=can_view_plan)
    check_or_404(plan, PLAN_WORKFLOW.transition(name).allowed)
    form = StepForm()
    if not form.validate_on_submit():
        return page(plan, form)
    try:
        take_step(current_user, plan, name, form.expected_version(), form.note.data or "")
    except StaleRecord:
        db.session.rollback()
        form.form_errors.append(str(STALE_MESSAGE))
        return page(db.session.get(TrainingPlan, plan_id), form, status=409)
    except TransitionRefused as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return page(plan, form)
    db.session.commit()
    flash(done, "success")
    return redirect(url_for("training_plans.show_plan", plan_id=plan_id))


@permission_required(TrainingPerm.LEAD)
def submit_plan(plan_id: int):
    """The head (or HR) submits the plan to HR."""
    return _step(plan_id, "submit", _("Plan submitted to HR."))


@permission_required(TrainingPerm.MANAGE)
def approve_plan(plan_id: int):
    """HR approves a submitted plan."""
    return _step(plan_id, "approve", _("Plan approved."))


@permission_required(TrainingPerm.MANAGE)
def return_plan(plan_id: int):
    """HR returns a submitted plan with a reason."""
    return _step(plan_id, "return", _("Plan returned."))


@permission_required(TrainingPerm.MANAGE)
def reopen_plan(plan_id: int):
    """HR reopens an approved plan as a draft, with a reason."""
    return _step(plan_id, "reopen", _("Plan reopened as a draft."))
