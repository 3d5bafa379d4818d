"""GET /api/v1/attendance/days (a person's reconciled days, scoped like the web) and GET /api/v1/me/attendance."""
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_smorest import abort
from marshmallow import Schema, ValidationError, fields, validates_schema
from sqlalchemy.orm import aliased

from hrapp.blueprints.api.auth import api_blueprint, api_user, requires
from hrapp.blueprints.attendance.access import AttendancePerm, can_view_attendance_of, day_scope
from hrapp.company import company_settings
from hrapp.core.localtime import to_zone
from hrapp.extensions import db
from hrapp.models import AttendanceDay, Punch, ShiftType, StaffMember

MAX_DAYS = 366

bp = api_blueprint("api_attendance_days", __name__, "/api/v1/attendance/days",
                   "Reconciled attendance days (考勤日结果) of one person, for themselves, the heads of their "
                   "department and HR: status, shift, late/early/overtime and worked minutes, the punches used.")
me_bp = api_blueprint("api_my_attendance", __name__, "/api/v1/me/attendance",
                      "The token user's own reconciled attendance days.")


class RangeArgs(Schema):
    first = fields.Date(data_key="from", required=True, metadata={"description": "First local day."})
    last = fields.Date(data_key="to", required=True, metadata={"description": "Last local day (at most a year)."})

    @validates_schema
    def _range(self, data: dict, **kwargs) -> None:
        if data["last"] < data["first"]:
            raise ValidationError(_l("The end comes before the start."), "to")
        if (data["last"] - data["first"]).days >= MAX_DAYS:
            raise ValidationError(_l("Ask for at most %(days)s days.", days=MAX_DAYS), "to")


class DaysArgs(RangeArgs):
    staff_number = fields.String(required=True)


class DaySchema(Schema):
    day = fields.Date()
    status = fields.String(metadata={"description": "present, late, early, late_and_early, absent, missing_punch, "
                                                    "leave, rest, rest_worked, pending, unrostered."})
    shift_code = fields.String(allow_none=True)
    late_minutes = fields.Integer()
    early_minutes = fields.Integer()
    worked_minutes = fields.Integer()
    overtime_minutes = fields.Integer()
    overtime_approved = fields.Boolean()
    check_in = fields.DateTime(allow_none=True, metadata={"description": "The punch used as check-in (local)."})
    check_out = fields.DateTime(allow_none=True, metadata={"description": "The punch used as check-out (local)."})
    flags = fields.List(fields.String())


class DaysSchema(Schema):
    staff_number = fields.String()
    first = fields.Date(data_key="from")
    last = fields.Date(data_key="to")
    items = fields.List(fields.Nested(DaySchema))


def _days(staff: StaffMember, args: dict, user) -> dict:
    zone = company_settings().timezone
    in_punch, out_punch = aliased(Punch), aliased(Punch)
    rows = db.session.execute(
        sa.select(AttendanceDay, ShiftType.code, in_punch.punched_at, out_punch.punched_at)
        .outerjoin(ShiftType, ShiftType.id == AttendanceDay.shift_type_id)
        .outerjoin(in_punch, in_punch.id == AttendanceDay.in_punch_id)
        .outerjoin(out_punch, out_punch.id == AttendanceDay.out_punch_id)
        .where(AttendanceDay.staff_id == staff.id, AttendanceDay.day.between(args["first"], args["last"]),
               day_scope(user))
        .order_by(AttendanceDay.day))
    items = [{"day": d.day, "status": d.status.value, "shift_code": code, "late_minutes": d.late_minutes,
              "early_minutes": d.early_minutes, "worked_minutes": d.worked_minutes,
              "overtime_minutes": d.overtime_minutes, "overtime_approved": d.overtime_approved,
              "check_in": at_in and to_zone(at_in, zone), "check_out": at_out and to_zone(at_out, zone),
              "flags": list(d.flags or [])} for d, code, at_in, at_out in rows]
    return {"staff_number": staff.staff_number, "first": args["first"], "last": args["last"], "items": items}


@bp.route("")
@requires(AttendancePerm.VIEW)
@bp.arguments(DaysArgs, location="query")
@bp.response(200, DaysSchema)
@bp.alt_response(403, response="FORBIDDEN")
@bp.alt_response(404, response="NOT_FOUND")
def list_days(args: dict):
    """The person's days from `from` to `to`; 404 if the staff number is unknown or the person out of your scope."""
    user = api_user()
    staff = StaffMember.numbered(args["staff_number"])
    if staff is None or not can_view_attendance_of(user, staff):
        abort(404)
    return _days(staff, args, user)


@me_bp.route("")
@requires(AttendancePerm.VIEW)
@me_bp.arguments(RangeArgs, location="query")
@me_bp.response(200, DaysSchema)
@me_bp.alt_response(403, response="FORBIDDEN")
def my_days(args: dict):
    """Your own days from `from` to `to` (empty without a staff record)."""
    user = api_user()
    staff = db.session.get(StaffMember, user.staff_id) if user.staff_id else None
    if staff is None:
        return {"staff_number": None, "first": args["first"], "last": args["last"], "items": []}
    return _days(staff, args, user)
