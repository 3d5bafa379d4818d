"""POST /api/v1/attendance/punches: an integration (a clock vendor's cloud, a gate system) delivers punches,
authenticated by the API token HR issued to its registered device, not by a user's token."""
from flask import g, request
from flask_babel import gettext as _
from flask_smorest import abort

from hrapp.blueprints.api.auth import ApiBlueprint
from hrapp.blueprints.api.errors import BEARER_CHALLENGE, install_error_handlers
from hrapp.blueprints.attendance.clocks.receiving import ApiPunch, device_for_token, mark_seen, receive_api_punches
from hrapp.blueprints.attendance.clocks.schemas import PunchBatchResultSchema, PunchBatchSchema
from hrapp.extensions import csrf, db

DEVICE_TOKEN = "deviceToken"  # the OpenAPI security scheme of this endpoint
bp = ApiBlueprint("api_attendance_punches", __name__, url_prefix="/api/v1/attendance/punches",
                  description="Punches from integrations (考勤打卡接口). Authenticate with the device token HR "
                              "issued on the time clock's page: `Authorization: Bearer clk_...` (a user's API "
                              "token is not accepted). Punches are stored once: posting a batch again is harmless.")
bp.security_schemes = {DEVICE_TOKEN: {
    "type": "http", "scheme": "bearer", "bearerFormat": "clk_...",
    "description": "The API token HR issued to a registered time clock or integration on its page "
                   "(`Authorization: Bearer clk_...`); a user's token is not accepted here."}}
install_error_handlers(bp)
csrf.exempt(bp)


@bp.before_request
def authenticate_device() -> None:
    """Resolve `Authorization: Bearer clk_...` to its active device, else 401."""
    scheme, _sep, token = request.headers.get("Authorization", "").partition(" ")
    device = device_for_token(token) if scheme.lower() == "bearer" else None
    if device is None:
        challenge = BEARER_CHALLENGE + (', error="invalid_token"' if token.strip() else "")
        abort(401, message=_("A valid device token is required."), headers={"WWW-Authenticate": challenge})
    g.api_device = device


@bp.route("", methods=["POST"])
@bp.arguments(PunchBatchSchema)
@bp.response(200, PunchBatchResultSchema)
@bp.alt_response(401, response="UNAUTHORIZED")
@bp.doc(security=[{DEVICE_TOKEN: []}])
def post_punches(batch: dict):
    """Store a batch of punches; each item is answered stored, duplicate or refused (with the reason).

    Authenticated by the device's token (`Authorization: Bearer clk_...`, issued on the time clock's page), not
    a user's API token. Idempotent: a punch is (user id, time); posting it again answers `duplicate`.
    """
    device = g.api_device
    items = [ApiPunch(p["user_id"], p["timestamp"], p["state"], p["verify"]) for p in batch["punches"]]
    outcome, result = receive_api_punches(device, items)
    mark_seen(device, request.remote_addr or "")
    db.session.commit()
    results = [{"index": i, "user_id": item.user_id, "status": status, "reason": reason}
               for i, (item, (status, reason)) in enumerate(zip(items, outcome, strict=True))]
    return {"results": results, "totals": {
        "stored": sum(1 for s, _r in outcome if s == "stored"),
        "duplicates": sum(1 for s, _r in outcome if s == "duplicate"),
        "refused": sum(1 for s, _r in outcome if s == "refused"),
        "unmapped": len([r for r in results if r["status"] == "stored"]) - len(result.stored_pairs)}}
