"""Outcomes: the list (HR all, heads their departments' read-only), confirming a suggestion (a reward proposal, a
training need or an improvement plan, each with its own form) and dismissing one with a note."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.appraisals.access import AppraisalPerm
from hrapp.blueprints.conduct.rewards.services import reward_rules
from hrapp.company import company_today
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.models import AppraisalOutcome, Course, OutcomeKind, OutcomeStatus
from hrapp.period_close import PeriodClosed
from hrapp.permissions import check_or_404, get_or_404, permission_required, visible_departments

from . import queries, services
from .access import can_decide_outcome, can_view_outcome
from .forms import DismissOutcomeForm, ImprovementConfirmForm, RewardConfirmForm, TrainingConfirmForm


def _list_page(form=None, status: int = 200):
    page = queries.OUTCOMES.page(queries.outcomes_query(current_user), request.args,
                                 endpoint="appraisal_outcomes.list_outcomes")
    return render_template("appraisals/outcomes/outcome_list.html", page=page, kinds=list(OutcomeKind),
                           statuses=list(OutcomeStatus), cycles=queries.cycles(),
                           departments=visible_departments(current_user),
                           form=form or DismissOutcomeForm(formdata=None), title=_("Appraisal outcomes")), status


@permission_required(AppraisalPerm.LEAD)
def list_outcomes():
    """Suggested, confirmed and dismissed outcomes by cycle, kind, status and department, newest first."""
    return _list_page()


def _reward_form(outcome: AppraisalOutcome):
    form = RewardConfirmForm(obj=None if request.method == "POST" else outcome)
    rows = reward_rules()
    form.set_choices(rows)
    if request.method == "GET":
        form.reason.data = _("%(cycle)s appraisal: excellent", cycle=outcome.appraisal.cycle.name)
    kinds = {rule.code: version.kind.value for rule, version in rows}
    return form, lambda: services.confirm_reward(current_user, outcome, form.expected_version(),
                                                 form.choice(kinds), company_today())


def _training_form(outcome: AppraisalOutcome):
    form = TrainingConfirmForm(obj=None if request.method == "POST" else outcome)
    form.course_id.choices = queries.active_courses()
    if request.method == "GET":
        form.topic.data = queries.weakest_topic(outcome.appraisal)
    return form, lambda: services.confirm_training(
        current_user, outcome, form.expected_version(), form.topic.data or "",
        db.session.get(Course, form.course_id.data) if form.course_id.data else None)


def _improvement_form(outcome: AppraisalOutcome):
    form = ImprovementConfirmForm(obj=None if request.method == "POST" else outcome)
    return form, lambda: services.confirm_improvement(current_user, outcome, form.expected_version(),
                                                      form.goals.data or "", form.review_on.data, company_today())


FORMS = {OutcomeKind.REWARD: _reward_form, OutcomeKind.TRAINING: _training_form,
         OutcomeKind.IMPROVEMENT: _improvement_form}


@permission_required(AppraisalPerm.MANAGE)
def confirm_outcome(outcome_id: int):
    """The confirm form of the outcome's kind; posting it creates the reward proposal, the need or the plan."""
    outcome = get_or_404(AppraisalOutcome, outcome_id, check=can_view_outcome)
    if request.method == "GET":
        check_or_404(outcome, can_decide_outcome)
    form, confirm = FORMS[outcome.kind](outcome)
    status = 200
    if form.stale_for(outcome):  # the stale answer first, whatever else the page sent
        form.form_errors.append(str(STALE_MESSAGE))
        status = 409
    elif form.validate_on_submit():
        try:
            confirm()
            db.session.commit()
        except (ValidationFailed, PeriodClosed) as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors if isinstance(exc, ValidationFailed) else {"_form": [str(exc)]})
        else:
            flash(_("Outcome confirmed."), "success")
            return redirect(url_for("appraisal_outcomes.list_outcomes"))
    return render_template("appraisals/outcomes/outcome_confirm.html", form=form, outcome=outcome,
                           title=_("Confirm the outcome")), status


@permission_required(AppraisalPerm.MANAGE)
def dismiss_outcome(outcome_id: int):
    """Set a suggestion aside, with a note."""
    outcome = get_or_404(AppraisalOutcome, outcome_id, check=can_view_outcome)
    form = DismissOutcomeForm()
    if not form.validate_on_submit() and "csrf_token" in form.errors:
        abort(400)
    try:  # the service checks the version first, so a stale page is told so whatever else it sent
        services.dismiss_outcome(current_user, outcome, form.expected_version(), form.note.data or "")
        db.session.commit()
    except StaleRecord as exc:
        db.session.rollback()
        form.form_errors.append(str(exc))
        return _list_page(form, 409)
    except ValidationFailed as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return _list_page(form)
    flash(_("Outcome dismissed."), "success")
    return redirect(url_for("appraisal_outcomes.list_outcomes"))
