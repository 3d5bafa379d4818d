"""The calibration page of a cycle (distribution, outliers, leniency, the scored results with the adjust
action) and the results list with its CSV / XLSX export. HR sees the whole company; heads their departments',
read only; staff never (403)."""
import io

from flask import abort, render_template, request, send_file
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.appraisals.access import AppraisalPerm, can_calibrate, can_manage_appraisals
from hrapp.blueprints.staff.services import department_subtree_ids
from hrapp.company import company_today
from hrapp.core.listing import positive_int
from hrapp.core.sheets import MIMETYPE, csv_bytes, workbook_bytes
from hrapp.models import Appraisal, AppraisalCycle, AppraisalStatus, CycleStage, Grade
from hrapp.permissions import get_or_404, permission_required, visible_departments

from .access import may_view_calibration
from .charts import grade_chart
from .overview import SCORED_STATUSES, overview
from .queries import export_table, result_ids, result_rows, results_listing, results_query

PAGE_SIZE = 100


def _department_filter() -> int | None:
    raw = (request.args.get("department") or "").strip()[:18]
    try:
        return positive_int(raw) if raw else None
    except ValueError:
        return None


def _adjustable(cycle: AppraisalCycle) -> bool:
    """Whether the viewer may adjust the cycle's scored results now (HR, the cycle in calibration)."""
    return can_calibrate(current_user) and cycle.stage == CycleStage.CALIBRATION


@permission_required(AppraisalPerm.LEAD)
def calibrate_cycle(cycle_id: int):
    """Each department's distribution against the guide and per grade, the outliers, the scorers' leniency and
    the scored results (100 a page) with the adjust action (HR). `?department=ID`: that department and its
    sub-departments; else the whole company (your departments, for a head)."""
    cycle = get_or_404(AppraisalCycle, cycle_id, check=may_view_calibration)
    department = _department_filter()
    ids = department_subtree_ids(department) if department is not None else None
    data = overview(current_user, cycle, ids)
    scored = result_ids(current_user, cycle).where(Appraisal.status.in_(SCORED_STATUSES),
                                                      Appraisal.total.is_not(None))
    page = results_listing(per_page=PAGE_SIZE).page(scored, request.args)
    charts = {section.department_id: grade_chart(section) for section in data.sections}
    rows = result_rows(page.items, _adjustable(cycle))
    return render_template("appraisals/calibration/calibrate.html", cycle=cycle, data=data, charts=charts,
                           page=page, rows=rows, departments=visible_departments(current_user), department=department,
                           read_only=not can_manage_appraisals(current_user),
                           title=_("Calibration: %(cycle)s", cycle=cycle.name))


@permission_required(AppraisalPerm.LEAD)
def list_results(cycle_id: int):
    """The cycle's results in your scope: filters (department, grade, status, calibrated), search by name or
    staff number, sort, pages; the export buttons keep the filters."""
    cycle = get_or_404(AppraisalCycle, cycle_id, check=may_view_calibration)
    page = results_listing().page(result_ids(current_user, cycle), request.args)
    return render_template("appraisals/calibration/results.html", cycle=cycle, page=page,
                           rows=result_rows(page.items, _adjustable(cycle)),
                           departments=visible_departments(current_user), grades=list(Grade),
                           statuses=list(AppraisalStatus),
                           title=_("Results: %(cycle)s", cycle=cycle.name))


@permission_required(AppraisalPerm.LEAD)
def export_results(cycle_id: int, fmt: str):
    """The filtered results list as CSV or XLSX (the same scope as the list), named after the cycle and the
    company's day."""
    if fmt not in ("csv", "xlsx"):
        abort(404)
    cycle = get_or_404(AppraisalCycle, cycle_id, check=may_view_calibration)
    listing = results_listing()
    query = listing.apply(results_query(current_user, cycle), listing.read(request.args))
    table = export_table(cycle, query)
    body = csv_bytes(table) if fmt == "csv" else workbook_bytes(table)
    return send_file(io.BytesIO(body), mimetype="text/csv" if fmt == "csv" else MIMETYPE, as_attachment=True,
                     download_name=f"appraisal-results-{cycle.name}-{company_today().isoformat()}.{fmt}")
