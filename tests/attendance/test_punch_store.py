"""The one way punches are stored: mapped by staff number or override, stored once, unknown ids kept."""
from datetime import datetime

import sqlalchemy as sa

from hrapp.blueprints.attendance.punch_store import ON_STORED, PunchRow, store_punches
from hrapp.extensions import db
from hrapp.models import DeviceUserId, Punch, PunchSource


def test_punches_are_mapped_stored_once_and_unknown_ids_kept(org):
    db.session.add(DeviceUserId(staff_id=org.hk_staff.id, clock_id="8001"))
    db.session.commit()
    heard = []
    ON_STORED.append(heard.extend)
    try:
        at = datetime(2026, 5, 4, 0, 58)
        rows = [PunchRow(org.desk_staff.staff_number, at, PunchSource.DEVICE, raw_line="x"),
                PunchRow("8001", at, PunchSource.DEVICE), PunchRow("9999", at, PunchSource.DEVICE),
                PunchRow(org.desk_staff.staff_number, at, PunchSource.FILE)]  # the same punch again
        first = store_punches(rows)
        again = store_punches(rows[:3])
    finally:
        ON_STORED.remove(heard.extend)
    assert (first.stored, first.duplicates, first.unmapped) == (3, 1, {"9999"})
    assert (again.stored, again.duplicates) == (0, 3)
    stored = {p.clock_id: p.staff_id for p in db.session.scalars(sa.select(Punch))}
    assert stored == {org.desk_staff.staff_number: org.desk_staff.id, "8001": org.hk_staff.id, "9999": None}
    assert sorted(heard) == sorted([(org.desk_staff.id, at), (org.hk_staff.id, at)])


def test_an_override_replaces_the_staff_number(org):
    db.session.add(DeviceUserId(staff_id=org.desk_staff.id, clock_id="7001"))
    db.session.commit()
    result = store_punches([PunchRow(org.desk_staff.staff_number, datetime(2026, 5, 4, 1), PunchSource.DEVICE)])
    assert result.unmapped == {org.desk_staff.staff_number}


def test_future_and_outside_employment_punches_are_refused_the_rest_kept(org):
    from datetime import date, timedelta

    from hrapp.blueprints.attendance.punch_store import FUTURE, NOT_EMPLOYED
    from hrapp.models.base import utcnow

    org.desk_staff.left_on = date(2026, 6, 30)
    db.session.commit()
    number = org.desk_staff.staff_number
    rows = [PunchRow(number, utcnow() + timedelta(hours=1), PunchSource.WEB),
            PunchRow(number, datetime(2020, 2, 28, 1), PunchSource.FILE),  # before the hire (2020-03-01)
            PunchRow(number, datetime(2026, 7, 1, 1), PunchSource.FILE),  # after leaving
            PunchRow(number, datetime(2026, 6, 30, 15, 59), PunchSource.FILE)]  # 23:59 local on the last day
    result = store_punches(rows)
    assert [code for _row, code in result.refused] == [FUTURE, NOT_EMPLOYED, NOT_EMPLOYED]
    assert result.stored == 1
