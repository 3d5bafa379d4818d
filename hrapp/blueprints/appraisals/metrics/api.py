"""`POST /api/v1/appraisals/cycles/{id}/kpis`: imported KPI values by staff number (HR tokens only).

All or nothing: any bad row answers 422 with every row's problems (`errors` keyed "values.<row>.<column>", the row counted from 1)
and stores nothing. An `Idempotency-Key` header makes a retry return the first import (200) without applying it
again. 404 for a cycle that does not exist; 403 for heads and staff; 409 once the cycle's results are published.
"""
from flask_babel import gettext as _
from flask_smorest import abort

from hrapp.blueprints.api.auth import api_blueprint, api_user, get_visible_or_404, requires
from hrapp.blueprints.api.idempotency import IDEMPOTENCY_PARAMETER, create_once, request_key
from hrapp.blueprints.appraisals.access import AppraisalPerm
from hrapp.extensions import db
from hrapp.models import AppraisalCycle, KpiSource

from . import services
from .access import can_view_kpis
from .kpi_rows import KpiEntry
from .schemas import KpiImportInSchema, KpiImportSchema

bp = api_blueprint("api_appraisal_kpis", __name__, "/api/v1/appraisals/cycles",
                   "Imported KPI values of an appraisal cycle (考核 KPI 导入): HR.")


@bp.route("/<int:cycle_id>/kpis", methods=["POST"])
@requires(AppraisalPerm.MANAGE)
@bp.arguments(KpiImportInSchema)
@bp.response(201, KpiImportSchema)
@bp.alt_response(200, schema=KpiImportSchema, description="A retry: the import first made with this Idempotency-Key.")
@bp.alt_response(409, response="CONFLICT")
@bp.doc(parameters=[IDEMPOTENCY_PARAMETER])
def import_kpis(payload: dict, cycle_id: int):
    """Store the values (a later import replaces a person's value of a code) and score the appraisal items that
    read them. 422 with the rows' problems, nothing stored."""
    user, key = api_user(), request_key()
    cycle = get_visible_or_404(AppraisalCycle, cycle_id, can_view_kpis)
    key = services.scoped_key(user, cycle, key) if key else key
    entries = [KpiEntry(n, v["staff_number"], v["kpi_code"], v["value"])
               for n, v in enumerate(payload["values"], start=1)]
    try:
        record, created = create_once(key, services.kpi_import_by_key, lambda: services.import_kpis(
            cycle, entries, user, KpiSource.API, idempotency_key=key))
    except services.MetricsRefused:
        db.session.rollback()
        abort(409, message=_("The results of this cycle are published: its metrics and KPI values no longer "
                             "change."))
    except services.KpiImportRefused as exc:
        db.session.rollback()
        abort(422, message=_("Nothing was imported: correct these rows and send them again."),
              errors=row_errors(exc.errors))
    return (record, 201) if created else (record, 200)


def row_errors(errors) -> dict[str, list[str]]:
    """The rows' problems in the API's error shape: "values.<row>.<column>" (row from 1) -> messages."""
    out: dict[str, list[str]] = {}
    for e in errors:
        out.setdefault(".".join(part for part in ("values", str(e.row), e.column) if part), []).append(e.message)
    return out
