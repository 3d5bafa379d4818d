"""`GET /api/v1/training/sessions/{id}/results`: a session's attempts with scores, pass / fail and certificates.
HR sees every session and person; heads the sessions they may see, and only their departments' people; others
403 (a session that does not exist 404)."""
import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp.blueprints.api.auth import api_blueprint, api_user, get_visible_or_404, requires
from hrapp.blueprints.training.access import TrainingPerm, can_manage_training, can_view_session, person_scope
from hrapp.extensions import db
from hrapp.models import Attempt, StaffMember, TrainingSession

from .schemas import SessionResultsSchema

bp = api_blueprint("api_training_results", __name__, "/api/v1/training/sessions",
                   "Training results (培训成绩): HR every session, heads their departments' people.")


def may_read_results(user, session: TrainingSession) -> bool:
    """HR; heads for a session they may see."""
    return can_manage_training(user) or can_view_session(user, session)


@bp.route("/<int:session_id>/results")
@requires(TrainingPerm.LEAD)
@bp.response(200, SessionResultsSchema)
def session_results(session_id: int):
    """The session's attempts (by staff number): score out of the maximum, the pass mark, passed, the day taken,
    the certificate's number and expiry. Heads get their departments' people only."""
    user = api_user()
    session = get_visible_or_404(TrainingSession, session_id, may_read_results)
    attempts = db.session.scalars(
        sa.select(Attempt).join(Attempt.staff).options(joinedload(Attempt.staff), joinedload(Attempt.certificate))
        .where(Attempt.session_id == session.id, person_scope(user, Attempt.staff_id))
        .order_by(StaffMember.staff_number, Attempt.number)).unique().all()
    return {"session_id": session.id, "course_code": session.course.code, "course_title": session.course.title,
            "starts_at": session.starts_at.isoformat() + "Z", "attempts": attempts}
