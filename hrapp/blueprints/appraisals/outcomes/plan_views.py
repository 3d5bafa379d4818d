"""Improvement plans: the list (HR all, heads their departments', staff their own), a plan's page and its review
(met / not met with a note, on or after the review date)."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.appraisals.access import AppraisalPerm, can_view_improvement_plan
from hrapp.core.errors import STALE_MESSAGE
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.models import ImprovementPlan, ImprovementStatus
from hrapp.permissions import get_or_404, permission_required, visible_departments

from . import plans, queries
from .access import can_review_plan
from .forms import PlanReviewForm


@permission_required(AppraisalPerm.VIEW)
def list_improvement_plans():
    """Plans by status, cycle and department, the nearest review first."""
    page = queries.PLANS.page(queries.plans_query(current_user), request.args,
                              endpoint="appraisal_outcomes.list_improvement_plans")
    return render_template("appraisals/outcomes/plan_list.html", page=page, statuses=list(ImprovementStatus),
                           cycles=queries.cycles(), departments=visible_departments(current_user),
                           title=_("Improvement plans"))


def _plan_page(plan: ImprovementPlan, form: PlanReviewForm | None = None, status: int = 200):
    if form is None:
        form = PlanReviewForm(obj=plan)
        form.result.data = None
    form.set_choices()
    return render_template("appraisals/outcomes/plan_detail.html", plan=plan, form=form,
                           title=_("Improvement plan")), status


@permission_required(AppraisalPerm.VIEW)
def show_improvement_plan(improvement_plan_id: int):
    """The plan: goals, review date, its review; the review form for whoever may review it."""
    return _plan_page(get_or_404(ImprovementPlan, improvement_plan_id, check=can_view_improvement_plan))


@permission_required(AppraisalPerm.LEAD)
def review_improvement_plan(improvement_plan_id: int):
    """Record the review: met or not met, with a note."""
    plan = get_or_404(ImprovementPlan, improvement_plan_id, check=can_view_improvement_plan)
    form = PlanReviewForm()
    form.set_choices()
    if form.stale_for(plan):
        form.form_errors.append(str(STALE_MESSAGE))
        return _plan_page(plan, form, 409)
    if not can_review_plan(current_user, plan):
        abort(403)
    if not form.validate_on_submit():
        return _plan_page(plan, form)
    try:
        plans.review_plan(current_user, plan, form.expected_version(), form.result.data or "", form.note.data or "")
        db.session.commit()
    except ValidationFailed as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return _plan_page(plan, form)
    flash(_("Review recorded."), "success")
    return redirect(url_for("appraisal_outcomes.show_improvement_plan", improvement_plan_id=plan.id))
