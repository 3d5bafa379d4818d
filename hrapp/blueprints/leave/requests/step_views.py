"""The POST views of a request's steps: load and check, the step's form, one service call, commit, redirect. A
stale page gets the STALE message (409); other refusals come back on the request's page."""
from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.leave.access import can_view_request
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.validation import errors_onto_form
from hrapp.core.workflow import TransitionForbidden, TransitionRefused
from hrapp.extensions import db
from hrapp.models import LeaveRequest, LeaveStatus
from hrapp.period_close import PeriodClosed
from hrapp.permissions import check_or_404, get_or_404

from . import steps
from .forms import CutShortForm, LeaveStepForm
from .messages import LeaveRequestError
from .views import page
from .workflow import APPROVALS, LEAVE_WORKFLOW


def _allowed(*names):
    return lambda user, leave: any(LEAVE_WORKFLOW.transition(n).allowed(user, leave) for n in names)


def _step(request_id: int, names: tuple, run, done, form_class=LeaveStepForm):
    """Take a step if its rule admits me (else 403; out of scope 404); `run(leave, form)` calls the service."""
    leave = get_or_404(LeaveRequest, request_id, check=can_view_request)
    check_or_404(leave, _allowed(*names))
    form = form_class()
    forms = {"cut_form": form} if form_class is CutShortForm else {"form": form}
    if not form.validate_on_submit():
        return page(leave, **forms)
    try:
        run(leave, form)
    except StaleRecord:
        db.session.rollback()
        form.form_errors.append(str(STALE_MESSAGE))
        return page(db.session.get(LeaveRequest, request_id), **forms, status=409)
    except (TransitionRefused, LeaveRequestError) as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return page(leave, **forms)
    except (TransitionForbidden, PeriodClosed) as exc:
        db.session.rollback()
        form.form_errors.append(str(exc) if isinstance(exc, PeriodClosed) else _("You may not take this step."))
        return page(leave, **forms)
    db.session.commit()
    flash(done(leave), "success")
    return redirect(url_for("leave_requests.show_request", request_id=request_id))


@login_required
def approve_request(request_id: int):
    """The head approves (on to HR where the type says so); HR approves."""
    return _step(request_id, APPROVALS, lambda leave, form: steps.approve(current_user, leave,
                                                                          form.expected_version()),
                 lambda leave: _("Leave approved.") if leave.status == LeaveStatus.APPROVED
                 else _("Approved; the request now waits for HR."))


@login_required
def reject_request(request_id: int):
    """The head or HR rejects, with a reason."""
    return _step(request_id, ("reject",), lambda leave, form: steps.reject(
        current_user, leave, form.expected_version(), form.note.data or ""), lambda leave: _("Leave rejected."))


@login_required
def withdraw_request(request_id: int):
    """The person withdraws a request not decided yet."""
    return _step(request_id, ("withdraw",), lambda leave, form: steps.withdraw(
        current_user, leave, form.expected_version()), lambda leave: _("Request withdrawn."))


@login_required
def cancel_request(request_id: int):
    """Cancel approved leave before it starts (the person, their heads, HR)."""
    return _step(request_id, ("cancel",), lambda leave, form: steps.cancel(
        current_user, leave, form.expected_version(), form.note.data or ""), lambda leave: _("Leave cancelled."))


@login_required
def cut_short_request(request_id: int):
    """End started leave on a chosen day (their heads, HR)."""
    return _step(request_id, ("cut_short",), lambda leave, form: steps.cut_short(
        current_user, leave, form.expected_version(), form.last_day.data, form.note.data or ""),
        lambda leave: _("Leave cut short."), form_class=CutShortForm)
