"""`GET /api/v1/training/sessions?from=&to=`: the sessions the token's user may see (access.session_scope), by the
local days they cover, soonest first, with seats taken and the waiting list's length."""
import sqlalchemy as sa

from hrapp.blueprints.api.auth import api_blueprint, api_user, requires
from hrapp.blueprints.training.access import TrainingPerm
from hrapp.company import company_settings
from hrapp.core.localtime import to_zone
from hrapp.extensions import db
from hrapp.models import TrainingSession

from .queries import counts_of, from_day, sessions_query, to_day
from .schemas import SessionArgs, SessionPageSchema

bp = api_blueprint("api_training_sessions", __name__, "/api/v1/training/sessions",
                   "Training sessions (培训课程安排): HR sees all; heads company-wide and their departments'; "
                   "staff theirs and the open ones they may join.")


def _trainer(session: TrainingSession) -> str:
    if session.trainer is not None:
        return f"{session.trainer.staff_number} {session.trainer.display_name}"
    return session.trainer_name


def _item(session: TrainingSession, counts: tuple[int, int], zone: str) -> dict:
    enrolled, waiting = counts
    return {"id": session.id, "course_code": session.course.code, "course_title": session.course.title,
            "department": session.department.code if session.department else None,
            "starts_at": to_zone(session.starts_at, zone).isoformat(),
            "ends_at": to_zone(session.ends_at, zone).isoformat(), "place": session.place,
            "capacity": session.capacity, "enrolled": enrolled, "waiting": waiting, "trainer": _trainer(session),
            "status": session.status.value}


@bp.route("")
@requires(TrainingPerm.VIEW)
@bp.arguments(SessionArgs, location="query")
@bp.response(200, SessionPageSchema)
def list_sessions(args: dict):
    """Sessions you may see, soonest first; `from` and `to` (local days) keep those overlapping the range."""
    query = sessions_query(api_user(), past=None)
    if args["from_"]:
        query = from_day(query, args["from_"])
    if args["to"]:
        query = to_day(query, args["to"])
    query = query.order_by(TrainingSession.starts_at, TrainingSession.id)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(query.order_by(None).subquery())) or 0
    rows = db.session.scalars(query.limit(args["per_page"]).offset((args["page"] - 1) * args["per_page"])).all()
    counts = counts_of(s.id for s in rows)
    zone = company_settings().timezone
    pages = (total + args["per_page"] - 1) // args["per_page"]
    return {"page": args["page"], "per_page": args["per_page"], "total": total, "pages": pages,
            "items": [_item(s, counts[s.id], zone) for s in rows]}
