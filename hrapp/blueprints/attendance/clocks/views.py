"""HR's time clock pages: the list, register, edit, deactivate / reactivate, and the device's API token
(issued and shown once, or revoked)."""
import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.attendance.access import AttendancePerm
from hrapp.blueprints.attendance.clocks import services
from hrapp.blueprints.attendance.clocks.forms import DeviceCreateForm, DeviceForm
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.listing import Filter, Listing, like_escape, yes_no
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.forms import ConfirmForm, posted_version
from hrapp.models import AttendanceDevice
from hrapp.permissions import get_or_404, permission_required


def _search(query: sa.Select, value: str) -> sa.Select:
    pattern = f"%{like_escape(value)}%"
    return query.where(sa.or_(AttendanceDevice.serial.ilike(pattern, escape="\\"),
                              AttendanceDevice.name.ilike(pattern, escape="\\")))


def _active(query: sa.Select, value: bool) -> sa.Select:
    return query.where(AttendanceDevice.active.is_(value))


DEVICE_LISTING = Listing(
    sorts={"serial": AttendanceDevice.serial, "name": AttendanceDevice.name,
           "seen": AttendanceDevice.last_seen_at},
    default_sort="serial", tiebreak=(AttendanceDevice.id,),
    filters=(Filter("q", _search), Filter("active", _active, parse=yes_no)))


@permission_required(AttendancePerm.MANAGE)
def list_devices():
    """The registered time clocks with when each last spoke and how many punches it delivered."""
    page = DEVICE_LISTING.page(sa.select(AttendanceDevice), request.args)
    return render_template("attendance/clocks/device_list.html", page=page, args=request.args,
                           counts=services.punch_counts([d.id for d in page.items]),
                           departments=services.departments_by_id(), title=_("Time clocks"))


def _form_page(form, device):
    title = _("Edit time clock %(serial)s", serial=device.serial) if device else _("Register a time clock")
    return render_template("attendance/clocks/device_form.html", form=form, device=device, title=title)


@permission_required(AttendancePerm.MANAGE)
def create_device():
    """Register a time clock by its serial number."""
    form = DeviceCreateForm()
    form.set_choices(services.department_choices())
    if form.validate_on_submit():
        try:
            with duplicates_refused():
                device = services.create_device(current_user, form.serial.data, form.name.data, form.timezone.data,
                                                form.department_id.data)
                db.session.commit()
        except ValidationFailed as exc:
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Time clock %(serial)s registered.", serial=device.serial), "success")
            return redirect(url_for("attendance_clocks.show_device", device_id=device.id))
    return _form_page(form, None)


@permission_required(AttendancePerm.MANAGE)
def show_device(device_id: int):
    """A time clock: its settings, when it last spoke, its token, and the actions."""
    device = get_or_404(AttendanceDevice, device_id)
    return _detail(device, None)


def _detail(device: AttendanceDevice, new_token: str | None):
    return render_template("attendance/clocks/device_detail.html", device=device, form=ConfirmForm(),
                           punches=services.punch_counts([device.id]).get(device.id, 0), new_token=new_token,
                           departments=services.departments_by_id(), title=_("Time clock %(serial)s", serial=device.serial))


@permission_required(AttendancePerm.MANAGE)
def edit_device(device_id: int):
    """Change a time clock's serial, name, zone or department."""
    device = get_or_404(AttendanceDevice, device_id)
    form = DeviceForm(obj=device)
    form.set_choices(services.department_choices())
    if request.method == "GET":
        form.version_id.data = device.version_id
    if form.validate_on_submit():
        try:
            with duplicates_refused():
                services.update_device(current_user, device, form.serial.data, form.name.data, form.timezone.data,
                                       form.department_id.data, form.expected_version())
                db.session.commit()
        except StaleRecord:
            db.session.rollback()
            form.form_errors.append(str(STALE_MESSAGE))
        except ValidationFailed as exc:
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Time clock %(serial)s saved.", serial=device.serial), "success")
            return redirect(url_for("attendance_clocks.show_device", device_id=device.id))
    return _form_page(form, device)


def _confirmed_device(device_id: int) -> AttendanceDevice:
    device = get_or_404(AttendanceDevice, device_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    return device


def _set_active(device_id: int, active: bool):
    device = _confirmed_device(device_id)
    # a stale page raises StaleRecord: the app's 409 page with the stale message, nothing changed
    services.set_device_active(current_user, device, active, posted_version(request.form.get("version_id")))
    db.session.commit()
    flash(_("Time clock %(serial)s accepts punches again.", serial=device.serial) if active else
          _("Time clock %(serial)s deactivated: its pushes and its token are refused; its punches stay.",
            serial=device.serial), "success")
    return redirect(url_for("attendance_clocks.show_device", device_id=device.id))


@permission_required(AttendancePerm.MANAGE)
def deactivate_device(device_id: int):
    """Stop accepting a time clock's pushes and token."""
    return _set_active(device_id, False)


@permission_required(AttendancePerm.MANAGE)
def reactivate_device(device_id: int):
    """Accept a deactivated time clock again."""
    return _set_active(device_id, True)


@permission_required(AttendancePerm.MANAGE)
def replace_token(device_id: int):
    """Issue the device's API token and show it in this answer, once (never flashed: the cookie is only signed)."""
    device = _confirmed_device(device_id)
    token = services.issue_device_token(current_user, device, posted_version(request.form.get("version_id")))
    db.session.commit()
    return _detail(device, token)


@permission_required(AttendancePerm.MANAGE)
def revoke_token(device_id: int):
    """Revoke the device's API token: integrations using it are refused from now on."""
    device = _confirmed_device(device_id)
    if services.revoke_device_token(current_user, device, posted_version(request.form.get("version_id"))):
        db.session.commit()
        flash(_("Token revoked: it no longer works."), "success")
    else:
        flash(_("This time clock has no token."), "info")
    return redirect(url_for("attendance_clocks.show_device", device_id=device.id))
