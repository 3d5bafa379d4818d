"""HR's changes to one result in calibration: adjust it (or undo the adjustment) with a reason, or return it to
its scorer. Load and check, the form, one service, commit, flash, redirect; a stale page gets the stale message
(409) and nothing is lost."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.appraisals.access import AppraisalPerm, can_calibrate
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.core.workflow import TransitionForbidden, TransitionRefused
from hrapp.extensions import db
from hrapp.models import Appraisal
from hrapp.permissions import get_or_404, permission_required

from . import services
from .access import may_calibrate_appraisal
from .forms import AdjustForm, ReturnForm, UndoForm
from .queries import person_of


def _page(appraisal: Appraisal, form=None, undo=None, back=None, status: int = 200):
    form = form or AdjustForm(formdata=None)
    undo = undo or UndoForm(formdata=None)
    back = back or ReturnForm(formdata=None)
    for each in (form, undo, back):
        if each.version_id.data in (None, ""):
            each.version_id.data = appraisal.version_id
    number, name = person_of(appraisal)
    return render_template("appraisals/calibration/adjust.html", appraisal=appraisal, form=form, undo=undo,
                           back=back, open=can_calibrate(current_user, appraisal), number=number, name=name,
                           title=_("Calibrate %(name)s", name=name)), status


def _run(appraisal_id: int, form, action, done: str):
    """Validate `form`, call `action(appraisal, form)`, commit; the page again with errors on failure."""
    appraisal = get_or_404(Appraisal, appraisal_id, check=may_calibrate_appraisal)
    forms = {type(form).__name__: form}
    if not form.validate_on_submit():
        return _page(appraisal, forms.get("AdjustForm"), forms.get("UndoForm"), forms.get("ReturnForm"), 422)
    try:
        action(appraisal, form)
    except StaleRecord:
        db.session.rollback()
        form.form_errors.append(str(STALE_MESSAGE))
        fresh = db.session.get(Appraisal, appraisal_id)
        form.version_id.data = fresh.version_id
        return _page(fresh, forms.get("AdjustForm"), forms.get("UndoForm"), forms.get("ReturnForm"), 409)
    except (ValidationFailed, TransitionRefused) as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return _page(db.session.get(Appraisal, appraisal_id), forms.get("AdjustForm"), forms.get("UndoForm"),
                     forms.get("ReturnForm"), 422)
    except TransitionForbidden:
        db.session.rollback()
        form.form_errors.append(str(services.NOT_OPEN))
        return _page(db.session.get(Appraisal, appraisal_id), forms.get("AdjustForm"), forms.get("UndoForm"),
                     forms.get("ReturnForm"), 422)
    db.session.commit()
    flash(done, "success")
    return redirect(url_for("appraisal_calibration.calibrate_cycle", cycle_id=appraisal.cycle_id,
                            department=appraisal.department_id))


@permission_required(AppraisalPerm.MANAGE)
def adjust_result(appraisal_id: int):
    """GET: the result, its history and the forms. POST: a new total with a reason."""
    if request.method == "GET":
        return _page(get_or_404(Appraisal, appraisal_id, check=may_calibrate_appraisal))
    return _run(appraisal_id, AdjustForm(), lambda a, f: services.adjust_result(
        current_user, a, f.total.data, f.reason.data, f.expected_version()), _("The result is adjusted."))


@permission_required(AppraisalPerm.MANAGE)
def undo_adjustment(appraisal_id: int):
    """Back to the head's total, with a reason."""
    return _run(appraisal_id, UndoForm(), lambda a, f: services.undo_calibration(
        current_user, a, f.reason.data, f.expected_version()), _("The result is back to the head's total."))


@permission_required(AppraisalPerm.MANAGE)
def return_to_head(appraisal_id: int):
    """The workflow step return_to_head: back to the scorer with a reason (they are told)."""
    return _run(appraisal_id, ReturnForm(), lambda a, f: services.return_to_head(
        current_user, a, f.note.data or "", f.expected_version()), _("The appraisal is returned to the head."))

