"""A department's roster set-up: shift types (create, edit, retire) and demand per weekday and per date."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.roster.access import RosterPerm, can_edit_department_rosters
from hrapp.blueprints.roster.forms import (
    SHIFT_TYPE_ALIASES,
    ConfirmForm,
    DateDemandForm,
    ShiftTypeCreateForm,
    ShiftTypeForm,
    demand_field,
    weekly_demand_form,
)
from hrapp.blueprints.roster.queries import dated_demand, shift_types_of, weekly_demand
from hrapp.blueprints.roster.services import (
    RosterValidationError,
    save_shift_type,
    set_demand,
    set_shift_type_active,
)
from hrapp.company import company_today
from hrapp.core.errors import STALE_MESSAGE
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import errors_onto_form
from hrapp.extensions import db
from hrapp.forms import posted_version
from hrapp.models import Department, ShiftKind, ShiftType
from hrapp.permissions import get_or_404, permission_required


def _department(department_id: int) -> Department:
    return get_or_404(Department, department_id, check=can_edit_department_rosters)


@permission_required(RosterPerm.ROSTER_EDIT)
def list_shift_types(department_id: int):
    """The department's shift types and markers, retired ones last."""
    department = _department(department_id)
    return render_template("roster/shift_type_list.html", department=department, form=ConfirmForm(),
                           shift_types=shift_types_of(department.id), title=_("Shift types"))


@permission_required(RosterPerm.ROSTER_EDIT)
def edit_shift_type(department_id: int | None = None, shift_type_id: int | None = None):
    """Create a shift type for a department, or edit one."""
    shift_type = db.get_or_404(ShiftType, shift_type_id) if shift_type_id else None
    department = _department(shift_type.department_id if shift_type else department_id)
    form = ShiftTypeForm(obj=shift_type) if shift_type is not None else ShiftTypeCreateForm()
    if form.validate_on_submit():
        if form.is_stale(shift_type):
            abort(409)
        try:
            with duplicates_refused(RosterValidationError):
                save_shift_type(current_user, department, form.shift_type_data(), shift_type)
                db.session.commit()
        except RosterValidationError as exc:
            errors_onto_form(form, exc.errors, SHIFT_TYPE_ALIASES)
        else:
            flash(_("Shift type saved."), "success")
            return redirect(url_for("roster.list_shift_types", department_id=department.id))
    return render_template("roster/shift_type_form.html", form=form, department=department, shift_type=shift_type,
                           title=_("Edit shift type") if shift_type else _("New shift type"))


def _set_active(shift_type_id: int, active: bool):
    shift_type = db.get_or_404(ShiftType, shift_type_id)
    _department(shift_type.department_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    # a stale page raises StaleRecord: the app's 409 page with the stale message, nothing changed
    set_shift_type_active(current_user, shift_type, active, posted_version(request.form.get("version_id")))
    db.session.commit()
    flash(_("Shift type brought back.") if active else _("Shift type retired; cells using it keep it."), "success")
    return redirect(url_for("roster.list_shift_types", department_id=shift_type.department_id))


@permission_required(RosterPerm.ROSTER_EDIT)
def retire_shift_type(shift_type_id: int):
    """Retire a shift type (it can no longer be planned; existing cells keep it)."""
    return _set_active(shift_type_id, False)


@permission_required(RosterPerm.ROSTER_EDIT)
def restore_shift_type(shift_type_id: int):
    """Bring a retired shift type back."""
    return _set_active(shift_type_id, True)


def _work_types(department: Department) -> list[ShiftType]:
    return [t for t in shift_types_of(department.id) if t.kind == ShiftKind.WORK and t.is_active]


def _demand_page(department: Department, work: list[ShiftType], form, date_form: DateDemandForm):
    date_form.shift_type_id.choices = [(t.id, f"{t.code} {t.name}") for t in work]
    return render_template("roster/demand_form.html", department=department, shift_types=work, form=form,
                           field=demand_field, date_form=date_form, dated=dated_demand(department.id, company_today()),
                           title=_("Staff needed per shift"))


def _save_week(department: Department, work: list[ShiftType], form, current: dict) -> bool:
    """Store the changed weekday figures; a refused one puts the service's message on its field."""
    for shift in work:
        for weekday in range(7):
            field = form[demand_field(shift.id, weekday)]
            if field.data == current.get((shift.id, weekday), 0):
                continue
            try:
                set_demand(current_user, department, shift, field.data, weekday=weekday)
            except RosterValidationError as exc:
                field.errors = [str(m) for messages in exc.errors.values() for m in messages]
                return False
    return True


@permission_required(RosterPerm.ROSTER_EDIT)
def edit_demand(department_id: int):
    """People needed on each working shift per weekday (and, below, per date)."""
    department = _department(department_id)
    work, current = _work_types(department), weekly_demand(department.id)
    form = weekly_demand_form(work, current)
    if form.validate_on_submit():
        if form.is_stale(current):
            form.form_errors.append(str(STALE_MESSAGE))
        elif _save_week(department, work, form, current):
            db.session.commit()
            flash(_("Demand saved."), "success")
            return redirect(url_for("roster.edit_demand", department_id=department.id))
        db.session.rollback()
    return _demand_page(department, work, form, DateDemandForm(formdata=None))


@permission_required(RosterPerm.ROSTER_EDIT)
def set_date_demand(department_id: int):
    """People needed on one shift on one date (e.g. a busy holiday)."""
    department = _department(department_id)
    work = _work_types(department)
    form = DateDemandForm()
    form.shift_type_id.choices = [(t.id, t.code) for t in work]
    if form.validate_on_submit():
        shift = next(t for t in work if t.id == form.shift_type_id.data)
        try:
            set_demand(current_user, department, shift, form.required.data, on_date=form.on_date.data)
        except RosterValidationError as exc:
            errors_onto_form(form, exc.errors, {"weekday": "on_date"})
        else:
            db.session.commit()
            flash(_("Demand saved."), "success")
            return redirect(url_for("roster.edit_demand", department_id=department.id))
    return _demand_page(department, work, weekly_demand_form(work, weekly_demand(department.id), bind=False), form)
