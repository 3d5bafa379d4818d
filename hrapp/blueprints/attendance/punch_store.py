"""Storing punches, the one way every source (web, time clocks, files, the API, corrections) writes them.

`store_punches` maps each punch's clock id to a person (their `DeviceUserId` override, else the staff number),
inserts what is new and skips what is already there (the unique (clock_id, punched_at): a replayed batch, a
re-imported file, the same punch from two terminals), all in the caller's transaction — it never commits. Ids
that map to no one are stored with no person and wait in HR's list of unmapped ids, never dropped. Listeners
in `ON_STORED` (the reconciliation registers one) hear which (person, UTC time) pairs were stored.
"""
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from hrapp.company import company_settings
from hrapp.core.localtime import to_zone
from hrapp.extensions import db
from hrapp.models import DeviceUserId, Punch, PunchSource, PunchState, StaffMember
from hrapp.models.base import utcnow

# Called with the list of stored punches' (staff_id, punched_at) once they are inserted (same transaction).
ON_STORED: list[Callable[[list[tuple[int, datetime]]], None]] = []


@dataclass(frozen=True)
class PunchRow:
    """One punch as a source delivers it: `punched_at` is naive UTC (the source converts its local time)."""

    clock_id: str
    punched_at: datetime
    source: PunchSource
    state: int = PunchState.UNDEFINED
    verify_mode: int | None = None
    raw_line: str = ""
    device_id: int | None = None
    recorded_by_id: int | None = None
    note: str = ""


# Why a punch is refused (each source reports it per line or per item and keeps the rest).
FUTURE = "future"  # more than FUTURE_SKEW ahead of the server's clock
NOT_EMPLOYED = "not_employed"  # on a local day before the person's hire or after their leaving
FUTURE_SKEW = timedelta(minutes=5)
BATCH = 5_000  # rows per executemany


def punch_refusal(punched_at: datetime, now: datetime, local_day: date | None = None, hire_on: date | None = None,
                  left_on: date | None = None) -> str | None:
    """FUTURE, NOT_EMPLOYED or None (pure): a punch ahead of the clock, or outside the person's employment."""
    if punched_at > now + FUTURE_SKEW:
        return FUTURE
    if local_day is not None and ((hire_on and local_day < hire_on) or (left_on and local_day > left_on)):
        return NOT_EMPLOYED
    return None


@dataclass
class StoreResult:
    stored: int = 0
    duplicates: int = 0
    refused: list[tuple["PunchRow", str]] = field(default_factory=list)  # (row, FUTURE / NOT_EMPLOYED)
    unmapped: set[str] = field(default_factory=set)  # clock ids of stored punches that map to no one
    stored_pairs: list[tuple[int, datetime]] = field(default_factory=list)  # (staff_id, punched_at)


def staff_ids_for(clock_ids: Iterable[str]) -> dict[str, int]:
    """clock id -> staff id: the person's DeviceUserId override wins over a staff number (two queries)."""
    ids = {str(c).strip() for c in clock_ids if str(c).strip()}
    if not ids:
        return {}
    found = dict(db.session.execute(sa.select(StaffMember.staff_number, StaffMember.id)
                                    .where(StaffMember.staff_number.in_(ids))).all())
    overridden = set(db.session.scalars(sa.select(DeviceUserId.staff_id)))
    found = {k: v for k, v in found.items() if v not in overridden}  # their clocks know them by another id
    found.update(dict(db.session.execute(sa.select(DeviceUserId.clock_id, DeviceUserId.staff_id)
                                         .where(DeviceUserId.clock_id.in_(ids))).all()))
    return found


def _insert():
    dialect = db.session.get_bind().dialect.name
    table = Punch.__table__
    if dialect == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing(constraint="punch_once")
    if dialect == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing(index_elements=["clock_id", "punched_at"])
    raise RuntimeError(f"store_punches supports SQLite and PostgreSQL, not {dialect}")


def store_punches(rows: Iterable[PunchRow]) -> StoreResult:
    """Insert the new punches of `rows` (batched executemany, duplicates skipped by the database);
    punches in the future or outside the person's employment are refused (`StoreResult.refused`), the rest kept."""
    rows = list(rows)
    result = StoreResult()
    if not rows:
        return result
    mapping = staff_ids_for(r.clock_id for r in rows)
    employment = {staff_id: (hire_on, left_on) for staff_id, hire_on, left_on in db.session.execute(
        sa.select(StaffMember.id, StaffMember.hire_on, StaffMember.left_on)
        .where(StaffMember.id.in_(set(mapping.values()))))} if mapping else {}
    zone = company_settings().timezone
    now = utcnow()
    seen: set[tuple[str, datetime]] = set()
    table = Punch.__table__
    statement = _insert().returning(table.c.clock_id, table.c.punched_at, table.c.staff_id)
    params = []
    for row in rows:
        clock_id = str(row.clock_id).strip()
        key = (clock_id, row.punched_at.replace(microsecond=0))
        if key in seen:
            result.duplicates += 1
            continue
        seen.add(key)
        staff_id = mapping.get(clock_id)
        hire_on, left_on = employment.get(staff_id, (None, None))
        refusal = punch_refusal(key[1], now, to_zone(key[1], zone).date(), hire_on, left_on)
        if refusal:
            result.refused.append((row, refusal))
            continue
        params.append({
            "clock_id": clock_id, "staff_id": staff_id, "punched_at": key[1], "source": row.source.value,
            "device_id": row.device_id, "state": int(row.state), "verify_mode": row.verify_mode,
            "raw_line": row.raw_line[:1000], "received_at": now, "recorded_by_id": row.recorded_by_id,
            "note": row.note[:255]})
    # One executemany per batch (batched VALUES with RETURNING): only the rows really inserted come back.
    for start in range(0, len(params), BATCH):
        for clock_id, punched_at, staff_id in db.session.execute(statement, params[start:start + BATCH]):
            result.stored += 1
            if staff_id is None:
                result.unmapped.add(clock_id)
            else:
                result.stored_pairs.append((staff_id, punched_at))
    result.duplicates += len(params) - result.stored
    if result.stored_pairs:
        for listener in ON_STORED:
            listener(result.stored_pairs)
    return result
