"""`GET /api/v1/me/appraisals`: the token user's own appraisals. The result (total, grade, the deadline to
respond, the response) only once published (appraisals/access.RESULT_VISIBLE); before that, the status alone —
never a total, a grade or the head's comments."""
from hrapp.blueprints.api.auth import api_blueprint, api_user, requires
from hrapp.blueprints.api.schemas import MAX_PER_PAGE
from hrapp.extensions import db
from hrapp.models import Appraisal

from ..access import RESULT_VISIBLE, AppraisalPerm
from .queries import my_appraisals
from .schemas import MyAppraisalArgs, MyAppraisalPageSchema

me_bp = api_blueprint("api_my_appraisals", __name__, "/api/v1/me/appraisals",
                      "The token user's own appraisals (考核), with results once published.")


def as_json(appraisal: Appraisal) -> dict:
    """One appraisal in the schema's shape: the result fields are null until the result is published."""
    cycle = appraisal.cycle
    row = {"id": appraisal.id, "cycle": cycle.name, "first_on": cycle.first_on, "last_on": cycle.last_on,
           "status": appraisal.status.value, "result_visible": appraisal.status in RESULT_VISIBLE}
    if not row["result_visible"]:
        return row | dict.fromkeys(("total", "grade", "respond_by", "acknowledged", "acknowledged_by_silence",
                                    "appealed", "decision", "acknowledged_at", "appealed_at"))
    return row | {"total": appraisal.total, "grade": appraisal.grade.value if appraisal.grade else None,
                  "respond_by": appraisal.respond_by, "acknowledged": appraisal.acknowledged_at is not None,
                  "acknowledged_by_silence": appraisal.acknowledged_by_silence,
                  "appealed": appraisal.appealed_at is not None, "decision": appraisal.decision or None,
                  "acknowledged_at": appraisal.acknowledged_at, "appealed_at": appraisal.appealed_at}


@me_bp.route("")
@requires(AppraisalPerm.VIEW)
@me_bp.arguments(MyAppraisalArgs, location="query")
@me_bp.response(200, MyAppraisalPageSchema)
def list_mine(args: dict):
    """Your appraisals, newest cycle first, paged: cycle and status; total, grade, the last day to respond and
    your response only once the result is published. Empty without a staff record."""
    page = db.paginate(my_appraisals(api_user().staff_id), page=args["page"], per_page=args["per_page"],
                       max_per_page=MAX_PER_PAGE, error_out=False)
    return {"page": page.page, "per_page": page.per_page, "total": page.total, "pages": page.pages,
            "items": [as_json(a) for a in page.items]}
