"""Plan pages: the list, a new plan, a plan by quarter with its totals and steps, its budget, filling it from the
sources."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.training.access import TrainingPerm, can_view_plan
from hrapp.company import company_today
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.core.workflow import available
from hrapp.extensions import db
from hrapp.forms import ConfirmForm
from hrapp.models import PlanStatus, TrainingPlan
from hrapp.permissions import get_or_404, permission_required

from . import services
from .forms import PlanCreateForm, PlanForm, StepForm
from .queries import (
    PLANS,
    can_change_plan,
    can_issue_plan,
    department_choices,
    led_departments,
    may_choose_department,
    plan_view,
    plans_query,
)
from .workflow import PLAN_WORKFLOW


@permission_required(TrainingPerm.LEAD)
def list_plans():
    """The plans I see (HR all, heads their departments'): year, department and status filters, pages."""
    page = PLANS.page(plans_query(current_user), request.args)
    return render_template("training/plans/plan_list.html", page=page, statuses=list(PlanStatus),
                           departments=led_departments(current_user), title=_("Training plans"))


@permission_required(TrainingPerm.LEAD)
def create_plan():
    """A head starts their department's plan for a year (HR any department's)."""
    form = PlanCreateForm()
    form.department_id.choices = department_choices(current_user)
    if request.method == "GET":
        form.year.data = company_today().year
    if form.validate_on_submit():
        department = may_choose_department(current_user, form.department_id.data)
        if department is None:
            abort(403)
        try:
            with duplicates_refused():
                plan = services.create_plan(current_user, department, form.year.data, form.budget_hours.data,
                                            form.budget_cost.data, form.note.data or "")
                db.session.commit()
        except ValidationFailed as exc:
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Plan created."), "success")
            return redirect(url_for("training_plans.show_plan", plan_id=plan.id))
    return render_template("training/plans/plan_form.html", form=form, plan=None, title=_("New training plan"))


def page(plan: TrainingPlan, form=None, status: int = 200):
    """A plan's page; a form given keeps its messages after a refusal."""
    form = form or StepForm(formdata=None)
    if form.version_id.data in (None, ""):
        form.version_id.data = plan.version_id
    return render_template("training/plans/plan_detail.html", plan=plan, view=plan_view(plan), form=form,
                           workflow=PLAN_WORKFLOW, actions=available(PLAN_WORKFLOW, plan, current_user),
                           editable=can_change_plan(current_user, plan), issuable=can_issue_plan(current_user, plan),
                           confirm=ConfirmForm(formdata=None),
                           title=_("Training plan %(year)s · %(department)s", year=plan.year,
                                   department=plan.department.name)), status


@permission_required(TrainingPerm.LEAD)
def show_plan(plan_id: int):
    """A plan: items by quarter, totals against the budget, the steps open to me."""
    return page(get_or_404(TrainingPlan, plan_id, check=can_view_plan))


@permission_required(TrainingPerm.LEAD)
def edit_plan(plan_id: int):
    """Change the budget and note of a draft or returned plan."""
    plan = get_or_404(TrainingPlan, plan_id, check=can_view_plan)
    form = PlanForm(data=None if request.method == "POST" else {
        "budget_hours": plan.budget_hours, "budget_cost": plan.budget_cost, "note": plan.note,
        "version_id": plan.version_id})
    if form.validate_on_submit():
        try:
            services.update_plan(current_user, plan, form.budget_hours.data, form.budget_cost.data,
                                 form.note.data or "", form.expected_version())
            db.session.commit()
        except StaleRecord:
            db.session.rollback()
            form.form_errors.append(str(STALE_MESSAGE))
        except ValidationFailed as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Plan saved."), "success")
            return redirect(url_for("training_plans.show_plan", plan_id=plan.id))
    return render_template("training/plans/plan_form.html", form=form, plan=plan,
                           title=_("Budget of the training plan %(year)s", year=plan.year))


@permission_required(TrainingPerm.LEAD)
def fill_plan(plan_id: int):
    """Add what positions' required training, expected new hires and open needs call for (never twice)."""
    plan = get_or_404(TrainingPlan, plan_id, check=can_view_plan)
    form = StepForm()
    if not form.validate_on_submit():
        return page(plan, form)
    try:
        added = services.fill_from_sources(current_user, plan, form.expected_version())
        db.session.commit()
    except StaleRecord:
        db.session.rollback()
        form.form_errors.append(str(STALE_MESSAGE))
        return page(db.session.get(TrainingPlan, plan_id), form, status=409)
    except ValidationFailed as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return page(plan, form)
    flash(_("%(count)s items added or updated from the sources.", count=len(added)) if added
          else _("Nothing new from the sources: the plan already holds what they call for."), "success")
    return redirect(url_for("training_plans.show_plan", plan_id=plan_id))
