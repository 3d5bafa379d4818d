"""HR's leave types: the list, add one, edit one, take one out of use (or back), delete one never used."""
import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.leave.access import LeavePerm
from hrapp.blueprints.leave.setup import types
from hrapp.blueprints.leave.setup.forms import TypeCreateForm, TypeForm
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.forms import ConfirmForm, posted_version
from hrapp.models import LeaveType
from hrapp.naming import display_name
from hrapp.permissions import get_or_404, permission_required


@permission_required(LeavePerm.MANAGE)
def list_types():
    """Every leave type in order, in use or not."""
    rows = db.session.scalars(sa.select(LeaveType).order_by(LeaveType.sort_order, LeaveType.id)).all()
    return render_template("leave/setup/type_list.html", types=rows, form=ConfirmForm(),
                           default_codes=types.DEFAULT_CODES, title=_("Leave types"))


@permission_required(LeavePerm.MANAGE)
def create_type():
    """HR adds a leave type."""
    form = TypeCreateForm()
    if form.validate_on_submit():
        try:
            with duplicates_refused():
                leave_type = types.create_type(current_user, form.draft())
                db.session.commit()
        except ValidationFailed as exc:
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Leave type %(name)s added.", name=display_name(leave_type)), "success")
            return redirect(url_for("leave_setup.list_types"))
    return render_template("leave/setup/type_form.html", form=form, leave_type=None, title=_("New leave type"))


def _initial(leave_type: LeaveType) -> dict:
    data = {name: getattr(leave_type, name) for name in types.FIELDS}
    return data | {"balance_kind": leave_type.balance_kind.value, "version_id": leave_type.version_id}


@permission_required(LeavePerm.MANAGE)
def edit_type(type_id: int):
    """HR changes a leave type's names and settings."""
    leave_type = get_or_404(LeaveType, type_id)
    form = TypeForm(data=None if request.method == "POST" else _initial(leave_type))
    if form.validate_on_submit():
        try:
            with duplicates_refused():
                types.update_type(current_user, leave_type, form.draft(), form.expected_version())
                db.session.commit()
        except StaleRecord:
            form.form_errors.append(str(STALE_MESSAGE))
        except ValidationFailed as exc:
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Leave type %(name)s saved.", name=display_name(leave_type)), "success")
            return redirect(url_for("leave_setup.list_types"))
    return render_template("leave/setup/type_form.html", form=form, leave_type=leave_type,
                           is_default=leave_type.code in types.DEFAULT_CODES,
                           title=_("Edit leave type %(name)s", name=display_name(leave_type)))


def _set_active(type_id: int, active: bool):
    leave_type = get_or_404(LeaveType, type_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    # a stale page raises StaleRecord: the app's 409 page with the stale message, nothing changed
    types.set_type_active(current_user, leave_type, active, posted_version(request.form.get("version_id")))
    db.session.commit()
    flash(_("%(name)s is offered again.", name=display_name(leave_type)) if active else
          _("%(name)s is no longer offered; its records stay.", name=display_name(leave_type)), "success")
    return redirect(url_for("leave_setup.list_types"))


@permission_required(LeavePerm.MANAGE)
def deactivate_type(type_id: int):
    """Take a type out of use."""
    return _set_active(type_id, False)


@permission_required(LeavePerm.MANAGE)
def reactivate_type(type_id: int):
    """Put a type back in use."""
    return _set_active(type_id, True)


@permission_required(LeavePerm.MANAGE)
def delete_type(type_id: int):
    """Delete a type nobody used (a default or used type is refused: take it out of use instead)."""
    leave_type = get_or_404(LeaveType, type_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    name = display_name(leave_type)
    try:
        types.delete_type(current_user, leave_type, posted_version(request.form.get("version_id")))
        db.session.commit()
    except ValidationFailed as exc:
        flash(str(exc.message), "danger")
    else:
        flash(_("Leave type %(name)s deleted.", name=name), "success")
    return redirect(url_for("leave_setup.list_types"))
