"""The charts page (every chart of the viewer's scope over a month range) and each chart's table as CSV or XLSX."""
import io

from flask import Blueprint, abort, render_template, request, send_file
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.company import company_today
from hrapp.core.sheets import MIMETYPE, csv_bytes, workbook_bytes
from hrapp.models import Department
from hrapp.permissions import can_view_department, get_or_404, rule_required, visible_departments

from ..access import can_view_charts
from . import catalogue
from .rules import month_range

bp = Blueprint("home_charts", __name__, url_prefix="/charts")
FORMATS = {"csv": "text/csv", "xlsx": MIMETYPE}


def _filters():
    """(month range, chosen department or None, departments in scope) from the query string; a department out of
    the viewer's scope answers 404 (get_or_404)."""
    period = month_range(request.args.get("start"), request.args.get("end"), company_today())
    chosen = request.args.get("department", type=int)
    department = get_or_404(Department, chosen, check=can_view_department) if chosen else None
    return period, department, catalogue.chart_departments(current_user, department)


@bp.route("/")
@rule_required(can_view_charts)
def index():
    """Every chart with its table, for the chosen months and department."""
    period, department, departments = _filters()
    choices = visible_departments(current_user)
    names = {d.id: d for d in choices if departments is None or d.id in departments}
    return render_template("home/charts/index.html", title=_("Charts"), period=period, department=department,
                           choices=choices, figures=catalogue.build(current_user, departments, period, names))


@bp.route("/<name>.<fmt>")
@rule_required(can_view_charts)
def export_chart(name: str, fmt: str):
    """One chart's table as CSV or XLSX (the same filters as the page)."""
    if name not in catalogue.CHARTS or fmt not in FORMATS:
        abort(404)
    period, _department, departments = _filters()
    figure = catalogue.build_one(name, current_user, departments, period)
    body = csv_bytes(figure.table()) if fmt == "csv" else workbook_bytes(figure.table(), *figure.extra_tables())
    return send_file(io.BytesIO(body), mimetype=FORMATS[fmt], as_attachment=True,
                     download_name=f"chart-{name}-{period.first_month}-{period.last_month}.{fmt}")
