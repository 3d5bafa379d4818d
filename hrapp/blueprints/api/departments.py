"""Department endpoints: list and read within the user's scope; create and update with org.edit."""
import sqlalchemy as sa
from flask import url_for
from flask_babel import gettext as _
from flask_smorest import abort

from hrapp.blueprints.api.auth import api_blueprint, api_user, get_visible_or_404, requires
from hrapp.blueprints.api.schemas import (
    MAX_PER_PAGE,
    DepartmentListArgs,
    DepartmentPageSchema,
    DepartmentPatchSchema,
    DepartmentSchema,
)
from hrapp.blueprints.api.versions import IF_MATCH_PARAMETER, etag_headers, expected_version
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.staff.services import StaleRecordError
from hrapp.extensions import db
from hrapp.models import Department
from hrapp.permissions import Perm, can_view_department, department_scope_clause

bp = api_blueprint("api_departments", __name__, "/api/v1/departments",
                   "Departments: HR and administrators see all, department heads the departments they head "
                   "and their sub-departments, everyone else their own department.")


def _parent(parent_id: int | None) -> Department | None:
    """The parent named by the client; an unknown id is a field error, not a 404."""
    if parent_id is None:
        return None
    parent = db.session.get(Department, parent_id)
    if parent is None:
        abort(422, message=_("Some values are invalid."), errors={"parent_id": [_("Unknown department.")]})
    return parent


@bp.route("")
@bp.arguments(DepartmentListArgs, location="query")
@bp.response(200, DepartmentPageSchema)
def list_departments(args: dict):
    """List the departments visible to the token's user, in tree order."""
    query = sa.select(Department).where(department_scope_clause(api_user())).order_by(Department.path)
    if args["q"]:
        like = f"%{args['q'].strip()}%"
        query = query.where(sa.or_(Department.code.ilike(like), Department.name.ilike(like),
                                   Department.name_en.ilike(like)))
    if args["parent_id"] is not None:
        query = query.where(Department.parent_id == args["parent_id"])
    return db.paginate(query, page=args["page"], per_page=args["per_page"], max_per_page=MAX_PER_PAGE,
                       error_out=False)


@bp.route("/<int:department_id>")
@bp.response(200, DepartmentSchema)
@bp.alt_response(403, response="FORBIDDEN")
@bp.alt_response(404, response="NOT_FOUND")
def get_department(department_id: int):
    """One department (404 if it does not exist, 403 if it is outside your scope)."""
    department = get_visible_or_404(Department, department_id, can_view_department)
    return department, 200, etag_headers(department)


@bp.route("", methods=["POST"])
@requires(Perm.ORG_EDIT)
@bp.arguments(DepartmentSchema)
@bp.response(201, DepartmentSchema)
@bp.alt_response(403, response="FORBIDDEN")
def create_department(payload: dict):
    """Create a department (HR and administrators)."""
    department = save_department(api_user(), None, payload["code"], payload["name"], payload["name_en"],
                                 _parent(payload["parent_id"]), payload["planned_headcount"])
    db.session.commit()
    return department, 201, {"Location": url_for(".get_department", department_id=department.id),
                             **etag_headers(department)}


@bp.route("/<int:department_id>", methods=["PATCH"])
@requires(Perm.ORG_EDIT)
@bp.arguments(DepartmentPatchSchema(partial=True))
@bp.response(200, DepartmentSchema)
@bp.alt_response(403, response="FORBIDDEN")
@bp.alt_response(404, response="NOT_FOUND")
@bp.alt_response(409, response="CONFLICT")
@bp.doc(parameters=[IF_MATCH_PARAMETER])
def update_department(payload: dict, department_id: int):
    """Change some fields of a department (HR and administrators); moving it moves its subtree.

    `version_id` (or If-Match) is optional here; when sent, a department changed since is a 409.
    """
    department = get_visible_or_404(Department, department_id, can_view_department)
    version = expected_version(department.version_id, payload.pop("version_id", None), required=False)
    if version is not None and version != department.version_id:
        raise StaleRecordError()
    values = {name: getattr(department, name) for name in ("code", "name", "name_en", "planned_headcount")}
    values |= {name: value for name, value in payload.items() if name != "parent_id"}
    parent = _parent(payload["parent_id"]) if "parent_id" in payload else department.parent
    save_department(api_user(), department, values["code"], values["name"], values["name_en"], parent,
                    values["planned_headcount"])
    db.session.commit()
    return department, 200, etag_headers(department)
