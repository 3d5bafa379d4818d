"""The lists of requests: what waits for my decision (heads, HR) and HR's list of every request, with its
XLSX export."""
from flask import Response, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.leave.access import LeavePerm
from hrapp.core.sheets import MIMETYPE, workbook_bytes
from hrapp.models import LeaveStatus
from hrapp.permissions import permission_required, visible_departments

from .queries import REQUESTS, all_types, export_table, requests_query, waiting_for


@permission_required(LeavePerm.APPROVE)
def list_approvals():
    """Requests waiting for my decision, oldest first."""
    return render_template("leave/requests/approvals.html", requests=waiting_for(current_user),
                           title=_("Leave approvals"))


@permission_required(LeavePerm.MANAGE)
def list_requests():
    """Every request: search, filters (type, status, department, month), sort, pages."""
    page = REQUESTS.page(requests_query(current_user), request.args)
    return render_template("leave/requests/request_list.html", page=page, types=all_types(),
                           statuses=list(LeaveStatus), departments=visible_departments(current_user),
                           title=_("All leave"))


@permission_required(LeavePerm.MANAGE)
def export_requests():
    """The filtered list as XLSX."""
    state = REQUESTS.read(request.args)
    query = REQUESTS.apply(requests_query(current_user), state)
    return Response(workbook_bytes(export_table(query)), mimetype=MIMETYPE,
                    headers={"Content-Disposition": "attachment; filename=leave-requests.xlsx",
                             "Cache-Control": "no-store"})
