"""hrapp.core.bulk.insert_rows stores exactly what the ORM would: read back through the ORM, every converted type
(date, datetime with and without microseconds, boolean, enum, JSON, NULL) round-trips, and range queries
compare the stored times correctly (SQLite compares the text)."""
from datetime import date, datetime

import pytest
import sqlalchemy as sa

from hrapp.core.bulk import insert_rows
from hrapp.extensions import db
from hrapp.models import AttendanceDay, DayStatus, Punch, PunchSource


def test_rows_read_back_through_the_orm_as_written(org):
    person = org.desk_staff
    at = datetime(2026, 3, 2, 8, 0)
    insert_rows(AttendanceDay.__table__, [
        {"staff_id": person.id, "day": date(2026, 3, 2), "department_id": person.department_id,
         "shift_type_id": None, "status": DayStatus.LATE.value, "late_minutes": 7, "early_minutes": 0,
         "worked_minutes": 470, "overtime_minutes": 0, "overtime_approved": True, "in_punch_id": None,
         "out_punch_id": None, "flags": ["overtime_day_over_3h"], "reconciled_at": at, "version_id": 1},
        {"staff_id": person.id, "day": date(2026, 3, 3), "department_id": person.department_id,
         "shift_type_id": None, "status": DayStatus.PRESENT, "late_minutes": 0, "early_minutes": 0,
         "worked_minutes": 0, "overtime_minutes": 0, "overtime_approved": False, "in_punch_id": None,
         "out_punch_id": None, "flags": [], "reconciled_at": at.replace(microsecond=5), "version_id": 1},
    ])
    db.session.expire_all()
    rows = db.session.scalars(sa.select(AttendanceDay).where(AttendanceDay.staff_id == person.id)
                              .order_by(AttendanceDay.day)).all()
    assert [(r.day, r.status, r.overtime_approved, r.flags, r.reconciled_at) for r in rows] == [
        (date(2026, 3, 2), DayStatus.LATE, True, ["overtime_day_over_3h"], at),
        (date(2026, 3, 3), DayStatus.PRESENT, False, [], at.replace(microsecond=5))]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AttendanceDay).where(
        AttendanceDay.day.between(date(2026, 3, 3), date(2026, 3, 31)),
        AttendanceDay.reconciled_at > at)) == 1


def test_times_compare_with_orm_written_times(org):
    """A datetime inserted in bulk sorts and filters against one written by the ORM."""
    db.session.add(Punch(clock_id="X1", punched_at=datetime(2026, 3, 2, 8, 0, 0), source=PunchSource.WEB))
    insert_rows(Punch.__table__, [{"clock_id": "X1", "staff_id": None, "punched_at": datetime(2026, 3, 2, 7, 59, 59),
                                   "source": "web", "state": 255, "raw_line": "", "note": "",
                                   "received_at": datetime(2026, 3, 2)}])
    db.session.flush()
    found = db.session.scalars(sa.select(Punch.punched_at).where(
        Punch.clock_id == "X1", Punch.punched_at < datetime(2026, 3, 2, 8, 0)).order_by(Punch.punched_at)).all()
    assert found == [datetime(2026, 3, 2, 7, 59, 59)]


def test_decimals_read_back_exactly(org):
    """Numeric columns (SQLite has no decimal type; the ORM binds them as floats) read back as the same Decimals."""
    from decimal import Decimal

    from hrapp.models import LeaveEntitlement, LeaveType
    kind = LeaveType(code="X-BULK", name="测试")
    db.session.add(kind)
    db.session.flush()
    insert_rows(LeaveEntitlement.__table__, [
        {"staff_id": org.desk_staff.id, "leave_type_id": kind.id, "year": 2026, "granted_days": Decimal("7.5"),
         "carried_days": Decimal("0"), "adjusted_days": Decimal("-1.5"), "note": "", "version_id": 1,
         "created_at": datetime(2026, 1, 1), "updated_at": datetime(2026, 1, 1)}])
    db.session.expire_all()
    row = db.session.scalar(sa.select(LeaveEntitlement).where(LeaveEntitlement.leave_type_id == kind.id))
    assert (row.granted_days, row.carried_days, row.adjusted_days) == (Decimal("7.5"), Decimal("0"),
                                                                       Decimal("-1.5"))


def test_types_it_cannot_convert_are_refused():
    """Only the types it knows are converted (anything else might be stored unlike the ORM stores it)."""
    from hrapp.core.bulk import _sqlite_converter
    with pytest.raises(TypeError):
        _sqlite_converter(sa.Column("blob", sa.LargeBinary))
