"""Device user ids: mapping an unmapped id assigns its waiting punches; overrides added, edited, removed."""
from datetime import datetime

import sqlalchemy as sa

from hrapp.blueprints.attendance.punch_store import ON_STORED, PunchRow, store_punches
from hrapp.extensions import db
from hrapp.models import AuditEntry, DeviceUserId, Punch, PunchSource


def _wait(clock_id: str, *hours: int) -> list[datetime]:
    times = [datetime(2026, 5, 4, h) for h in hours]
    store_punches([PunchRow(clock_id, at, PunchSource.DEVICE) for at in times])
    db.session.commit()
    return times


def test_unmapped_ids_are_listed_and_mapping_one_assigns_its_punches(org, as_hr):
    times = _wait("9001", 0, 9)
    page = as_hr.get("/attendance/ids").get_data(as_text=True)
    assert 'id="unmapped-ids"' in page and "9001" in page
    heard = []
    ON_STORED.append(heard.extend)
    try:
        response = as_hr.post("/attendance/ids/map", data={"clock_id": "9001", "staff_number": org.hk_staff.staff_number})
    finally:
        ON_STORED.remove(heard.extend)
    assert response.status_code == 302
    assert set(db.session.scalars(sa.select(Punch.staff_id))) == {org.hk_staff.id}
    assert sorted(heard) == [(org.hk_staff.id, at) for at in times]
    assert db.session.scalar(sa.select(DeviceUserId.clock_id).where(DeviceUserId.staff_id == org.hk_staff.id)) == "9001"
    assert db.session.scalar(sa.select(AuditEntry.action).where(AuditEntry.action.like("attendance.clock_id%"))) \
        == "attendance.clock_id_mapped"
    assert 'id="unmapped-empty"' in as_hr.get("/attendance/ids").get_data(as_text=True)


def test_mapping_an_id_that_is_the_persons_staff_number_adds_no_override(org, as_hr):
    number = org.desk_staff.staff_number
    db.session.add(DeviceUserId(staff_id=org.desk_staff.id, clock_id="7001"))
    db.session.commit()
    _wait(number, 1)  # stored unmapped: the override hides the number
    db.session.delete(db.session.scalar(sa.select(DeviceUserId)))
    db.session.commit()
    as_hr.post("/attendance/ids/map", data={"clock_id": number, "staff_number": org.desk_staff.staff_number})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DeviceUserId)) == 0
    assert db.session.scalar(sa.select(Punch.staff_id)) == org.desk_staff.id


def test_an_id_that_is_someone_elses_is_refused_with_the_field_message(org, as_hr):
    db.session.add(DeviceUserId(staff_id=org.desk_staff.id, clock_id="7001"))
    db.session.commit()
    as_hr.post("/auth/locale/en")
    taken = as_hr.post("/attendance/ids/new", data={"staff_number": org.hk_staff.staff_number, "clock_id": "7001"})
    assert taken.status_code == 422 and "This clock id is already given to someone." in taken.get_data(as_text=True)
    number = as_hr.post("/attendance/ids/new", data={"staff_number": org.hk_staff.staff_number,
                                                     "clock_id": org.head_staff.staff_number})
    assert "another person&#39;s staff number" in number.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DeviceUserId)) == 1


def test_an_override_is_added_edited_with_its_version_and_removed(org, as_hr):
    assert as_hr.post("/attendance/ids/new", data={"staff_number": org.hk_staff.staff_number, "clock_id": "5005"}).status_code == 302
    override = db.session.scalar(sa.select(DeviceUserId))
    override_id, version = override.id, override.version_id
    assert 'id="overrides"' in as_hr.get("/attendance/ids").get_data(as_text=True)
    url = f"/attendance/ids/{override_id}/edit"
    assert 'name="version_id"' in as_hr.get(url).get_data(as_text=True)
    as_hr.post("/auth/locale/en")
    stale = as_hr.post(url, data={"clock_id": "5006", "version_id": version + 1})
    assert "Someone else changed this record" in stale.get_data(as_text=True)
    assert as_hr.post(url, data={"clock_id": "5006", "version_id": version}).status_code == 302
    changed = db.session.execute(sa.select(DeviceUserId.clock_id, DeviceUserId.version_id)).one()
    assert tuple(changed) == ("5006", 2)
    remove = f"/attendance/ids/{override_id}/remove"
    assert as_hr.post(remove, data={"version_id": 1}).status_code == 409
    assert as_hr.post(remove, data={"version_id": 2}).status_code == 302
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DeviceUserId)) == 0


def test_an_unknown_staff_number_is_refused_with_the_field_message(org, as_hr):
    as_hr.post("/auth/locale/en")
    response = as_hr.post("/attendance/ids/new", data={"staff_number": "NOPE-1", "clock_id": "7002"})
    assert response.status_code == 422 and "No one has this staff number." in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DeviceUserId)) == 0
    lower = as_hr.post("/attendance/ids/new", data={"staff_number": f" {org.hk_staff.staff_number.lower()} ",
                                                    "clock_id": "7002"})
    assert lower.status_code == 302  # typed in lower case with spaces: still the person
