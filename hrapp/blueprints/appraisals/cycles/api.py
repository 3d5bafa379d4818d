"""`GET /api/v1/appraisals/cycles`: the cycles the token's user is shown (heads and HR all; staff those they are
appraised in), latest first, with deadlines and counts per status (HR all; heads their departments'; staff only
their own appraisal's status)."""
from flask_smorest import abort

from hrapp.blueprints.api.auth import api_blueprint, api_user, requires
from hrapp.extensions import db
from hrapp.models import AppraisalCycle, CycleStage

from ..access import AppraisalPerm, leads_appraisals
from .queries import cycles_query, own_statuses, status_counts
from .schemas import CycleArgs, CyclePageSchema

bp = api_blueprint("api_appraisal_cycles", __name__, "/api/v1/appraisals/cycles",
                   "Appraisal cycles (考核周期): stages, deadlines and progress. HR sees all counts; heads their "
                   "departments'; staff their own appraisal's status.")


def _item(cycle: AppraisalCycle, counts: dict, mine) -> dict:
    return {"id": cycle.id, "name": cycle.name, "period_kind": cycle.period_kind.value, "first_on": cycle.first_on,
            "last_on": cycle.last_on, "stage": cycle.stage.value, "self_due_on": cycle.self_due_on,
            "head_due_on": cycle.head_due_on, "calibration_due_on": cycle.calibration_due_on,
            "respond_days": cycle.respond_days, "counts": counts, "my_status": mine.value if mine else None}


@bp.route("")
@requires(AppraisalPerm.VIEW)
@bp.arguments(CycleArgs, location="query")
@bp.response(200, CyclePageSchema)
def list_cycles(args: dict):
    """Cycles, latest first; `stage` keeps those in one stage."""
    user = api_user()
    query = cycles_query(user)
    if args["stage"]:
        try:
            query = query.where(AppraisalCycle.stage == CycleStage(args["stage"]))
        except ValueError:
            abort(422, message="Unknown stage.")
    query = query.order_by(AppraisalCycle.first_on.desc(), AppraisalCycle.id.desc())
    pager = db.paginate(query, page=args["page"], per_page=args["per_page"], error_out=False)
    ids = [c.id for c in pager.items]
    counts = status_counts(ids, user) if leads_appraisals(user) else {}
    mine = own_statuses(ids, user.staff_id)
    return {"page": args["page"], "per_page": args["per_page"], "total": pager.total, "pages": pager.pages,
            "items": [_item(c, counts.get(c.id, {}), mine.get(c.id)) for c in pager.items]}
