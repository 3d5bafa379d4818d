"""`Idempotency-Key` for the API's create endpoints: a client retrying a POST with the same key (as the same user)
gets the first result back instead of a second record, even when the two requests race.

The record type stores the key in a column with a unique constraint on (its creator, key): whichever request
commits first wins; the other's INSERT is refused by the database and `create_once` answers with the winner's
record. Endpoints declare `IDEMPOTENCY_PARAMETER` in their OpenAPI doc and call `request_key()` and `create_once`.
"""
from collections.abc import Callable
from typing import TypeVar

from flask import request
from flask_babel import gettext as _
from flask_smorest import abort
from sqlalchemy.exc import IntegrityError, OperationalError

from hrapp.extensions import db

MAX_KEY = 80
IDEMPOTENCY_PARAMETER = {
    "in": "header", "name": "Idempotency-Key", "required": False, "schema": {"type": "string", "maxLength": MAX_KEY},
    "description": "Any unique string per intended record: a retry with the same key (by the same user) returns the "
                   "first result (200) instead of creating a second record.",
}

Record = TypeVar("Record")


def request_key() -> str | None:
    """The request's Idempotency-Key (None when absent or blank); 422 when it is too long."""
    key = request.headers.get("Idempotency-Key", "").strip()
    if len(key) > MAX_KEY:
        abort(422, message=_("Some values are invalid."),
              errors={"Idempotency-Key": [_("At most %(n)s characters.", n=MAX_KEY)]})
    return key or None


def create_once(key: str | None, find: Callable[[str], Record | None],
                create: Callable[[], Record]) -> tuple[Record, bool]:
    """(record, created): the record stored earlier under `key` (`find(key)`), else `create()` committed. When the
    commit loses a race on the key (IntegrityError, or SQLite's write lock) the winner is returned; any other
    refusal propagates after the rollback. Other exceptions of `create` propagate with the session untouched."""
    if key and (first := find(key)) is not None:
        return first, False
    try:
        record = create()
        db.session.commit()
    except (IntegrityError, OperationalError):
        db.session.rollback()
        if key and (first := find(key)) is not None:
            return first, False
        raise
    return record, True
