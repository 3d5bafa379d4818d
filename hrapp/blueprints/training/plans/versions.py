"""The flush of a versioned change: a row someone else changed first (its version moved under us) is StaleRecord,
the one "changed by someone else" answer, never a 500."""
from sqlalchemy.orm.exc import StaleDataError

from hrapp.core.errors import StaleRecord
from hrapp.extensions import db


def flush_versioned() -> None:
    """Flush; a versioned UPDATE or DELETE that matched no row raises StaleRecord."""
    try:
        db.session.flush()
    except StaleDataError as exc:
        raise StaleRecord() from exc
