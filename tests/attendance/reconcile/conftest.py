"""Reconcile fixtures: the published FO May 2026 roster (tests/roster/fixtures.py `rostered`) and helpers."""
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from hrapp.blueprints.attendance.punch_store import PunchRow, store_punches
from hrapp.extensions import db
from hrapp.models import AttendanceDay, PunchSource, RosterCell, ShiftType

SHANGHAI = ZoneInfo("Asia/Shanghai")
AFTER_MAY = datetime(2026, 6, 2)  # UTC "now" once every May window has closed


def utc(day: date, hour: int, minute: int = 0) -> datetime:
    """The naive UTC time of `day` hour:minute in Shanghai."""
    return datetime.combine(day, time(hour, minute), SHANGHAI).astimezone(UTC).replace(tzinfo=None)


def punch(staff, *times, state=255):
    return store_punches([PunchRow(staff.staff_number, at, PunchSource.DEVICE, state=state) for at in times])


def first_day_with(staff, code: str, after: date = date(2026, 5, 1)) -> date:
    return db.session.scalar(sa.select(RosterCell.day).join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
                             .where(RosterCell.staff_id == staff.id, ShiftType.code == code, RosterCell.day >= after)
                             .order_by(RosterCell.day).limit(1))


def day_row(staff, day: date) -> AttendanceDay | None:
    db.session.expire_all()
    return db.session.scalar(sa.select(AttendanceDay).where(AttendanceDay.staff_id == staff.id,
                                                            AttendanceDay.day == day))


@pytest.fixture
def person(rostered):
    return rostered.fo_staff[0]


NEXT = timedelta(days=1)
