"""Optimistic concurrency for API writes: the client names the version it read, as `version_id` or If-Match."""
from flask import request
from flask_babel import gettext as _
from flask_smorest import abort

IF_MATCH_PARAMETER = {
    "in": "header", "name": "If-Match", "required": False, "schema": {"type": "string"},
    "description": 'The ETag of the version you read, e.g. "3"; an alternative to `version_id` in the body.',
}


def etag_headers(obj) -> dict[str, str]:
    """An ETag naming the record's version: send it back as If-Match to update it."""
    return {"ETag": f'"{obj.version_id}"'}


def expected_version(current: int, body_version: int | None, required: bool = True) -> int | None:
    """The version the client last read: `version_id` from the body, else the If-Match ETag.

    `If-Match: *` names no version. When both are sent, both must match.
    :raise 409: the If-Match header names other versions only.
    :raise 422: `required` and the client sent neither.
    :return: the version the service must compare with the record (None: no check).
    """
    if_match = request.if_match
    if if_match and not if_match.star_tag:
        if not if_match.contains(str(current)):
            abort(409)
        return current if body_version is None else body_version
    if body_version is None and required:
        abort(422, message=_("Some values are invalid."), errors={"version_id": [
            _("Send the version_id you last read, or its ETag in an If-Match header.")]})
    return body_version
