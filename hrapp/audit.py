"""The audit trail service: one append-only row per change, written in the caller's transaction."""
import enum
from datetime import date, datetime, time
from decimal import Decimal

from hrapp.extensions import db
from hrapp.models import AuditEntry


def _json_value(value):
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    return value


def snapshot(obj, fields) -> dict:
    """JSON-safe dict of `fields` read from `obj` (Decimal and dates as strings, enums as values)."""
    return {name: _json_value(getattr(obj, name)) for name in fields}


def changed_only(before: dict, after: dict) -> tuple[dict, dict]:
    """Keep the keys whose value differs between the two snapshots."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def record(actor, action: str, target, before: dict | None = None, after: dict | None = None,
           label: str = "") -> AuditEntry:
    """Add an audit row for `action` on `target` by `actor` (a User or None for the system).

    The row joins the current transaction: it is committed, or rolled back, with the change.
    """
    db.session.flush()  # the target needs its id
    entry = AuditEntry(
        actor_id=getattr(actor, "id", None),
        action=action,
        target_type=type(target).__name__,
        target_id=getattr(target, "id", None),
        target_label=(label or str(getattr(target, "code", "") or getattr(target, "staff_number", "")
                                   or getattr(target, "username", "") or ""))[:120],
        before=before,
        after=after,
    )
    db.session.add(entry)
    return entry
