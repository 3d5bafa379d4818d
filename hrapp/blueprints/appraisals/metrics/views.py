"""The KPI page of a cycle (HR): the KPI codes its items read with how many people have a value, the system
metrics' coverage and when they were computed, the imports so far; the upload of a CSV / XLSX file (all or
nothing, problems per row), the XLSX template listing the codes, and the refresh of the system metrics."""
from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.appraisals.access import AppraisalPerm
from hrapp.blueprints.staff_import_export.messages import FILE_MESSAGES
from hrapp.blueprints.staff_import_export.reader import FileProblem, extension_of, read_table
from hrapp.core.errors import STALE_MESSAGE
from hrapp.core.sheets import MIMETYPE, Table, workbook_bytes
from hrapp.extensions import db
from hrapp.models import AppraisalCycle, KpiSource
from hrapp.permissions import get_or_404, permission_required

from . import queries, services
from .access import can_change_kpis, can_view_kpis
from .forms import KpiUploadForm, RefreshMetricsForm
from .kpi_rows import COLUMNS, entries_from_table


def kpi_page(cycle: AppraisalCycle, upload: KpiUploadForm | None = None, row_errors=(), file_error: str = "",
             status: int = 200):
    """The page, with the upload form's problems when it came back."""
    upload = upload or KpiUploadForm(formdata=None)
    upload.version_id.data = cycle.version_id
    refresh = RefreshMetricsForm(formdata=None, version_id=cycle.version_id)
    return render_template("appraisals/metrics/kpis.html", cycle=cycle, codes=queries.kpi_codes(cycle),
                           coverage=queries.metric_coverage(cycle), imports=queries.imports_of(cycle),
                           upload=upload, refresh=refresh, row_errors=list(row_errors), file_error=file_error,
                           can_change=can_change_kpis(current_user, cycle),
                           title=_("KPIs and metrics: %(cycle)s", cycle=cycle.name)), status


@permission_required(AppraisalPerm.MANAGE)
def show_kpis(cycle_id: int):
    """The cycle's KPI page."""
    return kpi_page(get_or_404(AppraisalCycle, cycle_id, check=can_view_kpis))


@permission_required(AppraisalPerm.MANAGE)
def upload_kpis(cycle_id: int):
    """Import a CSV / XLSX file of KPI values: all rows stored, or none (the problems listed per row)."""
    cycle = get_or_404(AppraisalCycle, cycle_id, check=can_change_kpis)
    form = KpiUploadForm()
    if form.stale_for(cycle):
        return kpi_page(cycle, form, file_error=str(STALE_MESSAGE), status=409)
    if not form.validate_on_submit():
        return kpi_page(cycle, form, status=422)
    upload = form.file.data
    filename = upload.filename or ""
    try:
        entries = entries_from_table(read_table(filename, upload.read()))
    except FileProblem as exc:
        text = str(FILE_MESSAGES.get(exc.code, exc.code))
        return kpi_page(cycle, form, file_error=text % {"detail": exc.detail} if "%(" in text else text, status=422)
    source = KpiSource.XLSX if extension_of(filename) == "xlsx" else KpiSource.CSV
    try:
        record = services.import_kpis(cycle, entries, current_user, source, filename=filename)
    except services.KpiImportRefused as exc:
        db.session.rollback()
        return kpi_page(cycle, form, row_errors=exc.errors, status=422)
    db.session.commit()
    flash(_("%(count)s KPI values imported.", count=record.row_count), "success")
    return redirect(url_for("appraisal_metrics.show_kpis", cycle_id=cycle.id))


@permission_required(AppraisalPerm.MANAGE)
def kpi_template(cycle_id: int):
    """An XLSX with the import's header row and, on a second sheet, the KPI codes the cycle's items read."""
    cycle = get_or_404(AppraisalCycle, cycle_id, check=can_view_kpis)
    codes = queries.kpi_codes(cycle)
    data = workbook_bytes(Table("KPI", list(COLUMNS), []),
                          Table(_("KPI codes"), [_("KPI code"), _("People")], [(c.code, c.people) for c in codes]))
    return Response(data, mimetype=MIMETYPE,
                    headers={"Content-Disposition": f"attachment; filename=kpis-{cycle.id}.xlsx",
                             "Cache-Control": "no-store"})


@permission_required(AppraisalPerm.MANAGE)
def refresh_cycle_metrics(cycle_id: int):
    """Compute the cycle's system metrics again and score the items that read them."""
    cycle = get_or_404(AppraisalCycle, cycle_id, check=can_change_kpis)
    form = RefreshMetricsForm()
    if form.stale_for(cycle) or not form.validate_on_submit():
        flash(str(STALE_MESSAGE), "warning")
        return redirect(url_for("appraisal_metrics.show_kpis", cycle_id=cycle.id))
    result = services.refresh_metrics(cycle, current_user)
    db.session.commit()
    flash(_("System metrics computed: %(appraisals)s appraisals changed.", appraisals=result.appraisals), "success")
    return redirect(url_for("appraisal_metrics.show_kpis", cycle_id=cycle.id))
