"""GET /api/v1/leave/balances?staff_number= (a person's balances, scoped like the web) and GET
/api/v1/me/leave/balances (the token user's own)."""
from datetime import date

from flask_smorest import abort
from marshmallow import Schema, fields

from hrapp.blueprints.api.auth import api_blueprint, api_user, requires
from hrapp.blueprints.leave.access import LeavePerm, can_view_leave_of
from hrapp.blueprints.leave.balances import balances_of
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import StaffMember

bp = api_blueprint("api_leave_balances", __name__, "/api/v1/leave/balances",
                   "One person's leave balances (假期余额) for themselves, the heads of their department and HR: per "
                   "active leave type, the days entitled, carried (and until when), taken, pending and available.")
me_bp = api_blueprint("api_my_leave_balances", __name__, "/api/v1/me/leave/balances",
                      "The token user's own leave balances.")


class BalanceArgs(Schema):
    staff_number = fields.String(required=True)


class TypeBalanceSchema(Schema):
    code = fields.String()
    name = fields.String()
    name_en = fields.String()
    balance_kind = fields.String(metadata={"description": "entitlement, rest_owed or no_balance."})
    paid = fields.Boolean()
    max_days = fields.Decimal(as_string=True, allow_none=True,
                              metadata={"description": "At most this many days in one request (null: no cap)."})
    entitled = fields.Decimal(as_string=True, allow_none=True, metadata={
        "description": "Granted + carried + adjusted − lapsed; null for types without a balance."})
    granted = fields.Decimal(as_string=True, allow_none=True)
    carried = fields.Decimal(as_string=True, allow_none=True)
    carry_expires_on = fields.Date(allow_none=True)
    adjusted = fields.Decimal(as_string=True, allow_none=True)
    lapsed = fields.Decimal(as_string=True, allow_none=True)
    taken = fields.Decimal(as_string=True, allow_none=True)
    pending = fields.Decimal(as_string=True, allow_none=True)
    available = fields.Decimal(as_string=True, allow_none=True)


class BalancesSchema(Schema):
    staff_number = fields.String(allow_none=True)
    as_of = fields.Date()
    items = fields.List(fields.Nested(TypeBalanceSchema))


FIGURES = ("entitled", "granted", "carried", "carry_expires_on", "adjusted", "lapsed", "taken", "pending", "available")


def _balances(staff: StaffMember | None, as_of: date) -> dict:
    items = []
    for tb in balances_of(staff, as_of) if staff else ():
        t, b = tb.leave_type, tb.balance
        figures = {"entitled": b.entitled, "granted": b.granted, "carried": b.carried,
                   "carry_expires_on": b.carry_expires_on, "adjusted": b.adjusted, "lapsed": b.lapsed,
                   "taken": b.taken, "pending": b.pending, "available": b.available} if b else dict.fromkeys(FIGURES)
        items.append({"code": t.code, "name": t.name, "name_en": t.name_en, "balance_kind": t.balance_kind.value,
                      "paid": t.paid, "max_days": t.max_days, **figures})
    return {"staff_number": staff.staff_number if staff else None, "as_of": as_of, "items": items}


@bp.route("")
@requires(LeavePerm.REQUEST)
@bp.arguments(BalanceArgs, location="query")
@bp.response(200, BalancesSchema)
@bp.alt_response(403, response="FORBIDDEN")
@bp.alt_response(404, response="NOT_FOUND")
def person_balances(args: dict):
    """The person's balances today; 404 if the staff number is unknown or the person out of your scope."""
    staff = StaffMember.numbered(args["staff_number"])
    if staff is None or not can_view_leave_of(api_user(), staff):
        abort(404)
    return _balances(staff, company_today())


@me_bp.route("")
@requires(LeavePerm.REQUEST)
@me_bp.response(200, BalancesSchema)
@me_bp.alt_response(403, response="FORBIDDEN")
def my_balances():
    """Your own balances today (empty without a staff record)."""
    user = api_user()
    staff = db.session.get(StaffMember, user.staff_id) if user.staff_id else None
    return _balances(staff, company_today())
