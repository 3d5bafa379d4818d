"""The review's pages: HR's queue, the appeals referred to a general manager, a violation's review page, and the
POST steps of the panel (each: load and check, validate, one service, commit, flash, redirect)."""
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.conduct.access import ConductPerm, can_view_violation
from hrapp.blueprints.conduct.workflow import VIOLATION_WORKFLOW
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.core.workflow import TransitionForbidden
from hrapp.extensions import db
from hrapp.models import Violation
from hrapp.period_close import PeriodClosed
from hrapp.permissions import get_or_404, permission_required

from . import queries
from .forms import AcknowledgeForm, AppealForm, DecideForm, ReasonForm, ReviewForm, SecondApproveForm
from .panel import review_panel
from .services import decisions, responses

bp = Blueprint("conduct_review", __name__, url_prefix="/conduct/review")
RECORD_PAGE = "conduct_violations.show_violation"  # the violations part's record page, which includes the panel


def record_url(violation: Violation) -> str:
    """The violation's record page (the violations part's when registered, else the review page)."""
    endpoint = RECORD_PAGE if RECORD_PAGE in current_app.view_functions else "conduct_review.show_violation"
    return url_for(endpoint, violation_id=violation.id)


@bp.get("/")
@permission_required(ConductPerm.REVIEW)
def list_queue():
    """HR's queue: acknowledged, appealed, awaiting a second approval, referred; by department, state, month."""
    page = queries.QUEUE.page(queries.review_queue(), request.args, "conduct_review.list_queue")
    return render_template("conduct/review/queue.html", page=page, states=queries.QUEUE_STATES,
                           departments=queries.department_choices(), title=_("Violations to review"))


@bp.get("/referred")
@login_required
def list_referred():
    """The appeals HR referred to me as the general manager of a unit."""
    if not queries.is_general_manager(current_user):
        abort(403)
    page = queries.QUEUE.page(queries.referred_to(current_user), request.args, "conduct_review.list_referred")
    return render_template("conduct/review/referred.html", page=page, title=_("Appeals referred to me"))


def _page(violation: Violation, forms: dict | None = None, status: int = 200, errors: list | None = None):
    return render_template("conduct/review/violation.html", violation=violation,
                           panel=review_panel(violation, forms, errors),
                           title=_("Violation %(number)s", number=violation.number)), status


@bp.get("/violations/<int:violation_id>")
@login_required
def show_violation(violation_id: int):
    """A violation's essentials and its review panel (the steps open to me, the decision, the history)."""
    return _page(get_or_404(Violation, violation_id, check=can_view_violation))[0]


def _step(violation_id: int, step: str, form_class, action, done: str, panel_step: str | None = None):
    """Take `step` through `action(violation, form)` if its access rule admits me (else 403); a stale page gets
    the "changed by someone else" message (409), other refusals come back on the page with what was typed."""
    violation = get_or_404(Violation, violation_id, check=can_view_violation)
    if not VIOLATION_WORKFLOW.transition(step).allowed(current_user, violation):
        abort(403)
    form, key = form_class(), panel_step or step
    if not form.validate_on_submit():
        return _page(violation, {key: form})
    try:
        action(violation, form)
    except StaleRecord:
        db.session.rollback()
        form.form_errors.append(str(STALE_MESSAGE))
        return _page(violation, {key: form}, 409)
    except ValidationFailed as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors, {"note": "reason" if "reason" in form else "grounds"})
        return _page(violation, {key: form}, 422)
    except PeriodClosed as exc:
        db.session.rollback()
        flash(str(exc), "danger")
        return redirect(record_url(violation))
    except TransitionForbidden:
        db.session.rollback()
        abort(403)
    db.session.commit()
    flash(done, "success")
    return redirect(record_url(violation))


@bp.post("/violations/<int:violation_id>/acknowledge")
@login_required
def acknowledge_violation(violation_id: int):
    """The person accepts the violation."""
    return _step(violation_id, "acknowledge", AcknowledgeForm, lambda v, f: responses.acknowledge_violation(
        current_user, v, f.expected_version()), _("You acknowledged the violation."))


@bp.post("/violations/<int:violation_id>/appeal")
@login_required
def appeal_violation(violation_id: int):
    """The person appeals with their grounds."""
    return _step(violation_id, "appeal", AppealForm, lambda v, f: responses.appeal_violation(
        current_user, v, f.grounds.data, f.expected_version()), _("Your appeal was sent to HR."))


@bp.post("/violations/<int:violation_id>/review")
@login_required
def review_violation(violation_id: int):
    """HR confirms, at the recorded amount or an adjusted one, with a reason."""
    return _step(violation_id, "finalize", ReviewForm, lambda v, f: decisions.review_violation(
        current_user, v, f.amount.data, f.reason.data, f.expected_version()), _("Review saved."))


@bp.post("/violations/<int:violation_id>/void")
@login_required
def void_violation(violation_id: int):
    """HR voids the violation, with a reason."""
    return _step(violation_id, "void", ReasonForm, lambda v, f: decisions.void_violation(
        current_user, v, f.reason.data, f.expected_version()), _("Violation voided."))


@bp.post("/violations/<int:violation_id>/refer")
@login_required
def refer_violation(violation_id: int):
    """HR refers an appeal to the general manager of the person's unit."""
    return _step(violation_id, "refer", ReasonForm, lambda v, f: decisions.refer_violation(
        current_user, v, f.reason.data, f.expected_version()), _("Appeal referred to the general manager."))


@bp.post("/violations/<int:violation_id>/decide")
@login_required
def decide_referred(violation_id: int):
    """The general manager upholds (possibly adjusted) or overturns a referred appeal, with a reason."""
    return _step(violation_id, "uphold", DecideForm, lambda v, f: decisions.decide_referred(
        current_user, v, f.outcome.data == "uphold", f.amount.data, f.reason.data, f.expected_version()),
        _("Decision saved."))


@bp.post("/violations/<int:violation_id>/second-approve")
@login_required
def second_approve_violation(violation_id: int):
    """A second approver (not the first reviewer) confirms a fine above the company cap."""
    return _step(violation_id, "second_approve", SecondApproveForm, lambda v, f: decisions.second_approve_violation(
        current_user, v, f.note.data, f.expected_version()), _("Second approval given."))
