"""HR imports a device export: upload, choose the columns (CSV/XLSX), preview, map unknown ids, confirm."""
import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.attendance.access import AttendancePerm
from hrapp.blueprints.staff_import_export.messages import file_message
from hrapp.blueprints.staff_import_export.staging import (
    StagedImportForbidden,
    StagedImportMissing,
    discard_staged,
    load_staged,
    stage_import,
)
from hrapp.company import company_settings
from hrapp.core.localtime import zone_of
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import AttendanceDevice
from hrapp.naming import display_name
from hrapp.permissions import permission_required

from . import device_ids, importing
from .file_import import FileProblem, parse_upload, parsed_from_staged
from .forms import ImportColumnsForm, ImportConfirmForm, ImportUploadForm, MapClockIdForm
from .messages import line_message
from .routes import bp, person_of
from .rules import Mapping


def _import_dir() -> str:
    return current_app.config["IMPORT_DIR"]


def _stage(parsed, filename: str, device_id) -> str:
    rows, extra = parsed.staged()
    return stage_import(_import_dir(), current_user.id, filename, {}, rows, {**extra, "device_id": device_id})


def _load(token: str):
    """The staged file of `token` and its parse. :raise 404: unknown or expired; 403: someone else's."""
    try:
        staged = load_staged(_import_dir(), token, current_user.id)
        return staged, parsed_from_staged(staged.rows, staged.extra or {})
    except StagedImportForbidden:
        abort(403)
    except (StagedImportMissing, KeyError, TypeError, ValueError):
        abort(404)


@bp.route("/import", methods=["GET", "POST"])
@permission_required(AttendancePerm.MANAGE)
def import_punches():
    """Upload a device export; nothing is stored until the preview is confirmed."""
    form = ImportUploadForm()
    form.device_id.choices = [(None, "")] + [(d.id, d.name or d.serial) for d in db.session.scalars(
        sa.select(AttendanceDevice).order_by(AttendanceDevice.serial))]
    if form.validate_on_submit():
        zone = (form.timezone.data or "").strip() or company_settings().timezone
        if zone_of(zone).key != zone:
            form.timezone.errors.append(_("Unknown time zone."))
        else:
            try:
                parsed = parse_upload(form.file.data.filename, form.file.data.read(), zone)
            except FileProblem as exc:
                form.file.errors.append(file_message(exc.code, exc.detail))
            else:
                token = _stage(parsed, form.file.data.filename, form.device_id.data)
                step = "attendance_capture.preview_import" if parsed.mapping else "attendance_capture.map_columns"
                return redirect(url_for(step, token=token))
    return render_template("attendance/capture/import_form.html", form=form, zone=company_settings().timezone,
                           title=_("Import punches"))


@bp.route("/import/<token>/columns", methods=["GET", "POST"])
@permission_required(AttendancePerm.MANAGE)
def map_columns(token: str):
    """Which column is the user id, the time, the state (CSV/XLSX)."""
    staged, parsed = _load(token)
    form = ImportColumnsForm(token=token)
    choices = [(i, str(h) if h not in (None, "") else f"#{i + 1}") for i, h in enumerate(parsed.headers)]
    form.clock_column.choices = form.time_column.choices = choices
    form.state_column.choices = [(None, _("(none)"))] + choices
    if form.validate_on_submit():
        parsed.read(Mapping(form.clock_column.data, form.time_column.data, form.state_column.data))
        new_token = _stage(parsed, staged.filename, (staged.extra or {}).get("device_id"))
        discard_staged(_import_dir(), token)
        return redirect(url_for("attendance_capture.preview_import", token=new_token))
    return render_template("attendance/capture/import_columns.html", form=form, parsed=parsed,
                           filename=staged.filename, title=_("Columns of %(name)s", name=staged.filename))


@bp.route("/import/<token>")
@permission_required(AttendancePerm.MANAGE)
def preview_import(token: str):
    """What the file would store: lines in error, unknown ids (map them here), then confirm."""
    staged, parsed = _load(token)
    if parsed.mapping is None:
        return redirect(url_for("attendance_capture.map_columns", token=token))
    result = importing.preview(parsed)
    map_form = MapClockIdForm(formdata=None)
    return render_template("attendance/capture/import_preview.html", parsed=parsed, preview=result, token=token,
                           filename=staged.filename, confirm=ImportConfirmForm(formdata=None, token=token),
                           map_form=map_form, line_message=line_message, title=_("Import preview"))


@bp.route("/import/<token>/map", methods=["POST"])
@permission_required(AttendancePerm.MANAGE)
def map_import_id(token: str):
    """Give an id of the file to a person (a clock id override unless it is their staff number)."""
    _load(token)
    form = MapClockIdForm()
    if form.validate_on_submit() and (staff := person_of(form)) is not None:
        try:
            with duplicates_refused():
                device_ids.map_clock_id(form.clock_id.data, staff, current_user)
                db.session.commit()
        except ValidationFailed as exc:
            db.session.rollback()
            flash(" ".join(str(m) for m in exc.messages), "error")
        else:
            flash(_("Clock id %(id)s is now %(name)s's.", id=form.clock_id.data, name=display_name(staff)), "success")
    else:
        flash(" ".join(str(e) for errors in form.errors.values() for e in errors), "error")
    return redirect(url_for("attendance_capture.preview_import", token=token))


@bp.route("/import/<token>/confirm", methods=["POST"])
@permission_required(AttendancePerm.MANAGE)
def confirm_import(token: str):
    """Store the whole file, or nothing."""
    staged, parsed = _load(token)
    form = ImportConfirmForm()
    if not form.validate_on_submit():
        flash(" ".join(str(e) for errors in form.errors.values() for e in errors), "error")
        return redirect(url_for("attendance_capture.preview_import", token=token))
    try:
        result = importing.confirm_import(parsed, current_user, form.keep_unmapped.data, staged.filename,
                                          (staged.extra or {}).get("device_id"))
    except importing.ImportBlocked:
        db.session.rollback()
        flash(_("Nothing was imported: fix the lines in error and map the unknown ids first."), "error")
        return redirect(url_for("attendance_capture.preview_import", token=token))
    db.session.commit()
    discard_staged(_import_dir(), token)
    flash(_("Import done: %(stored)s punches stored, %(duplicates)s already there.", stored=result.stored,
            duplicates=result.duplicates), "success")
    return redirect(url_for("attendance_capture.import_punches"))
