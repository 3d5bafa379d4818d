"""GET /api/v1/training/courses: the course catalogue for everyone in training (inactive courses for HR only),
the same courses the web list shows."""
from hrapp.blueprints.api.auth import api_blueprint, api_user, requires
from hrapp.blueprints.training.access import TrainingPerm
from hrapp.extensions import db
from hrapp.models import Course

from .queries import COURSES, courses_query
from .schemas import CourseListArgs, CoursePageSchema

bp = api_blueprint("api_training_courses", __name__, "/api/v1/training/courses",
                   "The training course catalogue (课程): category, hours, trainer, assessment (pass mark, retakes), "
                   "certificate validity and the conduct rules each course should improve.")


@bp.route("")
@requires(TrainingPerm.VIEW)
@bp.arguments(CourseListArgs, location="query")
@bp.response(200, CoursePageSchema)
@bp.alt_response(403, response="FORBIDDEN")
def list_courses(args: dict):
    """Courses by code, optionally one category or only those in use (`active=true`) or not; paginated."""
    query = COURSES.order(courses_query(api_user()), "code")
    if args["category"]:
        query = query.where(Course.category == args["category"])
    if args["active"] is not None:
        query = query.where(Course.active.is_(args["active"]))
    return db.paginate(query, page=args["page"], per_page=args["per_page"], max_per_page=200, error_out=False)
