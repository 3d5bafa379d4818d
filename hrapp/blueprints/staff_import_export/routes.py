"""Staff import (upload, preview, confirm), its template file, and staff export (CSV, XLSX)."""
import io

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from hrapp.blueprints.staff.filters import list_filters
from hrapp.blueprints.staff.services import StaffValidationError
from hrapp.blueprints.staff_import_export.columns import COLUMNS, STAFF_FIELD_OF
from hrapp.blueprints.staff_import_export.export import export_table
from hrapp.blueprints.staff_import_export.forms import ImportConfirmForm, ImportUploadForm
from hrapp.blueprints.staff_import_export.messages import COLUMN_HELP, file_message
from hrapp.blueprints.staff_import_export.reader import FileProblem
from hrapp.blueprints.staff_import_export.services import ImportPlan, apply_import, plan_staged, preview_upload
from hrapp.blueprints.staff_import_export.staging import (
    StagedImportForbidden,
    StagedImportMissing,
    discard_staged,
    load_staged,
    stage_import,
)
from hrapp.blueprints.staff_import_export.writer import MIMETYPES, build_csv, build_xlsx
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.permissions import Perm, permission_required

bp = Blueprint("staff_import_export", __name__, url_prefix="/staff-import-export")


def _zh() -> bool:
    """Chinese headers and values for Chinese users, English ones otherwise (both import)."""
    return str(get_locale() or "zh").startswith("zh")


def _download(body: bytes, fmt: str, name: str):
    return send_file(io.BytesIO(body), mimetype=MIMETYPES[fmt], as_attachment=True, download_name=name)


def _preview(plan: ImportPlan, token: str | None):
    zh = _zh()
    field_names = {STAFF_FIELD_OF.get(c.key, c.key): c.header(zh) for c in COLUMNS}
    confirm = ImportConfirmForm(formdata=None, token=token) if token else None
    return render_template("staff_import_export/import_preview.html", plan=plan, counts=plan.counts, confirm=confirm,
                           field_names=field_names, title=_("Import preview"))


@bp.route("/import", methods=["GET", "POST"])
@permission_required(Perm.STAFF_IMPORT)
def import_staff():
    """Upload a file; every row is parsed and validated and a preview shown. Nothing is saved yet."""
    form = ImportUploadForm()
    if form.validate_on_submit():
        try:
            plan = preview_upload(form.file.data.filename, form.file.data.read())
        except FileProblem as exc:
            form.file.errors.append(file_message(exc.code, exc.detail))
        else:
            token = None
            if plan.can_commit and plan.has_changes:
                token = stage_import(current_app.config["IMPORT_DIR"], current_user.id, plan.filename,
                                     plan.header_names, plan.staged_rows())
            return _preview(plan, token)
    return render_template("staff_import_export/import_form.html", form=form, columns=COLUMNS, column_help=COLUMN_HELP,
                           zh=_zh(), title=_("Import staff"))


@bp.route("/import/confirm", methods=["POST"])
@permission_required(Perm.STAFF_IMPORT)
def confirm_import():
    """Apply a previewed import, validated again first: all rows or none."""
    form, import_dir = ImportConfirmForm(), current_app.config["IMPORT_DIR"]
    try:
        if not form.validate_on_submit():
            raise StagedImportMissing(form.token.data)
        staged = load_staged(import_dir, form.token.data, current_user.id)
        plan = plan_staged(staged)
    except StagedImportMissing:
        flash(_("This import has expired or was already done; upload the file again."), "warning")
        return redirect(url_for("staff_import_export.import_staff"))
    except StagedImportForbidden:
        abort(403)
    if not plan.can_commit:
        discard_staged(import_dir, staged.token)
        flash(_("The records changed since the preview; nothing was imported."), "error")
        return _preview(plan, None)
    try:
        counts = apply_import(plan, current_user)
    except (StaffValidationError, IntegrityError):  # changed meanwhile, e.g. a second confirm racing this one
        db.session.rollback()
        flash(_("The records changed while importing; nothing was imported. Upload the file again."), "error")
        return redirect(url_for("staff_import_export.import_staff"))
    db.session.commit()
    discard_staged(import_dir, staged.token)
    flash(_("Import done: %(create)s created, %(update)s updated, %(unchanged)s unchanged.", **counts), "success")
    return redirect(url_for("staff.list_staff"))


@bp.route("/import/template.xlsx")
@permission_required(Perm.STAFF_IMPORT)
def download_template():
    """An empty XLSX with the import's header row."""
    headers = [c.header(_zh()) for c in COLUMNS]
    return _download(build_xlsx(headers, []), "xlsx", "staff-import-template.xlsx")


@bp.route("/export.<any(csv, xlsx):fmt>")
@permission_required(Perm.STAFF_EXPORT)
def export_staff(fmt: str):
    """The staff list, with the list's filters and the user's scope, as CSV or XLSX."""
    _form, filters = list_filters(request.args)
    headers, rows = export_table(current_user, filters, zh=_zh())
    body = build_csv(headers, rows) if fmt == "csv" else build_xlsx(headers, rows)
    return _download(body, fmt, f"staff-{company_today():%Y%m%d}.{fmt}")
