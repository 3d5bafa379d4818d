"""`GET /api/v1/me/training`: the token user's own training record (hours per year, enrolments with their
sessions, presence and attempts, certificates, inductions)."""
from hrapp.blueprints.api.auth import api_blueprint, api_user, requires
from hrapp.blueprints.training.access import TrainingPerm
from hrapp.extensions import db
from hrapp.models import StaffMember

from . import rules
from .queries import TrainingRecord, training_record
from .schemas import MyTrainingSchema

me_bp = api_blueprint("api_my_training", __name__, "/api/v1/me/training",
                      "The token user's own training record (培训档案).")


def _course(course) -> dict:
    return {"course_code": course.code, "course_title": course.title}


def as_json(record: TrainingRecord | None) -> dict:
    """The record in the schema's shape (plain values; None: an account without a staff record)."""
    if record is None:
        return {"staff_number": None, "hours_per_year": [], "enrolments": [], "certificates": [], "inductions": []}
    return {
        "staff_number": record.staff.staff_number,
        "hours_per_year": [{"year": year, "hours": hours} for year, hours in record.hours],
        "enrolments": [{**_course(line.course), "session_id": line.session.id, "hours": line.session.hours,
                        "day": line.day, "status": line.enrolment.status.value if line.enrolment else None,
                        "presence": line.enrolment.presence.value if line.enrolment else None,
                        "attempts": line.attempts} for line in record.lines],
        "certificates": [{**_course(c.course), "id": c.id, "number": c.number, "issued_on": c.issued_on,
                          "expires_on": c.expires_on, "superseded": c.superseded,
                          "state": record.certificate_state(c)} for c in record.certificates],
        "inductions": [{**_course(i.course), "id": i.id, "kind": i.kind.value, "reason": i.reason.value,
                        "assigned_on": i.assigned_on, "due_on": i.due_on, "completed_on": i.completed_on,
                        "status": i.status.value, "overdue": record.induction_state(i) == rules.OVERDUE}
                       for i in record.inductions],
    }


@me_bp.route("")
@requires(TrainingPerm.VIEW)
@me_bp.response(200, MyTrainingSchema)
def show_mine():
    """Your training record: hours per year, every session you were enrolled in (with presence and attempts),
    your certificates (with their expiry state) and induction assignments. Empty without a staff record."""
    user = api_user()
    staff = db.session.get(StaffMember, user.staff_id) if user.staff_id else None
    return as_json(training_record(staff) if staff else None)
