"""Staff list, profile, create/edit, and self-service contact edits."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.attachments.panel import attachment_panel
from hrapp.blueprints.staff.access import can_self_edit, can_view_sensitive
from hrapp.blueprints.staff.choices import fill_staff_choices
from hrapp.blueprints.staff.filters import list_filters
from hrapp.blueprints.staff.forms import ContactForm, StaffCreateForm, StaffForm
from hrapp.blueprints.staff.rules import STAFF_FIELDS, StaffData
from hrapp.blueprints.staff.services import (
    STAFF_LISTING,
    StaffValidationError,
    StaleRecordError,
    check_staff,
    create_staff,
    staff_query,
    superior_id_for,
    update_own_contact,
    update_staff,
)
from hrapp.company import company_today
from hrapp.core.errors import STALE_MESSAGE
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import show_failure, validate_with_rules
from hrapp.extensions import db
from hrapp.models import StaffMember
from hrapp.pay import pay_history, wage_on
from hrapp.permissions import Perm, can_view_staff, get_or_404, has_perm, permission_required

bp = Blueprint("staff", __name__, url_prefix="/staff")


@bp.route("/")
@permission_required(Perm.STAFF_VIEW)
def list_staff():
    """Staff in the user's scope, searchable, filterable, sortable, paginated."""
    form, filters = list_filters(request.args)
    page = STAFF_LISTING.page(staff_query(current_user, filters), request.args)
    return render_template("staff/staff_list.html", page=page, form=form, title=_("Staff"))


@bp.route("/<int:staff_id>")
@login_required
def show_staff(staff_id: int):
    """A staff member's profile; ID number, today's pay and attached files only for HR and the person, the pay
    history (and pay-change events) only for HR and administrators."""
    staff = get_or_404(StaffMember, staff_id, check=can_view_staff)
    today = company_today()
    wage = wage_on(staff, today) if can_view_sensitive(current_user, staff) else None
    pay_rows = pay_history(staff, today) if has_perm(current_user, Perm.PAY_VIEW) else None
    return render_template("staff/staff_detail.html", staff=staff, wage=wage, pay_rows=pay_rows,
                           attachments=attachment_panel("staff", staff, current_user), title=staff.display_name)


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


def _check_form(form: StaffForm, staff: StaffMember | None) -> None:
    """Every problem with the submitted values, the superior's staff number included, in one answer.

    :raise StaffValidationError: field -> messages.
    """
    errors, superior_id = {}, None
    try:
        superior_id = superior_id_for(form.superior_number.data)
    except StaffValidationError as exc:
        errors = exc.errors
    values = {name: form[name].data for name in STAFF_FIELDS if name in form}
    try:
        check_staff(StaffData(**values, superior_id=superior_id), staff)
    except StaffValidationError as exc:
        errors |= exc.errors
    if errors:
        raise StaffValidationError(errors)


# The service reports the superior by id; the form asks for a staff number.
ALIASES = {"superior_id": "superior_number"}


@bp.route("/new", methods=["GET", "POST"])
@permission_required(Perm.STAFF_EDIT)
def create_staff_member():
    """Create a staff record (HR)."""
    form = StaffCreateForm()
    fill_staff_choices(form, current_user)
    if validate_with_rules(form, lambda: _check_form(form, None), ALIASES):
        try:
            with duplicates_refused(StaffValidationError):
                staff = create_staff(_form_data(form), current_user)
                db.session.commit()
        except StaffValidationError as exc:
            show_failure(form, exc, ALIASES)
        else:
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
    if validate_with_rules(form, lambda: _check_form(form, staff), ALIASES):
        try:
            update_staff(staff, _form_data(form), current_user, expected_version=form.expected_version(),
                         effective_on=form.effective_on.data)
        except StaleRecordError:
            form.form_errors.append(str(STALE_MESSAGE))
        except StaffValidationError as exc:
            show_failure(form, exc, ALIASES)
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
                               form.emergency_contact_phone.data or "", form.expected_version())
        except StaleRecordError:
            form.form_errors.append(str(STALE_MESSAGE))
        except StaffValidationError as exc:
            show_failure(form, exc, ALIASES)
        else:
            db.session.commit()
            flash(_("Your contact details were saved."), "success")
            return redirect(url_for("staff.show_staff", staff_id=staff.id))
    return render_template("staff/contact_form.html", form=form, staff=staff, title=_("My contact details"))
