"""`GET /api/v1/appraisals/cycles/{id}/results`: a cycle's results, paged. HR sees every result; heads their
departments' (never their own before it is published); staff 403. Cycles are visible to everyone with the
appraisal permission, so another department's cycle is 200 with only what the caller may see."""
from hrapp.blueprints.api.auth import api_blueprint, api_user, get_visible_or_404, requires
from hrapp.blueprints.appraisals.access import AppraisalPerm, can_view_cycle
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, Department, StaffMember

from .queries import results_query
from .schemas import ResultArgs, ResultPageSchema

bp = api_blueprint("api_appraisal_results", __name__, "/api/v1/appraisals/cycles",
                   "Appraisal results (考核结果): HR all, heads their departments'.")


@bp.route("/<int:cycle_id>/results")
@requires(AppraisalPerm.LEAD)
@bp.arguments(ResultArgs, location="query")
@bp.response(200, ResultPageSchema)
def cycle_results(args: dict, cycle_id: int):
    """The cycle's results you may see, by department and staff number: totals (self, head, result), grade,
    whether calibration adjusted it, when it was published."""
    cycle = get_visible_or_404(AppraisalCycle, cycle_id, can_view_cycle)
    query = results_query(api_user(), cycle).order_by(Department.path, StaffMember.staff_number, Appraisal.id)
    return db.paginate(query, page=args["page"], per_page=args["per_page"], max_per_page=200, error_out=False)
