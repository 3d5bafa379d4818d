"""Sign-off's pages: the person's acknowledge and appeal steps (POST, back to the appraisal page), HR's decision
page and the appeals list. Each: load and check, validate, one service, commit, flash, redirect."""
from flask import abort, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.core.workflow import REFUSALS, TransitionForbidden
from hrapp.extensions import db
from hrapp.models import Appraisal
from hrapp.permissions import get_or_404, visible_departments

from ..access import can_decide_appeal, can_manage_appraisals, can_view_appraisal
from . import queries, rules, services
from .access import can_list_appeals, is_the_person
from .forms import AcknowledgeForm, AppealForm, DecideForm
from .notices import appraisal_url


def _respond(appraisal_id: int, form_class, action, done: str):
    """The person's step through `action(appraisal, form)`: a stale page, a closed deadline or missing grounds
    come back as a message on the appraisal page; anyone but the person is refused (403; out of scope 404)."""
    appraisal = get_or_404(Appraisal, appraisal_id, check=can_view_appraisal)
    if not is_the_person(current_user, appraisal):
        abort(403)
    form = form_class()
    if form.stale_for(appraisal):
        flash(str(STALE_MESSAGE), "warning")
        return redirect(appraisal_url(appraisal))
    if not form.validate_on_submit():
        for messages in form.errors.values():
            for message in messages:
                flash(str(message), "danger")
        return redirect(appraisal_url(appraisal))
    try:
        action(appraisal, form)
    except StaleRecord:
        db.session.rollback()
        flash(str(STALE_MESSAGE), "warning")
        return redirect(appraisal_url(appraisal))
    except TransitionForbidden:
        db.session.rollback()
        flash(str(REFUSALS["wrong_state"]), "warning")
        return redirect(appraisal_url(appraisal))
    except ValidationFailed as exc:
        db.session.rollback()
        for messages in exc.errors.values():
            for message in messages:
                flash(str(message), "danger")
        return redirect(appraisal_url(appraisal))
    db.session.commit()
    flash(done, "success")
    return redirect(appraisal_url(appraisal))


@login_required
def acknowledge_result(appraisal_id: int):
    """The person acknowledges their published result."""
    return _respond(appraisal_id, AcknowledgeForm, lambda a, f: services.acknowledge(
        current_user, a, f.expected_version()), _("You acknowledged your appraisal result."))


@login_required
def appeal_result(appraisal_id: int):
    """The person appeals their published result, with their grounds."""
    return _respond(appraisal_id, AppealForm, lambda a, f: services.appeal(
        current_user, a, f.note.data, f.expected_version()), _("Your appeal was sent to HR."))


def _decide_page(appraisal: Appraisal, form: DecideForm, status: int = 200):
    return render_template("appraisals/signoff/decide.html", appraisal=appraisal, form=form,
                           back_url=appraisal_url(appraisal),
                           title=_("Appeal of %(name)s", name=_subject_name(appraisal))), status


def _subject_name(appraisal: Appraisal) -> str:
    return appraisal.staff.display_name if appraisal.staff is not None else appraisal.department.name


@login_required
def decide_appeal(appraisal_id: int):
    """HR's decision on an appeal: uphold, or adjust the total, with a reason. Once decided, the page shows the
    decision (a second clerk deciding on the same page gets the stale message)."""
    appraisal = get_or_404(Appraisal, appraisal_id, check=can_view_appraisal)
    if not can_manage_appraisals(current_user):
        abort(403)
    form = DecideForm()
    if form.stale_for(appraisal):
        form.form_errors.append(str(STALE_MESSAGE))
        return _decide_page(appraisal, form, 409)
    if request.method == "POST" and not can_decide_appeal(current_user, appraisal):
        form.form_errors.append(str(REFUSALS["wrong_state"]))
        return _decide_page(appraisal, form, 409)
    if not form.validate_on_submit():
        return _decide_page(appraisal, form, 422 if form.is_submitted() else 200)
    try:
        services.decide(current_user, appraisal, form.decision.data, rules.parse_total(form.total.data),
                        form.reason.data, form.expected_version())
    except StaleRecord:
        db.session.rollback()
        form.form_errors.append(str(STALE_MESSAGE))
        return _decide_page(appraisal, form, 409)
    except ValidationFailed as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors, {"note": "reason", "state": "_form"})
        return _decide_page(appraisal, form, 422)
    except TransitionForbidden:
        db.session.rollback()
        abort(403)
    db.session.commit()
    flash(_("The appeal was decided."), "success")
    return redirect(appraisal_url(appraisal))


@login_required
def list_appeals():
    """HR's appeals: those to decide and those decided, with filters (cycle, department, status, person),
    sorting and pages."""
    if not can_list_appeals(current_user):
        abort(403)
    page = queries.APPEALS.page(queries.appeals_query(), request.args, "appraisal_signoff.list_appeals")
    return render_template("appraisals/signoff/appeals.html", page=page, cycles=queries.cycles(),
                           departments=visible_departments(current_user), states=queries.APPEAL_STATES,
                           open_count=queries.open_appeal_count(), title=_("Appraisal appeals"))
