"""Capturing punches: the staff member's web punch, storing an imported file's punches, a person's clock id.

Services never commit; the actor is passed in. Every source stores through punch_store.store_punches.
"""
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa

from hrapp import audit
from hrapp.blueprints.attendance.punch_store import PunchRow, StoreResult, store_punches
from hrapp.company import company_settings, company_today
from hrapp.core.localtime import to_zone, zone_of
from hrapp.extensions import db
from hrapp.models import DeviceUserId, Punch, PunchSource, StaffMember

from .rules import LineError, ParsedPunch


def clock_id_of(staff: StaffMember) -> str:
    """The id the clocks know `staff` by: their DeviceUserId override, else their staff number."""
    override = db.session.scalar(sa.select(DeviceUserId.clock_id).where(DeviceUserId.staff_id == staff.id))
    return override or staff.staff_number


def web_punch(staff: StaffMember, actor, now: datetime, address: str = "") -> StoreResult:
    """Store one web punch for `staff` at `now` (naive UTC), recorded by `actor`; audited when stored.

    The result tells whether it was stored, a duplicate (same second) or refused (future / not employed).
    """
    row = PunchRow(clock_id_of(staff), now.replace(microsecond=0), PunchSource.WEB, recorded_by_id=actor.id,
                   note=address[:255])
    result = store_punches([row])
    if result.stored:
        audit.record(actor, "attendance.punch_web", staff, after={"punched_at": row.punched_at.isoformat(),
                                                                  "source": PunchSource.WEB.value})
    return result


def punches_since(staff: StaffMember, since_local_day) -> list[Punch]:
    """`staff`'s punches from the start of a local day on, oldest first."""
    zone = zone_of(company_settings().timezone)
    utc_start = datetime.combine(since_local_day, time.min, tzinfo=zone).astimezone(UTC).replace(tzinfo=None)
    return list(db.session.scalars(sa.select(Punch).where(Punch.staff_id == staff.id, Punch.punched_at >= utc_start)
                                   .order_by(Punch.punched_at)))


def store_parsed(parsed: list[ParsedPunch | LineError], actor, device_id: int | None = None,
                 filename: str = "") -> StoreResult:
    """Store the readable lines of an imported file (source FILE), skipping what is stored already.

    The caller decides whether lines in error block the import (they are ignored here).
    """
    rows = [PunchRow(p.clock_id, p.punched_at, PunchSource.FILE, state=p.state, verify_mode=p.verify_mode,
                     raw_line=p.raw, device_id=device_id, recorded_by_id=getattr(actor, "id", None),
                     note=filename[:255])
            for p in parsed if isinstance(p, ParsedPunch)]
    return store_punches(rows)


def own_punches(staff: StaffMember, now: datetime) -> tuple[list[Punch], list[Punch]]:
    """`staff`'s punches of the local day of `now`, and of the rest of that week (Monday on), oldest first."""
    today = company_today(now)
    zone = company_settings().timezone
    week = punches_since(staff, week_start(today))
    return ([p for p in week if to_zone(p.punched_at, zone).date() == today],
            [p for p in week if to_zone(p.punched_at, zone).date() != today])


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())
