"""Blackout periods: HR sets them for any department or the whole company, heads for their departments; the list,
add, edit, and delete after a confirmation."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.leave.access import LeavePerm, can_manage_leave
from hrapp.blueprints.leave.setup import services
from hrapp.blueprints.leave.setup.forms import BlackoutCreateForm, BlackoutForm
from hrapp.blueprints.leave.setup.queries import blackouts_for, can_edit_blackout
from hrapp.company import company_today
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.forms import ConfirmForm, posted_version
from hrapp.models import Department, LeaveBlackout
from hrapp.naming import display_name
from hrapp.permissions import get_or_404, permission_required, visible_departments


def _department_choices(form: BlackoutForm) -> None:
    own = [(d.id, f"{d.code} {display_name(d)}") for d in visible_departments(current_user)]
    form.department_id.choices = ([(None, _("Whole company"))] if can_manage_leave(current_user) else []) + own


def _department(form: BlackoutForm) -> Department | None:
    return db.session.get(Department, form.department_id.data) if form.department_id.data else None


@permission_required(LeavePerm.APPROVE)
def list_blackouts():
    """The blackouts the user sees (those not yet over; `?past=1` for all), with their actions."""
    past = request.args.get("past") == "1"
    rows = blackouts_for(current_user, past, company_today())
    return render_template("leave/setup/blackout_list.html", blackouts=rows, past=past, form=ConfirmForm(),
                           editable={b.id for b in rows if can_edit_blackout(current_user, b)},
                           title=_("Blackout periods"))


@permission_required(LeavePerm.APPROVE)
def create_blackout():
    """HR (any department or company-wide) or a head (their departments) adds a blackout."""
    form = BlackoutCreateForm()
    _department_choices(form)
    if form.validate_on_submit():
        try:
            services.create_blackout(current_user, _department(form), form.starts_on.data, form.ends_on.data,
                                     form.reason.data)
            db.session.commit()
        except ValidationFailed as exc:
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Blackout period added."), "success")
            return redirect(url_for("leave_setup.list_blackouts"))
    return render_template("leave/setup/blackout_form.html", form=form, blackout=None, title=_("New blackout period"))


@permission_required(LeavePerm.APPROVE)
def edit_blackout(blackout_id: int):
    """Change a blackout's department, days or reason."""
    blackout = get_or_404(LeaveBlackout, blackout_id, check=can_edit_blackout)
    form = BlackoutForm(data=None if request.method == "POST" else {
        "department_id": blackout.department_id, "starts_on": blackout.starts_on, "ends_on": blackout.ends_on,
        "reason": blackout.reason, "version_id": blackout.version_id})
    _department_choices(form)
    if form.validate_on_submit():
        try:
            services.update_blackout(current_user, blackout, _department(form), form.starts_on.data,
                                     form.ends_on.data, form.reason.data, form.expected_version())
            db.session.commit()
        except StaleRecord:
            form.form_errors.append(str(STALE_MESSAGE))
        except ValidationFailed as exc:
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Blackout period saved."), "success")
            return redirect(url_for("leave_setup.list_blackouts"))
    return render_template("leave/setup/blackout_form.html", form=form, blackout=blackout,
                           title=_("Edit blackout period"))


@permission_required(LeavePerm.APPROVE)
def delete_blackout(blackout_id: int):
    """Remove a blackout (the list's button asks for a confirmation first)."""
    blackout = get_or_404(LeaveBlackout, blackout_id, check=can_edit_blackout)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    # a stale page raises StaleRecord: the app's 409 page with the stale message, nothing changed
    services.delete_blackout(current_user, blackout, posted_version(request.form.get("version_id")))
    db.session.commit()
    flash(_("Blackout period deleted."), "success")
    return redirect(url_for("leave_setup.list_blackouts"))
