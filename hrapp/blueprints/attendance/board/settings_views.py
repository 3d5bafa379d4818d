"""HR's attendance settings page: the company's policy and each shift type's own windows."""
import sqlalchemy as sa
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import joinedload

from hrapp.blueprints.attendance.access import AttendancePerm
from hrapp.blueprints.attendance.settings import attendance_settings
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.extensions import db
from hrapp.models import ShiftKind, ShiftType
from hrapp.permissions import get_or_404, permission_required

from .forms import SettingsForm, ShiftWindowForm, networks_of
from .services import SETTINGS_FIELDS, WINDOW_FIELDS, shift_windows, update_settings, update_shift_window, version_of


def _shift_types() -> list[ShiftType]:
    return db.session.scalars(sa.select(ShiftType).options(joinedload(ShiftType.department)).where(ShiftType.kind == ShiftKind.WORK)
                              .order_by(ShiftType.department_id, ShiftType.sort_order, ShiftType.code)).all()


def _window_forms(posted: ShiftWindowForm | None = None, posted_id: int | None = None) -> list:
    windows = shift_windows()
    forms = []
    for shift_type in _shift_types():
        if posted is not None and shift_type.id == posted_id:
            forms.append((shift_type, posted))
            continue
        window = windows.get(shift_type.id)
        data = {name: getattr(window, name) for name in WINDOW_FIELDS} if window else {}
        forms.append((shift_type, ShiftWindowForm(formdata=None, data=data | {"version_id": version_of(window)},
                                                  prefix=f"w{shift_type.id}")))
    return forms


def _page(form: SettingsForm, window_forms: list):
    return render_template("attendance/board/settings.html", form=form, window_forms=window_forms,
                           title=_("Attendance settings"))


@permission_required(AttendancePerm.MANAGE)
def edit_settings():
    """The company's attendance policy (VersionedForm on the one settings row)."""
    settings = attendance_settings()
    form = SettingsForm(data={name: getattr(settings, name) for name in SETTINGS_FIELDS}
                        | {"version_id": version_of(settings)})
    if form.validate_on_submit():
        values = {name: getattr(form, name).data for name in SETTINGS_FIELDS}
        values["web_punch_networks"] = "\n".join(networks_of(form.web_punch_networks.data))
        try:
            update_settings(current_user, values, form.expected_version())
        except StaleRecord:
            form.form_errors.append(str(STALE_MESSAGE))
        else:
            db.session.commit()
            flash(_("Attendance settings saved."), "success")
            return redirect(url_for("attendance_board.edit_settings"))
    return _page(form, _window_forms())


@permission_required(AttendancePerm.MANAGE)
def edit_shift_window(shift_type_id: int):
    """One shift type's own windows (empty fields: the company's)."""
    shift_type = get_or_404(ShiftType, shift_type_id)
    form = ShiftWindowForm(prefix=f"w{shift_type.id}")
    if form.validate_on_submit():
        try:
            update_shift_window(current_user, shift_type, {n: getattr(form, n).data for n in WINDOW_FIELDS},
                                form.expected_version())
        except StaleRecord:
            form.form_errors.append(str(STALE_MESSAGE))
        else:
            db.session.commit()
            flash(_("Windows of %(code)s saved.", code=shift_type.code), "success")
            return redirect(url_for("attendance_board.edit_settings"))
    settings = attendance_settings()
    company = SettingsForm(formdata=None, data={name: getattr(settings, name) for name in SETTINGS_FIELDS}
                           | {"version_id": version_of(settings)})
    return _page(company, _window_forms(form, shift_type.id)), 400
