"""API errors: every error under /api/v1/ is JSON `{"code": ..., "message": ...[, "errors": {field: [...]}]}`."""
from flask import Response, jsonify
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_smorest import abort
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from webargs.flaskparser import FlaskParser
from werkzeug.exceptions import HTTPException

from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.uniqueness import duplicate_rule
from hrapp.core.validation import ValidationFailed
from hrapp.errors import CODES
from hrapp.extensions import db

API_CODES = {**CODES, 422: "validation_error"}
API_MESSAGES = {
    400: _l("Bad request."),
    401: _l("A valid API token is required."),
    403: _l("You do not have access to this resource."),
    404: _l("Not found."),
    405: _l("Method not allowed."),
    409: STALE_MESSAGE,
    413: _l("The request is too large."),
    422: _l("Some values are invalid."),
    429: _l("Too many requests; wait a minute and try again."),
    500: _l("Something went wrong on our side."),
}
BEARER_CHALLENGE = 'Bearer realm="hrapp"'


def error_response(status: int, message=None, errors: dict | None = None, headers=None) -> Response:
    """The JSON error body; messages may be lazy strings and are rendered here."""
    body = {"code": API_CODES.get(status, "error"), "message": str(message or API_MESSAGES.get(status, _("Error.")))}
    if errors:
        body["errors"] = {field: [str(m) for m in messages] for field, messages in errors.items()}
    response = jsonify(body)
    response.status_code = status
    response.headers.update(headers or {})
    if status == 401:
        response.headers.setdefault("WWW-Authenticate", BEARER_CHALLENGE)
    return response


def handle_http_exception(error: HTTPException) -> Response:
    """Format any HTTP error, including flask-smorest's `abort(status, message=, errors=, headers=)`."""
    if error.code is None:  # abort(response): the response is already final
        return error
    if error.code >= 500:
        db.session.rollback()
    data = getattr(error, "data", None) or {}
    return error_response(error.code, data.get("message"), data.get("errors"), data.get("headers"))


def _flatten(messages: dict) -> dict[str, list]:
    """webargs nests errors by location ({"json": {"field": [...]}}); clients get {"field": [...]}."""
    flat: dict[str, list] = {}
    for location_errors in messages.values():
        items = location_errors.items() if isinstance(location_errors, dict) else [("_schema", location_errors)]
        for field, field_errors in items:
            if isinstance(field_errors, dict):  # a list or nested field: keep the first level only
                field_errors = [f"{key}: {value}" for key, value in field_errors.items()]
            flat.setdefault(field, []).extend(field_errors if isinstance(field_errors, list) else [field_errors])
    return flat


class ApiParser(FlaskParser):
    """webargs parser whose errors already have the API shape."""

    def handle_error(self, error, req, schema, *, error_status_code, error_headers):
        abort(error_status_code or 422, message=_("Some values are invalid."),
              errors=_flatten(error.messages), headers=error_headers or {})

    def _handle_invalid_json_error(self, error, req, *args, **kwargs):
        abort(400, message=_("The request body is not valid JSON."))


def validation_response(exc: ValidationFailed) -> Response:
    """A rule's or service's `ValidationFailed` (any subclass) as the API's 422: its field -> messages map."""
    db.session.rollback()
    return error_response(422, _("Some values are invalid."), exc.errors)


def _conflict(exc: Exception) -> Response:
    """A stale version, or a concurrent write the database refused (version counter, unique key); a declared
    unique key (hrapp.core.uniqueness) names its field and the duplicate message, as the web form does."""
    db.session.rollback()
    rule = duplicate_rule(exc) if isinstance(exc, IntegrityError) else None
    if rule is not None:
        return error_response(409, rule.message, {rule.field: [rule.message]})
    return error_response(409)


def install_error_handlers(bp) -> None:
    """Make `bp` answer every error, HTTP or domain, in the API shape.

    Status-specific handlers are needed too: Flask prefers the app's per-status HTML handlers
    over a blueprint's HTTPException handler.
    """
    bp.register_error_handler(HTTPException, handle_http_exception)
    for status in API_CODES:
        bp.register_error_handler(status, handle_http_exception)
    bp.register_error_handler(ValidationFailed, validation_response)
    for exc_class in (StaleRecord, StaleDataError, IntegrityError):
        bp.register_error_handler(exc_class, _conflict)
