"""Which attendees are rostered to work while a session runs: `clashes(session, staff_ids) -> {staff_id: text}`.

The rostered cells (any roster: draft, published or locked) of the session's local days, and of the day before
(a night shift started then may run into the session), are read in one query; a cell clashes when its shift's
interval (attendance's `shift_times`: a shift ending at or before its start ends the next day) overlaps the
session's local time. The training shifts themselves (codes starting with TRAINING_CODE, put there by "Put on the roster")
are no clash.
"""
from collections.abc import Iterable
from datetime import datetime, timedelta

import sqlalchemy as sa

from hrapp.blueprints.attendance.reconcile.rules import shift_times
from hrapp.company import company_settings
from hrapp.core.localtime import to_zone
from hrapp.extensions import db
from hrapp.models import RosterCell, ShiftKind, ShiftType, TrainingSession

TRAINING_CODE = "训"


def local_times(session: TrainingSession) -> tuple[datetime, datetime]:
    """The session's start and end as naive company-local times."""
    zone = company_settings().timezone
    return (to_zone(session.starts_at, zone).replace(tzinfo=None),
            to_zone(session.ends_at, zone).replace(tzinfo=None))


def overlaps(first: tuple[datetime, datetime], second: tuple[datetime, datetime]) -> bool:
    """Two half-open intervals share some time (touching ends do not)."""
    return first[0] < second[1] and second[0] < first[1]


def shift_text(name: str, start, end) -> str:
    """"早班 07:00–15:00"."""
    return f"{name} {start.strftime('%H:%M')}–{end.strftime('%H:%M')}"


def clashes(session: TrainingSession, staff_ids: Iterable[int]) -> dict[int, str]:
    """staff_id -> the clashing shifts' text (several joined with "、"), for those of `staff_ids` rostered to work
    during the session; one query for all of them."""
    ids = list(set(staff_ids))
    if not ids:
        return {}
    starts, ends = local_times(session)
    rows = db.session.execute(
        sa.select(RosterCell.staff_id, RosterCell.day, ShiftType.name, ShiftType.start_time, ShiftType.end_time)
        .join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
        .where(RosterCell.staff_id.in_(ids), RosterCell.day >= starts.date() - timedelta(days=1),
               RosterCell.day <= ends.date(), ShiftType.kind == ShiftKind.WORK,
               sa.not_(ShiftType.code.startswith(TRAINING_CODE)), ShiftType.start_time.is_not(None), ShiftType.end_time.is_not(None))
        .order_by(RosterCell.staff_id, RosterCell.day)).all()
    found: dict[int, list[str]] = {}
    for staff_id, day, name, start, end in rows:
        shift = shift_times(day, start, end)
        if overlaps((shift.start, shift.end), (starts, ends)):
            found.setdefault(staff_id, []).append(shift_text(name, start, end))
    return {staff_id: "、".join(texts) for staff_id, texts in found.items()}
