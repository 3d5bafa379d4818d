"""Staff endpoints: list, read, create and partial update, scoped exactly like the web UI."""
from dataclasses import replace

from flask import url_for

from hrapp.blueprints.api.auth import api_blueprint, api_user, get_visible_or_404, requires
from hrapp.blueprints.api.schemas import MAX_PER_PAGE, StaffListArgs, StaffPageSchema, StaffPatchSchema, StaffSchema
from hrapp.blueprints.api.versions import IF_MATCH_PARAMETER, etag_headers, expected_version
from hrapp.blueprints.staff.access import can_edit_staff
from hrapp.blueprints.staff.rules import StaffData
from hrapp.blueprints.staff.services import StaffFilters, create_staff, staff_data_of, staff_query, update_staff
from hrapp.extensions import db
from hrapp.models import StaffMember
from hrapp.permissions import can_view_staff

bp = api_blueprint("api_staff", __name__, "/api/v1/staff",
                   "Staff records: HR and administrators see everyone, department heads their departments, "
                   "everyone else only themselves.")


def _can_edit(user, staff: StaffMember) -> bool:
    return can_view_staff(user, staff) and can_edit_staff(user, staff)


@bp.route("")
@bp.arguments(StaffListArgs, location="query")
@bp.response(200, StaffPageSchema)
def list_staff(args: dict):
    """List the staff visible to the token's user.

    Filters only narrow that scope: a department outside it gives an empty list.
    """
    page, per_page = args.pop("page"), args.pop("per_page")
    return db.paginate(staff_query(api_user(), StaffFilters(**args)), page=page, per_page=per_page,
                       max_per_page=MAX_PER_PAGE, error_out=False)


@bp.route("/<int:staff_id>")
@bp.response(200, StaffSchema)
@bp.alt_response(403, response="FORBIDDEN")
@bp.alt_response(404, response="NOT_FOUND")
def get_staff(staff_id: int):
    """One staff record (404 if it does not exist, 403 if it is outside your scope)."""
    staff = get_visible_or_404(StaffMember, staff_id, can_view_staff)
    return staff, 200, etag_headers(staff)


@bp.route("", methods=["POST"])
@requires(can_edit_staff)
@bp.arguments(StaffSchema)
@bp.response(201, StaffSchema)
@bp.alt_response(403, response="FORBIDDEN")
def create_staff_member(payload: dict):
    """Create a staff record (HR and administrators)."""
    staff = create_staff(StaffData(**payload), api_user())
    db.session.commit()
    return staff, 201, {"Location": url_for(".get_staff", staff_id=staff.id), **etag_headers(staff)}


@bp.route("/<int:staff_id>", methods=["PATCH"])
@requires(can_edit_staff)
@bp.arguments(StaffPatchSchema(partial=True))
@bp.response(200, StaffSchema)
@bp.alt_response(403, response="FORBIDDEN")
@bp.alt_response(404, response="NOT_FOUND")
@bp.alt_response(409, response="CONFLICT")
@bp.doc(parameters=[IF_MATCH_PARAMETER])
def update_staff_member(payload: dict, staff_id: int):
    """Change some fields of a staff record (HR and administrators).

    Send the `version_id` you read (or its ETag as If-Match); a record changed since is a 409.
    Transfers, promotions and status changes are recorded in the employment history.
    """
    staff = get_visible_or_404(StaffMember, staff_id, _can_edit)
    version = expected_version(staff.version_id, payload.pop("version_id", None))
    effective_on = payload.pop("effective_on", None)
    update_staff(staff, replace(staff_data_of(staff), **payload), api_user(), expected_version=version,
                 effective_on=effective_on)
    db.session.commit()
    return staff, 200, etag_headers(staff)
