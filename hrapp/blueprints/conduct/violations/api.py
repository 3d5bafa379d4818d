"""Violation endpoints: list (scoped like the web), record (a head or HR, idempotent with `Idempotency-Key`),
and the token user's own."""

from hrapp.blueprints.api.auth import api_blueprint, api_user, requires
from hrapp.blueprints.api.idempotency import IDEMPOTENCY_PARAMETER, create_once, request_key
from hrapp.blueprints.api.schemas import MAX_PER_PAGE
from hrapp.blueprints.conduct.access import ConductPerm
from hrapp.blueprints.conduct.violations import queries
from hrapp.blueprints.conduct.violations.recording import find_by_key, record_or_replay
from hrapp.blueprints.conduct.violations.schemas import (
    MyViolationArgs,
    ViolationCreateSchema,
    ViolationListArgs,
    ViolationPageSchema,
    ViolationSchema,
)
from hrapp.company import utc_of_local
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import RecordSource, StaffMember, Violation

bp = api_blueprint("api_violations", __name__, "/api/v1/violations",
                   "Violations of the code of conduct: HR sees all, heads their departments', staff their own "
                   "once submitted. Heads and HR record them.")
me_bp = api_blueprint("api_my_violations", __name__, "/api/v1/me/violations",
                      "The token user's own violations, from submitted on.")
ALIASES = {"staff": "staff_number", "rule": "rule_code"}


def _page(query, args: dict):
    ordered = queries.VIOLATION_LISTING.order(query, "-occurred")
    return db.paginate(ordered, page=args["page"], per_page=args["per_page"], max_per_page=MAX_PER_PAGE,
                       error_out=False)


@bp.route("")
@bp.arguments(ViolationListArgs, location="query")
@bp.response(200, ViolationPageSchema)
def list_violations(args: dict):
    """The violations you may see, newest first; filters narrow that scope."""
    query = queries.visible_violations(api_user())
    if args["month"]:
        query = query.where(Violation.ledger_month == args["month"])
    if args["department_id"]:
        query = queries.in_department_tree(query, args["department_id"])
    if args["state"]:
        query = query.where(Violation.state == args["state"])
    return _page(query, args)


def _renamed(exc: ValidationFailed) -> ValidationFailed:
    return ValidationFailed({ALIASES.get(name, name): messages for name, messages in exc.errors.items()})


@bp.route("", methods=["POST"])
@requires(ConductPerm.RECORD)
@bp.arguments(ViolationCreateSchema)
@bp.response(201, ViolationSchema)
@bp.alt_response(200, schema=ViolationSchema, description="A retry with a used Idempotency-Key: the first result.")
@bp.alt_response(403, response="FORBIDDEN")
@bp.doc(parameters=[IDEMPOTENCY_PARAMETER])
def create_violation(payload: dict):
    """Record a violation (submitted to the person unless `submit` is false); 422 with field messages."""
    user, key = api_user(), request_key()
    staff, rule = StaffMember.numbered(payload["staff_number"]), queries.rule_by_code(payload["rule_code"])
    replayed = []

    def record() -> Violation:
        violation, created = record_or_replay(
            user, staff, rule, utc_of_local(payload["occurred_at"]), amount=payload["amount"],
            amount_involved=payload["amount_involved"], minutes=payload["minutes"], serious=payload["serious"],
            place=payload["place"], description=payload["description"], witnesses=payload["witnesses"],
            source=RecordSource.API, idempotency_key=key, submit=payload["submit"])
        replayed.append(not created)
        return violation

    try:
        violation, created = create_once(key, lambda k: find_by_key(user, k), record)
    except ValidationFailed as exc:
        raise _renamed(exc) from None
    return violation, 201 if created and not any(replayed) else 200


@me_bp.route("")
@me_bp.arguments(MyViolationArgs, location="query")
@me_bp.response(200, ViolationPageSchema)
def list_my_violations(args: dict):
    """Your own violations from submitted on (empty without a staff record)."""
    user = api_user()
    if not user.staff_id:
        return {"items": [], "page": args["page"], "per_page": args["per_page"], "total": 0, "pages": 0}
    return _page(queries.own_violations(user), args)
