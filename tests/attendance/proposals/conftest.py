"""Proposals fixtures: the published FO May 2026 roster (`rostered`) with the standard conduct catalogue, and
helpers to punch through the punch store (which re-reconciles the days, which proposes)."""
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from hrapp.blueprints.attendance.punch_store import PunchRow, store_punches
from hrapp.blueprints.conduct.catalogue.seed import seed_catalogue
from hrapp.extensions import db
from hrapp.models import AttendanceDay, PunchSource, RecordSource, RosterCell, ShiftType, Violation

SHANGHAI = ZoneInfo("Asia/Shanghai")
AFTER_MAY = datetime(2026, 6, 2)  # UTC "now" once every May window has closed
NEXT = timedelta(days=1)


def utc(day: date, hour: int, minute: int = 0) -> datetime:
    """The naive UTC time of `day` hour:minute in Shanghai."""
    return datetime.combine(day, time(hour, minute), SHANGHAI).astimezone(UTC).replace(tzinfo=None)


def punch(staff, *times, source=PunchSource.DEVICE):
    return store_punches([PunchRow(staff.staff_number, at, source) for at in times])


def first_day_with(staff, code: str, after: date = date(2026, 5, 1)) -> date:
    return db.session.scalar(sa.select(RosterCell.day).join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
                             .where(RosterCell.staff_id == staff.id, ShiftType.code == code, RosterCell.day >= after)
                             .order_by(RosterCell.day).limit(1))


def day_row(staff, day: date) -> AttendanceDay | None:
    db.session.expire_all()
    return db.session.scalar(sa.select(AttendanceDay).where(AttendanceDay.staff_id == staff.id,
                                                            AttendanceDay.day == day))


def proposals(staff=None) -> list[Violation]:
    """The attendance violations (of `staff`), oldest first."""
    db.session.expire_all()
    query = sa.select(Violation).where(Violation.source == RecordSource.ATTENDANCE).order_by(Violation.id)
    if staff is not None:
        query = query.where(Violation.staff_id == staff.id)
    return list(db.session.scalars(query))


@pytest.fixture
def catalogue(rostered):
    """The standard catalogue (2-3a lateness tiers, 2-3b three days' wage) on top of `rostered`."""
    seed_catalogue(rostered.hr)
    db.session.commit()
    return rostered


@pytest.fixture
def person(catalogue, set_wage):
    """The first FO staff member (account "zhangsan"), with a wage of 4,350 a month."""
    staff = catalogue.fo_staff[0]
    set_wage(staff)
    return staff
