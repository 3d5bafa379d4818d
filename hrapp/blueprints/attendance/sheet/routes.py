"""The sheet's pages: a department's month (web and XLSX) for its heads and HR, HR's payroll export."""
import io
from datetime import timedelta

from flask import Blueprint, abort, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.attendance.access import AttendancePerm
from hrapp.blueprints.attendance.settings import attendance_settings, penalised_by_conduct
from hrapp.blueprints.reports.access import issue_url
from hrapp.blueprints.reports.registry import versions_of
from hrapp.company import company_today
from hrapp.core.sheets import MIMETYPE, csv_bytes, workbook_bytes
from hrapp.extensions import db
from hrapp.labels import label
from hrapp.models import DayStatus, Department, PenaltyRoute
from hrapp.period_close import closed_for
from hrapp.permissions import check_or_404, permission_required, visible_departments

from . import exports, rules
from .access import can_view_sheet
from .documents import SHEET_KIND, sheet_subject_key
from .services import build_sheet

bp = Blueprint("attendance_sheet", __name__, url_prefix="/attendance/sheet")


def _month(text: str):
    first = rules.parse_month(text)
    if first is None:
        abort(404)
    return first


def _department(code: str) -> Department:
    """The department of `code` (any case) the user may see the sheet of; 404 when unknown or out of scope."""
    department = db.session.scalar(db.select(Department).where(Department.code == code.strip().upper()[:20]))
    if department is None:
        abort(404)
    return check_or_404(department, can_view_sheet)


@bp.get("/")
@permission_required(AttendancePerm.DEPARTMENT)
def show_index():
    """The picker's target: the sheet of the chosen department and month (the user's first, this month)."""
    departments = [d for d in visible_departments(current_user) if can_view_sheet(current_user, d)]
    wanted = (request.args.get("department") or "").strip().upper()
    chosen = next((d for d in departments if d.code == wanted), departments[0] if departments else None)
    if chosen is None:
        abort(404)
    first = rules.parse_month(request.args.get("month", "")) or company_today().replace(day=1)
    return redirect(url_for("attendance_sheet.show_sheet", code=chosen.code, month=first.strftime("%Y-%m")))


@bp.get("/<code>/<month>")
@permission_required(AttendancePerm.DEPARTMENT)
def show_sheet(code: str, month: str):
    """A department's monthly sheet: a mark per person and day, the totals; the signed versions once closed."""
    department, first = _department(code), _month(month)
    sheet = build_sheet(department, first)
    close = closed_for("attendance", department, first, sheet.last)
    documents = versions_of(SHEET_KIND, sheet_subject_key(department, first)) if close is not None else []
    return render_template(
        "attendance/sheet/sheet.html", sheet=sheet, department=department, close=close, documents=documents,
        issue_link=issue_url(SHEET_KIND, close) if close is not None else None,
        departments=[d for d in visible_departments(current_user) if can_view_sheet(current_user, d)],
        distinct_cells={c for row in sheet.rows for c in row.cells},
        headers=exports.total_headers(sheet), status_titles={s.value: label(s) for s in DayStatus},
        lines=[(row, [rules.number(v) for v in exports.total_values(sheet, row)]) for row in sheet.rows],
        prev_month=(first - timedelta(days=1)).strftime("%Y-%m"),
        next_month=(sheet.last + timedelta(days=1)).strftime("%Y-%m"),
        title=_("Monthly attendance sheet"))


@bp.get("/<code>/<month>/xlsx")
@permission_required(AttendancePerm.DEPARTMENT)
def export_sheet(code: str, month: str):
    """The sheet as an XLSX file."""
    department, first = _department(code), _month(month)
    body = workbook_bytes(exports.sheet_table(build_sheet(department, first)))
    return send_file(io.BytesIO(body), mimetype=MIMETYPE, as_attachment=True,
                     download_name=f"attendance-{department.code}-{month}.xlsx")


@bp.get("/payroll")
@permission_required(AttendancePerm.MANAGE)
def show_payroll():
    """HR's payroll export: pick a month and one department or all."""
    first = rules.parse_month(request.args.get("month", "")) or company_today().replace(day=1)
    return render_template("attendance/sheet/payroll.html", month=first.strftime("%Y-%m"),
                           departments=visible_departments(current_user),
                           department=(request.args.get("department") or "").strip().upper(),
                           route=attendance_settings().penalties_via or PenaltyRoute.CONDUCT, title=_("Payroll export"))


@bp.get("/payroll/<month>/<fmt>")
@permission_required(AttendancePerm.MANAGE)
def export_payroll(month: str, fmt: str):
    """The month's payroll lines as CSV or XLSX (`?department=CODE`: one department, else all)."""
    first = _month(month)
    if fmt not in ("csv", "xlsx"):
        abort(404)
    code = (request.args.get("department") or "").strip()
    departments = [_department(code)] if code else visible_departments(current_user)
    by_conduct = penalised_by_conduct(attendance_settings())
    table = exports.payroll_table((build_sheet(d, first) for d in departments), by_conduct,
                                  month)
    body = csv_bytes(table) if fmt == "csv" else workbook_bytes(table)
    mimetype = "text/csv" if fmt == "csv" else MIMETYPE
    return send_file(io.BytesIO(body), mimetype=mimetype, as_attachment=True,
                     download_name=f"payroll-{code.upper() or 'all'}-{month}.{fmt}")
