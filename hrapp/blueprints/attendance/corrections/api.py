"""GET and POST /api/v1/me/attendance/corrections: the token user's own corrections, and asking for one."""
from flask_smorest import abort
from marshmallow import Schema, fields, validate

from hrapp.blueprints.api.auth import api_blueprint, api_user, requires
from hrapp.blueprints.api.idempotency import IDEMPOTENCY_PARAMETER, create_once, request_key
from hrapp.blueprints.api.schemas import UtcDateTime
from hrapp.blueprints.attendance.access import AttendancePerm
from hrapp.blueprints.attendance.settings import attendance_settings
from hrapp.extensions import db
from hrapp.models import CorrectionKind, StaffMember
from hrapp.period_close import PeriodClosed

from . import messages, queries, services

bp = api_blueprint("api_my_corrections", __name__, "/api/v1/me/attendance/corrections",
                   "The token user's own attendance corrections (补卡): a missing check-in or check-out explained, "
                   "for the head to accept (the punch is added) or reject, within the company's monthly limit.")


class CorrectionCreateSchema(Schema):
    day = fields.Date(required=True, metadata={"description": "The local day whose punch is missing."})
    kind = fields.String(required=True, validate=validate.OneOf([k.value for k in CorrectionKind]))
    time = fields.Time(required=True, metadata={"description": "The claimed local time (HH:MM); a night shift's "
                                                               "check-out after midnight falls on the next date."})
    reason = fields.String(required=True, validate=validate.Length(min=1, max=500))


class CorrectionSchema(Schema):
    id = fields.Integer()
    day = fields.Date()
    kind = fields.Function(lambda c: c.kind.value)
    punched_at = UtcDateTime(metadata={"description": "The claimed time (UTC)."})
    reason = fields.String()
    status = fields.Function(lambda c: c.status.value, metadata={
        "description": "pending, accepted, rejected, withdrawn."})
    by_hr = fields.Boolean()
    decision_note = fields.String()
    decided_at = UtcDateTime(allow_none=True)
    punch_id = fields.Integer(allow_none=True)
    version_id = fields.Integer()


class MyCorrectionsSchema(Schema):
    staff_id = fields.Integer(allow_none=True)
    used_this_month = fields.Integer(metadata={"description": "Pending + accepted requests this month."})
    limit_per_month = fields.Integer()
    items = fields.List(fields.Nested(CorrectionSchema))


def _staff(user) -> StaffMember | None:
    return db.session.get(StaffMember, user.staff_id) if user.staff_id else None


@bp.route("")
@requires(AttendancePerm.VIEW)
@bp.response(200, MyCorrectionsSchema)
def list_mine():
    """Your corrections (newest day first) and this month's count against the limit; empty without a staff record."""
    user = api_user()
    staff = _staff(user)
    today = services.local_now().date()
    return {"staff_id": user.staff_id, "limit_per_month": attendance_settings().corrections_per_month,
            "used_this_month": services.month_count(staff.id, today) if staff else 0,
            "items": queries.corrections_of(staff.id) if staff else []}


@bp.route("", methods=["POST"])
@requires(AttendancePerm.VIEW)
@bp.arguments(CorrectionCreateSchema)
@bp.response(201, CorrectionSchema)
@bp.alt_response(200, schema=CorrectionSchema, description="A retry: the correction first made with this key.")
@bp.alt_response(409, response="CONFLICT")
@bp.doc(parameters=[IDEMPOTENCY_PARAMETER])
def create(payload: dict):
    """Ask for a correction of one of your days. 422 with field messages for what the rules refuse (a day that
    needs none, a time outside the shift's window, the monthly limit, one already waiting), 409 in a closed month."""
    user, key = api_user(), request_key()
    staff = _staff(user)
    if staff is None:
        abort(422, message=str(messages.NO_STAFF_RECORD))
    claim = services.Claim(payload["day"], CorrectionKind(payload["kind"]), payload["time"], payload["reason"])
    try:
        correction, created = create_once(key, lambda k: services.correction_by_key(user, k),
                                          lambda: services.request_correction(user, staff, claim, key))
    except PeriodClosed as exc:
        db.session.rollback()
        abort(409, message=str(exc))
    return (correction, 201) if created else (correction, 200)
