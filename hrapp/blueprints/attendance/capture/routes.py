"""The staff member's punch button, and HR's device user ids (unmapped ids, overrides)."""
import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.attendance.access import AttendancePerm
from hrapp.blueprints.attendance.punch_store import FUTURE
from hrapp.blueprints.attendance.settings import attendance_settings
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import ValidationFailed, show_failure
from hrapp.extensions import db
from hrapp.models import DeviceUserId, StaffMember
from hrapp.models.base import utcnow
from hrapp.naming import display_name
from hrapp.permissions import get_or_404, has_perm, permission_required

from . import device_ids, services
from .forms import DeviceUserIdCreateForm, DeviceUserIdEditForm, DeviceUserIdRemoveForm, MapClockIdForm, PunchForm
from .rules import address_allowed

bp = Blueprint("attendance_capture", __name__, url_prefix="/attendance")


def _own_staff() -> StaffMember:
    if not has_perm(current_user, AttendancePerm.VIEW):
        abort(403)
    staff = current_user.staff
    if staff is None:
        abort(404)
    return staff


@bp.route("/punch", methods=["GET", "POST"])
@login_required
def punch():
    """The punch button (phone first) and the person's punches today and this week."""
    staff, form = _own_staff(), PunchForm()
    allowed = address_allowed(request.remote_addr, attendance_settings().web_punch_networks)
    if request.method == "POST" and not allowed:
        flash(_("Punching on the web is only possible from the company's network."), "error")
    elif form.validate_on_submit():
        result = services.web_punch(staff, current_user, utcnow(), request.remote_addr or "")
        db.session.commit()
        if result.stored:
            flash(_("Punch recorded."), "success")
        elif result.refused:
            flash(_("A punch in the future cannot be recorded.") if result.refused[0][1] == FUTURE
                  else _("You cannot punch outside your employment."), "error")
        else:
            flash(_("This punch was already recorded."), "info")
        return redirect(url_for("attendance_capture.punch"))
    today, earlier = services.own_punches(staff, utcnow())
    return render_template("attendance/capture/punch.html", form=PunchForm(formdata=None), allowed=allowed,
                           today=today, earlier=earlier, title=_("Punch"))


def person_of(form) -> StaffMember | None:
    """The person the form's staff number names (exactly, else ignoring case), or None with the field's error set."""
    number = form.staff_number.data
    staff = StaffMember.numbered(number) or \
        db.session.scalar(sa.select(StaffMember).where(sa.func.lower(StaffMember.staff_number) == number.lower())
                          .order_by(StaffMember.id).limit(1))
    if staff is None:
        form.staff_number.errors = [*form.staff_number.errors, _("No one has this staff number.")]
    return staff


def _ids_page(map_form=None, add_form=None, status=200):
    map_form = map_form or MapClockIdForm(formdata=None)
    add_form = add_form or DeviceUserIdCreateForm(formdata=None)
    overrides = db.session.scalars(sa.select(DeviceUserId).join(DeviceUserId.staff)
                                   .order_by(StaffMember.staff_number)).all()
    return render_template("attendance/capture/ids.html", unmapped=device_ids.unmapped_ids(), overrides=overrides,
                           map_form=map_form, add_form=add_form, title=_("Device user ids")), status


@bp.route("/ids")
@permission_required(AttendancePerm.MANAGE)
def list_ids():
    """Unmapped clock ids, each with a form to map it, and the people's clock id overrides."""
    return _ids_page()


@bp.route("/ids/map", methods=["POST"])
@permission_required(AttendancePerm.MANAGE)
def map_id():
    """Map one unmapped clock id to a person; their waiting punches follow."""
    form = MapClockIdForm()
    if form.validate_on_submit() and (staff := person_of(form)) is not None:
        try:
            with duplicates_refused():
                count = device_ids.map_clock_id(form.clock_id.data, staff, current_user)
                db.session.commit()
        except ValidationFailed as exc:
            db.session.rollback()
            show_failure(form, exc)
        else:
            flash(_("Clock id %(id)s is now %(name)s's; %(count)s punches assigned.", id=form.clock_id.data,
                    name=display_name(staff), count=count), "success")
            return redirect(url_for("attendance_capture.list_ids"))
    return _ids_page(map_form=form, status=422)


@bp.route("/ids/new", methods=["POST"])
@permission_required(AttendancePerm.MANAGE)
def add_id():
    """Give a person a clock id other than their staff number."""
    form = DeviceUserIdCreateForm()
    if form.validate_on_submit() and (staff := person_of(form)) is not None:
        try:
            with duplicates_refused():
                device_ids.add_override(staff, form.clock_id.data, current_user)
                db.session.commit()
        except ValidationFailed as exc:
            db.session.rollback()
            show_failure(form, exc)
        else:
            flash(_("Clock id saved."), "success")
            return redirect(url_for("attendance_capture.list_ids"))
    return _ids_page(add_form=form, status=422)


@bp.route("/ids/<int:override_id>/edit", methods=["GET", "POST"])
@permission_required(AttendancePerm.MANAGE)
def edit_id(override_id: int):
    """Change a person's clock id (versioned)."""
    override = get_or_404(DeviceUserId, override_id)
    form = DeviceUserIdEditForm(data=None if request.method == "POST" else {
        "clock_id": override.clock_id, "version_id": override.version_id})
    if form.validate_on_submit():
        try:
            with duplicates_refused():
                device_ids.change_override(override, form.clock_id.data, form.expected_version(), current_user)
                db.session.commit()
        except StaleRecord:
            db.session.rollback()
            form.form_errors.append(str(STALE_MESSAGE))
        except ValidationFailed as exc:
            db.session.rollback()
            show_failure(form, exc)
        else:
            flash(_("Clock id saved."), "success")
            return redirect(url_for("attendance_capture.list_ids"))
    return render_template("attendance/capture/id_form.html", form=form, override=override,
                           remove_form=DeviceUserIdRemoveForm(formdata=None, version_id=override.version_id),
                           title=_("Clock id of %(name)s", name=display_name(override.staff)))


@bp.route("/ids/<int:override_id>/remove", methods=["POST"])
@permission_required(AttendancePerm.MANAGE)
def remove_id(override_id: int):
    """Remove a person's clock id override (versioned; a stale page gets the 409 page)."""
    override = get_or_404(DeviceUserId, override_id)
    form = DeviceUserIdRemoveForm()
    if not form.validate_on_submit():
        abort(400)
    device_ids.remove_override(override, form.expected_version(), current_user)
    db.session.commit()
    flash(_("Clock id removed; the clocks know this person by their staff number again."), "success")
    return redirect(url_for("attendance_capture.list_ids"))
