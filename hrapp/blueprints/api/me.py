"""GET /api/v1/me: who the token belongs to."""
from hrapp.blueprints.api.auth import api_blueprint, api_user
from hrapp.blueprints.api.schemas import MeSchema
from hrapp.permissions import granted_permissions

bp = api_blueprint("api_me", __name__, "/api/v1/me", "The account the token belongs to.")


@bp.route("")
@bp.response(200, MeSchema)
def get_me():
    """The token's user: username, role, linked staff record, headed departments and permissions."""
    user = api_user()
    return {"id": user.id, "username": user.username, "role": user.role, "staff_id": user.staff_id,
            "headed_departments": user.headed_departments,
            "permissions": sorted(granted_permissions(user))}
