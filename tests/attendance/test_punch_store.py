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
