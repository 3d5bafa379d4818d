"""Receiving punches from the time clocks (ADMS pushes) and from integrations (the punches API): each source's
lines become `PunchRow`s in naive UTC and go through the one store (attendance/punch_store.py), which maps the
ids, skips what is already there and refuses punches in the future or outside a person's employment. Never
commits."""
import logging
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa

from hrapp.blueprints.attendance.clocks.rules import body_lines, local_to_utc, parse_api_timestamp, parse_attlog_line
from hrapp.blueprints.attendance.clocks.services import token_hash
from hrapp.blueprints.attendance.punch_store import PunchRow, StoreResult, store_punches
from hrapp.extensions import db
from hrapp.models import AttendanceDevice, Punch, PunchSource, PunchState
from hrapp.models.base import utcnow

log = logging.getLogger(__name__)
MAX_STAMP = 20


@dataclass
class Received:
    """What a push came to: well-formed lines (answered as accepted), malformed ones skipped, and the store's result."""

    accepted: int = 0
    malformed: int = 0
    result: StoreResult = field(default_factory=StoreResult)


def active_device(serial: str | None) -> AttendanceDevice | None:
    """The registered, active device with this serial number, else None."""
    serial = (serial or "").strip()
    if not serial or len(serial) > 64:
        return None
    return db.session.scalar(sa.select(AttendanceDevice).where(AttendanceDevice.serial == serial,
                                                               AttendanceDevice.active.is_(True)))


def device_for_token(token: str) -> AttendanceDevice | None:
    """The active device whose API token this is, else None."""
    token = (token or "").strip()
    if not token or len(token) > 200:
        return None
    return db.session.scalar(sa.select(AttendanceDevice).where(AttendanceDevice.token_hash == token_hash(token),
                                                               AttendanceDevice.active.is_(True)))


def mark_seen(device: AttendanceDevice, ip: str, attlog_stamp: str | None = None,
              operlog_stamp: str | None = None) -> None:
    """Record that the device spoke (time, address, the stamps it delivered up to).

    A plain UPDATE, so the device's version stays: a terminal pushing every minute must not make HR's open
    edit page stale."""
    values = {"last_seen_at": utcnow(), "last_seen_ip": (ip or "")[:45]}
    if attlog_stamp:
        values["attlog_stamp"] = attlog_stamp.strip()[:MAX_STAMP]
    if operlog_stamp:
        values["operlog_stamp"] = operlog_stamp.strip()[:MAX_STAMP]
    db.session.execute(sa.update(AttendanceDevice.__table__).where(AttendanceDevice.__table__.c.id == device.id)
                       .values(**values))


def _state(value: int) -> int:
    """A terminal's status as a PunchState; an unknown code is kept as undefined (255)."""
    return value if value in PunchState._value2member_map_ else PunchState.UNDEFINED


def receive_attlog(device: AttendanceDevice, body: str) -> Received:
    """Store an ATTLOG push: each well-formed line in the device's local time (its zone) as UTC, its status as
    the punch state, the raw line kept. Malformed lines are skipped, counted and logged; the rest are kept."""
    received = Received()
    rows, first_malformed = [], ""
    for line in body_lines(body):
        parsed = parse_attlog_line(line)
        if parsed is None:
            received.malformed += 1
            first_malformed = first_malformed or line[:200]
            continue
        rows.append(PunchRow(parsed.pin, local_to_utc(parsed.local_time, device.timezone), PunchSource.DEVICE,
                             _state(parsed.state), parsed.verify, parsed.raw, device.id))
    if received.malformed:  # one log line per push, not one per line: a garbled batch may hold thousands
        log.warning("time clock %s: %d malformed ATTLOG lines skipped, the first: %r", device.serial,
                    received.malformed, first_malformed)
    received.accepted = len(rows)
    received.result = store_punches(rows)
    return received


def count_lines(body: str) -> int:
    """How many lines an OPERLOG or USERINFO push holds (acknowledged, not stored)."""
    return len(body_lines(body))


@dataclass(frozen=True)
class ApiPunch:
    """One item of the punches API as posted."""

    user_id: str
    timestamp: str
    state: int = PunchState.UNDEFINED
    verify: int | None = None


INVALID_TIMESTAMP = "invalid_timestamp"


def receive_api_punches(device: AttendanceDevice, items: list[ApiPunch]) -> tuple[list[tuple[str, str | None]],
                                                                              StoreResult]:
    """Store the API's punches (device-local unless a timestamp carries an offset) in one pass through the store.

    Returns, per item in order, (status, reason): ("stored", None), ("duplicate", None) or ("refused", why)
    where why is the store's FUTURE / NOT_EMPLOYED or INVALID_TIMESTAMP; and the store's totals."""
    outcome: list[tuple[str, str | None]] = [("refused", INVALID_TIMESTAMP)] * len(items)
    rows: list[tuple[int, PunchRow]] = []
    for index, item in enumerate(items):
        try:
            punched_at = parse_api_timestamp(item.timestamp, device.timezone)
        except ValueError:
            continue
        raw = f"{item.user_id}\t{item.timestamp}\t{item.state}\t{'' if item.verify is None else item.verify}"
        rows.append((index, PunchRow(item.user_id.strip(), punched_at, PunchSource.API, _state(item.state),
                                     item.verify, raw, device.id)))
    already = _existing_keys([row for _i, row in rows])
    result = store_punches([row for _i, row in rows])
    refused = {id(row): why for row, why in result.refused}
    seen: set[tuple[str, datetime]] = set()
    for index, row in rows:
        key = (row.clock_id, row.punched_at)
        if id(row) in refused:
            outcome[index] = ("refused", refused[id(row)])
        elif key in already or key in seen:
            outcome[index] = ("duplicate", None)
        else:
            outcome[index] = ("stored", None)
        seen.add(key)
    return outcome, result


def _existing_keys(rows: list[PunchRow]) -> set[tuple[str, datetime]]:
    """The (clock id, time) pairs of `rows` already stored (read before the store inserts, to tell each item
    whether it was new; the store's own totals stay the authority)."""
    if not rows:
        return set()
    clock_ids = {row.clock_id for row in rows}
    first, last = min(r.punched_at for r in rows), max(r.punched_at for r in rows)
    found = db.session.execute(sa.select(Punch.clock_id, Punch.punched_at).where(
        Punch.clock_id.in_(clock_ids), Punch.punched_at.between(first, last))).all()
    return {(clock_id, punched_at) for clock_id, punched_at in found}
