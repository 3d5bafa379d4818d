"""History: a person's results across cycles (a table and a trend line; the person sees published results only)
and the department report (per department and cycle, with its chart and CSV / XLSX export)."""
from io import BytesIO

from flask import abort, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.appraisals.access import AppraisalPerm
from hrapp.company import company_today
from hrapp.core.listing import positive_int
from hrapp.core.sheets import MIMETYPE, csv_bytes, workbook_bytes
from hrapp.extensions import db
from hrapp.models import AppraisalCycle, StaffMember
from hrapp.permissions import can_view_staff, get_or_404, permission_required, visible_departments

from . import queries, report


@permission_required(AppraisalPerm.VIEW)
def person_history(staff_id: int):
    """`staff`'s results across cycles (HR and their heads all of them; the person the published ones)."""
    staff = get_or_404(StaffMember, staff_id, check=can_view_staff)
    appraisals = queries.staff_results(staff, current_user)
    return render_template("appraisals/outcomes/history.html", staff=staff, appraisals=appraisals,
                           trend=report.trend_chart(appraisals),
                           title=_("Appraisal history: %(name)s", name=staff.display_name))


@permission_required(AppraisalPerm.VIEW)
def my_history():
    """The signed-in person's own history."""
    if current_user.staff_id is None:
        abort(404)
    return redirect(url_for("appraisal_outcomes.person_history", staff_id=current_user.staff_id))


def _filters():
    """The report's cycle (the newest when none is chosen) and department, and whether a filter was refused."""
    cycles, bad = queries.cycles(), False
    try:
        cycle_id = positive_int(request.args["cycle"]) if request.args.get("cycle") else None
        department_id = positive_int(request.args["department"]) if request.args.get("department") else None
    except ValueError:
        cycle_id = department_id = None
        bad = True
    cycle = db.session.get(AppraisalCycle, cycle_id) if cycle_id else (cycles[0] if cycles else None)
    return cycles, cycle, department_id, bad


@permission_required(AppraisalPerm.LEAD)
def department_report():
    """Per department in the chosen cycle: results, mean, grades against the guide, outcomes confirmed."""
    cycles, cycle, department_id, bad = _filters()
    rows = report.department_rows(current_user, cycle, department_id) if cycle else []
    return render_template("appraisals/outcomes/department_report.html", cycles=cycles, cycle=cycle, rows=rows,
                           headers=report.headers(), cells=report.cells, grades_chart=report.grade_chart(rows),
                           departments=visible_departments(current_user), bad_filter=bad,
                           title=_("Appraisal report by department"))


@permission_required(AppraisalPerm.LEAD)
def export_department_report(fmt: str):
    """The department report as CSV or XLSX."""
    _cycles, cycle, department_id, _bad = _filters()
    if cycle is None or fmt not in ("csv", "xlsx"):
        abort(404)
    table = report.export_table(cycle, report.department_rows(current_user, cycle, department_id))
    body, mimetype = (csv_bytes(table), "text/csv") if fmt == "csv" else (workbook_bytes(table), MIMETYPE)
    name = f"appraisal-report-{cycle.name}-{company_today().isoformat()}.{fmt}"
    return send_file(BytesIO(body), mimetype=mimetype, as_attachment=True, download_name=name)
