"""Setting cycles up (HR): new, edit, extend a deadline, add a person hired after opening. Each: load and check,
the form, one service call, commit, redirect; a refusal comes back on the form, a stale page gets the stale
message (409)."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import errors_onto_form
from hrapp.extensions import db
from hrapp.models import AppraisalCycle
from hrapp.permissions import get_or_404, permission_required

from ..access import AppraisalPerm, can_view_cycle
from .access import can_add_person, can_edit_cycle
from .forms import AddPersonForm, CycleCreateForm, CycleFields, ExtendForm
from .messages import CycleError
from .opening import add_person as add_person_to_cycle
from .services import create_cycle, update_cycle
from .services import extend_deadline as extend_cycle_deadline
from .views import page


def _form_page(form, cycle: AppraisalCycle | None, status: int = 200):
    title = _("Edit the cycle %(name)s", name=cycle.name) if cycle else _("New appraisal cycle")
    return render_template("appraisals/cycles/cycle_form.html", form=form, cycle=cycle, title=title), status


def _show(cycle_id: int):
    return redirect(url_for("appraisal_cycles.show_cycle", cycle_id=cycle_id))


@permission_required(AppraisalPerm.MANAGE)
def new_cycle():
    """A new cycle over a period (a quarter by default), with its deadlines and calibration guide."""
    form = CycleCreateForm()
    if form.validate_on_submit():
        try:
            with duplicates_refused(CycleError):
                cycle = create_cycle(current_user, form.draft(form.period.data))
                db.session.commit()
        except CycleError as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Cycle created: open it when the templates are ready."), "success")
            return _show(cycle.id)
    return _form_page(form, None)


@login_required
def edit_cycle(cycle_id: int):
    """Change the deadlines, the days to respond, the guide and the note."""
    cycle = get_or_404(AppraisalCycle, cycle_id, check=can_view_cycle)
    if not can_edit_cycle(current_user, cycle):
        abort(403)
    form = CycleFields()
    if not form.is_submitted():
        form.fill_from(cycle)
    elif form.validate():
        try:
            update_cycle(current_user, cycle, form.draft(), form.expected_version())
            db.session.commit()
        except StaleRecord:
            db.session.rollback()
            form.form_errors.append(str(STALE_MESSAGE))
            return _form_page(form, db.session.get(AppraisalCycle, cycle_id), 409)
        except CycleError as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Cycle saved."), "success")
            return _show(cycle_id)
    return _form_page(form, cycle)


@login_required
def extend_deadline(cycle_id: int):
    """Move a stage's deadline later, with a reason; the people concerned are told."""
    cycle = get_or_404(AppraisalCycle, cycle_id, check=can_view_cycle)
    if not can_edit_cycle(current_user, cycle):
        abort(403)
    form = ExtendForm()
    if form.stale_for(cycle):
        form.form_errors.append(str(STALE_MESSAGE))
        return page(cycle, 409, extend_form=form)
    if not form.validate_on_submit():
        return page(cycle, extend_form=form)
    try:
        told = extend_cycle_deadline(current_user, cycle, form.field.data, form.new_day.data, form.reason.data,
                                     form.expected_version())
        db.session.commit()
    except StaleRecord:
        db.session.rollback()
        form.form_errors.append(str(STALE_MESSAGE))
        return page(db.session.get(AppraisalCycle, cycle_id), 409, extend_form=form)
    except CycleError as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return page(cycle, extend_form=form)
    flash(_("Deadline extended; %(count)s people were told.", count=told), "success")
    return _show(cycle_id)


@login_required
def add_person(cycle_id: int):
    """Add a person hired after opening (before calibration)."""
    cycle = get_or_404(AppraisalCycle, cycle_id, check=can_view_cycle)
    if not can_add_person(current_user, cycle):
        abort(403)
    form = AddPersonForm()
    if not form.validate_on_submit():
        return page(cycle, add_form=form)
    try:
        with duplicates_refused(CycleError):
            add_person_to_cycle(current_user, cycle, form.staff_number.data)
            db.session.commit()
    except CycleError as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return page(db.session.get(AppraisalCycle, cycle_id), add_form=form)
    flash(_("Appraisal added."), "success")
    return _show(cycle_id)
