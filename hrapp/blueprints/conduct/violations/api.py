"""Violation endpoints: list (scoped like the web), record (a head or HR, idempotent with `Idempotency-Key`),
and the token user's own."""
from flask import request
from flask_babel import gettext as _
from flask_smorest import abort
from sqlalchemy.exc import IntegrityError, OperationalError

from hrapp.blueprints.api.auth import api_blueprint, api_user, requires
from hrapp.blueprints.api.schemas import MAX_PER_PAGE
from hrapp.blueprints.conduct.access import ConductPerm
from hrapp.blueprints.conduct.violations import queries
from hrapp.blueprints.conduct.violations.clock import utc_of_local
from hrapp.blueprints.conduct.violations.recording import find_by_key, record_or_replay
from hrapp.blueprints.conduct.violations.schemas import (
    MyViolationArgs,
    ViolationCreateSchema,
    ViolationListArgs,
    ViolationPageSchema,
    ViolationSchema,
)
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import RecordSource, Violation

bp = api_blueprint("api_violations", __name__, "/api/v1/violations",
                   "Violations of the code of conduct: HR sees all, heads their departments', staff their own "
                   "once submitted. Heads and HR record them.")
me_bp = api_blueprint("api_my_violations", __name__, "/api/v1/me/violations",
                      "The token user's own violations, from submitted on.")
IDEMPOTENCY_KEY = {"in": "header", "name": "Idempotency-Key", "required": False, "schema": {"type": "string"},
                   "description": "A retry with the same key (by the same user) returns the first result."}
MAX_KEY = 80
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


def _key() -> str | None:
    key = request.headers.get("Idempotency-Key", "").strip()
    if len(key) > MAX_KEY:
        abort(422, message=_("Some values are invalid."),
              errors={"Idempotency-Key": [_("At most %(n)s characters.", n=MAX_KEY)]})
    return key or None


def _renamed(exc: ValidationFailed) -> ValidationFailed:
    return ValidationFailed({ALIASES.get(name, name): messages for name, messages in exc.errors.items()})


@bp.route("", methods=["POST"])
@requires(ConductPerm.RECORD)
@bp.arguments(ViolationCreateSchema)
@bp.response(201, ViolationSchema)
@bp.alt_response(200, schema=ViolationSchema, description="A retry with a used Idempotency-Key: the first result.")
@bp.alt_response(403, response="FORBIDDEN")
@bp.doc(parameters=[IDEMPOTENCY_KEY])
def create_violation(payload: dict):
    """Record a violation (submitted to the person unless `submit` is false); 422 with field messages."""
    user, key = api_user(), _key()
    if (existing := find_by_key(user, key)) is not None:
        return existing, 200
    staff, rule = queries.staff_by_number(payload["staff_number"]), queries.rule_by_code(payload["rule_code"])
    try:
        violation, created = record_or_replay(
            user, staff, rule, utc_of_local(payload["occurred_at"]), amount=payload["amount"],
            amount_involved=payload["amount_involved"], minutes=payload["minutes"], serious=payload["serious"],
            place=payload["place"], description=payload["description"], witnesses=payload["witnesses"],
            source=RecordSource.API, idempotency_key=key, submit=payload["submit"])
        db.session.commit()
    except ValidationFailed as exc:
        raise _renamed(exc) from None
    except (IntegrityError, OperationalError):  # lost a race on the key (or SQLite's write lock): the winner
        db.session.rollback()
        if (existing := find_by_key(user, key)) is None:
            raise
        return existing, 200
    return violation, 201 if created else 200


@me_bp.route("")
@me_bp.arguments(MyViolationArgs, location="query")
@me_bp.response(200, ViolationPageSchema)
def list_my_violations(args: dict):
    """Your own violations from submitted on (empty without a staff record)."""
    user = api_user()
    if not user.staff_id:
        return {"items": [], "page": args["page"], "per_page": args["per_page"], "total": 0, "pages": 0}
    return _page(queries.own_violations(user), args)
