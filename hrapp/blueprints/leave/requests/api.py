"""Leave request endpoints: one's own requests (list, ask), and the requests a head (their departments) or HR
(everyone) may see, by person, dates and status.

`POST /api/v1/me/leave/requests` takes an optional `Idempotency-Key` header: the (requester, key) pair is unique
in the database, so a retry, or a twin request racing the first, gets the first request back (200).
"""
import sqlalchemy as sa
from flask_smorest import abort

from hrapp.blueprints.api.auth import api_blueprint, api_user, requires
from hrapp.blueprints.api.idempotency import IDEMPOTENCY_PARAMETER, create_once, request_key
from hrapp.blueprints.leave.access import LeavePerm
from hrapp.blueprints.leave.defaults import leave_type
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import LeaveRequest, StaffMember
from hrapp.period_close import PeriodClosed

from .messages import refusal
from .queries import requests_query
from .schemas import LeaveRequestArgs, LeaveRequestCreateSchema, LeaveRequestPageSchema, LeaveRequestSchema, MyLeaveArgs
from .services import LeaveDraft, create_request

bp = api_blueprint("api_leave_requests", __name__, "/api/v1/leave/requests",
                   "Leave requests (请假): heads see their departments', HR everyone's.")
me_bp = api_blueprint("api_my_leave_requests", __name__, "/api/v1/me/leave/requests",
                      "The token user's own leave requests; ask for leave.")


def _page(query, args: dict):
    query = query.order_by(LeaveRequest.starts_on.desc(), LeaveRequest.id.desc())
    return db.paginate(query, page=args["page"], per_page=args["per_page"], max_per_page=200, error_out=False)


@bp.route("")
@requires(LeavePerm.APPROVE)
@bp.arguments(LeaveRequestArgs, location="query")
@bp.response(200, LeaveRequestPageSchema)
def list_requests(args: dict):
    """Requests you may see (heads: your departments'; HR: all), latest first; by staff number, by the days they
    cover (`from`, `to`) and by status."""
    query = requests_query(api_user())
    if args["staff_number"]:
        query = query.where(StaffMember.staff_number == args["staff_number"])
    if args["from_"]:
        query = query.where(LeaveRequest.ends_on >= args["from_"])
    if args["to"]:
        query = query.where(LeaveRequest.starts_on <= args["to"])
    if args["status"]:
        query = query.where(LeaveRequest.status == args["status"])
    return _page(query, args)


@me_bp.route("")
@requires(LeavePerm.REQUEST)
@me_bp.arguments(MyLeaveArgs, location="query")
@me_bp.response(200, LeaveRequestPageSchema)
def list_mine(args: dict):
    """Your own requests, latest first (empty without a staff record)."""
    user = api_user()
    query = sa.select(LeaveRequest).where(LeaveRequest.staff_id == (user.staff_id or -1))
    if args["status"]:
        query = query.where(LeaveRequest.status == args["status"])
    return _page(query, args)


@me_bp.route("", methods=["POST"])
@requires(LeavePerm.REQUEST)
@me_bp.arguments(LeaveRequestCreateSchema)
@me_bp.response(201, LeaveRequestSchema)
@me_bp.alt_response(200, schema=LeaveRequestSchema, description="A retry: the request first made with this key.")
@me_bp.alt_response(409, response="CONFLICT")
@me_bp.doc(parameters=[IDEMPOTENCY_PARAMETER])
def create(payload: dict):
    """Ask for your own leave; it goes to your approvers. 422 with field messages for what the rules refuse
    (overlap, balance, blackout, a note needed...), 409 in a closed attendance month."""
    user, key = api_user(), request_key()
    staff = db.session.get(StaffMember, user.staff_id) if user.staff_id else None
    if staff is None:
        abort(403, message="No staff record.")
    kind = leave_type(payload["leave_type"])

    def ask() -> LeaveRequest:
        if kind is None:
            raise refusal("leave_type", "inactive_type")
        draft = LeaveDraft(kind.id, payload["starts_on"], payload["ends_on"], payload["starts_afternoon"],
                           payload["ends_at_noon"], payload["reason"])
        return create_request(user, staff, kind, draft, idempotency_key=key)

    try:
        leave, created = create_once(key, lambda k: db.session.scalar(sa.select(LeaveRequest).where(
            LeaveRequest.requested_by_id == user.id, LeaveRequest.idempotency_key == k)), ask)
    except ValidationFailed as exc:
        db.session.rollback()
        raise ValidationFailed({"leave_type" if f == "leave_type_id" else f: m for f, m in exc.errors.items()}) \
            from None
    except PeriodClosed as exc:
        db.session.rollback()
        abort(409, message=str(exc))
    return leave, 201 if created else 200
