"""Staff list, profile, create/edit, and self-service contact edits."""
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.attachments.panel import attachment_panel
from hrapp.blueprints.staff.choices import fill_staff_choices
from hrapp.blueprints.staff.filters import list_filters
from hrapp.blueprints.staff.forms import ContactForm, StaffForm
from hrapp.blueprints.staff.rules import STAFF_FIELDS, StaffData
from hrapp.blueprints.staff.services import (
    StaffValidationError,
    StaleRecordError,
    create_staff,
    staff_query,
    superior_id_for,
    update_own_contact,
    update_staff,
)
from hrapp.extensions import db
from hrapp.models import StaffMember
from hrapp.permissions import Perm, can_self_edit, can_view_staff, get_or_404, permission_required

bp = Blueprint("staff", __name__, url_prefix="/staff")


@bp.route("/")
@permission_required(Perm.STAFF_VIEW)
def list_staff():
    """Staff in the user's scope, searchable, filterable, sortable, paginated."""
    form, filters = list_filters(request.args)
    per_page = min(request.args.get("per_page", current_app.config["PER_PAGE"], type=int) or 25, 200)
    page = db.paginate(staff_query(current_user, filters), per_page=per_page, max_per_page=200, count=True)
    return render_template("staff/staff_list.html", page=page, form=form, title=_("Staff"))


@bp.route("/<int:staff_id>")
@login_required
def show_staff(staff_id: int):
    """A staff member's profile; ID number, pay and attached files only for HR and the person."""
    staff = get_or_404(StaffMember, staff_id, check=can_view_staff)
    return render_template("staff/staff_detail.html", staff=staff, title=staff.display_name,
                           attachments=attachment_panel("staff", staff, current_user))


@bp.route("/me")
@login_required
def my_profile():
    """The logged-in person's own record."""
    if not current_user.staff_id:
        abort(404)
    return show_staff(current_user.staff_id)


def _form_data(form: StaffForm) -> StaffData:
    """The form's values as StaffData; the superior is entered by staff number.

    :raise StaffValidationError: the superior's staff number is unknown.
    """
    values = {name: form[name].data for name in STAFF_FIELDS if name in form}
    return StaffData(**values, superior_id=superior_id_for(form.superior_number.data))


def _apply_errors(form, errors: dict) -> None:
    for name, messages in errors.items():
        name = "superior_number" if name == "superior_id" else name
        (form[name].errors if name in form else form.form_errors).extend(str(m) for m in messages)


@bp.route("/new", methods=["GET", "POST"])
@permission_required(Perm.STAFF_EDIT)
def create_staff_member():
    """Create a staff record (HR)."""
    form = StaffForm()
    fill_staff_choices(form, current_user)
    if form.validate_on_submit():
        try:
            staff = create_staff(_form_data(form), current_user)
        except StaffValidationError as exc:
            _apply_errors(form, exc.errors)
        else:
            db.session.commit()
            flash(_("Staff member %(name)s created.", name=staff.name_zh), "success")
            return redirect(url_for("staff.show_staff", staff_id=staff.id))
    return render_template("staff/staff_form.html", form=form, staff=None, title=_("New staff member"))


@bp.route("/<int:staff_id>/edit", methods=["GET", "POST"])
@permission_required(Perm.STAFF_EDIT)
def edit_staff(staff_id: int):
    """Edit a staff record (HR); a change made meanwhile by someone else is refused, not overwritten."""
    staff = get_or_404(StaffMember, staff_id, check=can_view_staff)
    form = StaffForm(obj=staff, superior_number=staff.superior.staff_number if staff.superior else "")
    fill_staff_choices(form, current_user)
    if form.validate_on_submit():
        try:
            update_staff(staff, _form_data(form), current_user, expected_version=int(form.version_id.data or 0),
                         effective_on=form.effective_on.data)
        except StaleRecordError:
            form.form_errors.append(_("Someone else changed this record; reload and try again."))
        except StaffValidationError as exc:
            _apply_errors(form, exc.errors)
        else:
            db.session.commit()
            flash(_("Changes saved."), "success")
            return redirect(url_for("staff.show_staff", staff_id=staff.id))
    return render_template("staff/staff_form.html", form=form, staff=staff, title=_("Edit %(name)s", name=staff.name_zh))


@bp.route("/<int:staff_id>/contact", methods=["GET", "POST"])
@login_required
def edit_contact(staff_id: int):
    """Self-service: the person edits their own phone and emergency contact."""
    staff = get_or_404(StaffMember, staff_id, check=can_self_edit)
    form = ContactForm(obj=staff)
    if form.validate_on_submit():
        try:
            update_own_contact(staff, current_user, form.phone.data or "", form.emergency_contact_name.data or "",
                               form.emergency_contact_phone.data or "", int(form.version_id.data or 0))
        except StaleRecordError:
            form.form_errors.append(_("Someone else changed this record; reload and try again."))
        except StaffValidationError as exc:
            _apply_errors(form, exc.errors)
        else:
            db.session.commit()
            flash(_("Your contact details were saved."), "success")
            return redirect(url_for("staff.show_staff", staff_id=staff.id))
    return render_template("staff/contact_form.html", form=form, staff=staff, title=_("My contact details"))
