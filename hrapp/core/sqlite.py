"""SQLite file databases that were briefly unwritable recover without a restart.

A connection SQLite opens while the file cannot be written (a permissions slip, a full disk) stays read-only
for its whole life, and the pool would hand it out again and again. A write that fails because the
database could not be written therefore counts as a lost connection: SQLAlchemy discards it and the rest
of the pool, and the next request opens fresh connections, which can write as soon as the file can.
"""
import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine

# SQLite's messages for "the file cannot be written" (lower case); a busy or locked database is not one.
UNWRITABLE_MESSAGES = ("attempt to write a readonly database", "disk i/o error", "database or disk is full",
                       "unable to open database file")


def is_unwritable(exc: BaseException | None) -> bool:
    """Whether `exc` (a DB-API error, or SQLAlchemy's wrapper of one) says the database cannot be written."""
    original = getattr(exc, "orig", exc)
    return isinstance(original, sqlite3.OperationalError) and str(original).lower().startswith(UNWRITABLE_MESSAGES)


def is_file_database(url: URL) -> bool:
    """A SQLite database in a file (an in-memory one lives in its only connection: never discard that)."""
    return url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")


def discard_unwritable_connections(engine: Engine) -> None:
    """Have `engine` invalidate, rather than pool again, connections whose write failed on an unwritable file."""
    @event.listens_for(engine, "handle_error")
    def _discard(context):
        if is_unwritable(context.original_exception):
            context.is_disconnect = True
