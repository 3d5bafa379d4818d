"""The overdue list: certificates expired or expiring within 30 days (not superseded) — heads their departments'
people, HR everyone — with filters, pages and the XLSX export."""
from flask import Response, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.training.access import TrainingPerm
from hrapp.company import company_today
from hrapp.core.sheets import MIMETYPE, workbook_bytes
from hrapp.permissions import permission_required, visible_departments

from .certificates import CERTIFICATES, EXPIRED, EXPIRING, certifying_courses, export_table, overdue_query


@permission_required(TrainingPerm.LEAD)
def list_certificates():
    """Certificates to renew: filters (department, course, expired / expiring, person), sort, pages."""
    page = CERTIFICATES.page(overdue_query(current_user), request.args)
    return render_template("training/results/certificate_list.html", page=page, today=company_today(),
                           departments=visible_departments(current_user), courses=certifying_courses(),
                           states=((EXPIRED, _("Expired")), (EXPIRING, _("Expiring within 30 days"))),
                           title=_("Certificates to renew"))


@permission_required(TrainingPerm.LEAD)
def export_certificates():
    """The filtered list as XLSX."""
    query = CERTIFICATES.apply(overdue_query(current_user), CERTIFICATES.read(request.args))
    return Response(workbook_bytes(export_table(query)), mimetype=MIMETYPE,
                    headers={"Content-Disposition": "attachment; filename=training-certificates.xlsx",
                             "Cache-Control": "no-store"})
