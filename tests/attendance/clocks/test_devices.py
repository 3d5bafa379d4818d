"""HR's time clock pages: register (a duplicate serial and an unknown zone come back on their fields), edit with
the version (stale refused), deactivate / reactivate, issue a token shown once and revoke it; all audited."""
import sqlalchemy as sa

from hrapp.blueprints.attendance.clocks.services import create_device, token_hash
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import AttendanceDevice, AuditEntry


def _actions():
    return [a for (a,) in db.session.execute(sa.select(AuditEntry.action).where(
        AuditEntry.target_type == "AttendanceDevice").order_by(AuditEntry.id))]


def test_hr_registers_a_device(client, auth, org):
    auth.login("hr")
    assert client.get("/attendance/devices/").status_code == 200
    response = client.post("/attendance/devices/new", data={"serial": "CKJD201960001", "name": "员工通道",
                                                            "timezone": "Asia/Shanghai",
                                                            "department_id": str(org.front.id)})
    device = db.session.scalar(sa.select(AttendanceDevice))
    assert response.status_code == 302 and response.location.endswith(f"/attendance/devices/{device.id}")
    assert (device.serial, device.name, device.timezone, device.department_id, device.active) == (
        "CKJD201960001", "员工通道", "Asia/Shanghai", org.front.id, True)
    assert _actions() == ["attendance_device.create"]
    listing = client.get("/attendance/devices/?q=CKJD").get_data(as_text=True)
    assert "CKJD201960001" in listing and org.front.name in listing
    assert "CKJD201960001" not in client.get("/attendance/devices/?active=no").get_data(as_text=True)


def test_a_duplicate_serial_and_an_unknown_zone_are_field_errors(client, auth, org, device):
    auth.login("hr")
    response = client.post("/attendance/devices/new", data={"serial": device.serial, "name": "x",
                                                            "timezone": "Mars/Olympus", "department_id": ""})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "该序列号的考勤机已登记" in page
    assert "Mars/Olympus" in page and db.session.scalar(sa.select(sa.func.count()).select_from(AttendanceDevice)) == 1


def test_a_racing_duplicate_serial_is_the_field_message(org, device):
    # the pre-check passed elsewhere; the database's unique constraint refuses the second insert
    db.session.add(AttendanceDevice(serial=device.serial, name="twin", timezone="Asia/Shanghai"))
    try:
        with duplicates_refused():
            db.session.flush()
    except ValidationFailed as exc:
        assert "serial" in exc.errors
    else:
        raise AssertionError("the duplicate serial was stored")


def test_hr_edits_a_device_with_its_version(client, auth, org, device):
    auth.login("hr")
    page = client.get(f"/attendance/devices/{device.id}/edit").get_data(as_text=True)
    assert 'name="version_id"' in page and 'value="1"' in page
    body = {"serial": device.serial, "name": "新名字", "timezone": "Asia/Bangkok", "department_id": "",
            "version_id": "1"}
    assert client.post(f"/attendance/devices/{device.id}/edit", data=body).status_code == 302
    edited = db.session.get(AttendanceDevice, device.id)
    assert (edited.name, edited.timezone, edited.department_id, edited.version_id) == ("新名字", "Asia/Bangkok",
                                                                                      None, 2)
    stale = client.post(f"/attendance/devices/{device.id}/edit", data={**body, "name": "又改"})
    assert stale.status_code == 200 and "又改" in stale.get_data(as_text=True)  # nothing lost
    assert db.session.get(AttendanceDevice, device.id).name == "新名字"
    assert _actions() == ["attendance_device.create", "attendance_device.update"]


def test_deactivate_and_reactivate_with_the_version(client, auth, org, device):
    auth.login("hr")
    assert client.post(f"/attendance/devices/{device.id}/deactivate").status_code == 409  # versionless: stale
    assert client.post(f"/attendance/devices/{device.id}/deactivate", data={"version_id": "1"}).status_code == 302
    assert db.session.get(AttendanceDevice, device.id).active is False
    assert client.get(f"/iclock/getrequest?SN={device.serial}").get_data(as_text=True) == "FAIL\r\n"
    assert client.post(f"/attendance/devices/{device.id}/reactivate", data={"version_id": "2"}).status_code == 302
    assert db.session.get(AttendanceDevice, device.id).active is True
    assert _actions() == ["attendance_device.create", "attendance_device.deactivate", "attendance_device.reactivate"]


def test_a_token_is_shown_once_and_only_its_hash_kept(client, auth, org, device):
    auth.login("hr")
    response = client.post(f"/attendance/devices/{device.id}/token", data={"version_id": "1"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    token = page.split('<code class="user-select-all text-break">')[1].split("</code>")[0]
    assert token.startswith("clk_")
    stored = db.session.get(AttendanceDevice, device.id)
    assert stored.token_hash == token_hash(token) and token not in stored.token_hash
    assert token not in client.get(f"/attendance/devices/{device.id}").get_data(as_text=True)
    ok = client.post("/api/v1/attendance/punches", headers={"Authorization": f"Bearer {token}"},
                     json={"punches": [{"user_id": "1", "timestamp": "2026-05-04T08:00:00"}]})
    assert ok.status_code == 200
    assert client.post(f"/attendance/devices/{device.id}/token/revoke", data={"version_id": "2"}).status_code == 302
    assert db.session.get(AttendanceDevice, device.id).token_hash is None
    refused = client.post("/api/v1/attendance/punches", headers={"Authorization": f"Bearer {token}"},
                          json={"punches": [{"user_id": "1", "timestamp": "2026-05-04T08:00:00"}]})
    assert refused.status_code == 401
    assert _actions()[-2:] == ["attendance_device.token_issue", "attendance_device.token_revoke"]


def test_the_list_shows_last_seen_and_punch_counts(client, auth, org, device):
    client.post(f"/iclock/cdata?SN={device.serial}&table=ATTLOG&Stamp=1",
                data=f"{org.desk_staff.staff_number}\t2026-05-04 08:58:07\t0\t1\n", content_type="text/plain")
    auth.login("hr")
    page = client.get("/attendance/devices/").get_data(as_text=True)
    row = page.split(f'data-serial="{device.serial}"')[1].split("</tr>")[0]
    assert '<td class="text-end">1</td>' in row and "2026" in row


def test_empty_list(client, auth, org):
    auth.login("hr")
    assert 'id="no-devices"' in client.get("/attendance/devices/").get_data(as_text=True)


def test_create_device_service_refuses_unknown_department(org):
    try:
        create_device(None, "X1", "x", "Asia/Shanghai", 999999)
    except ValidationFailed as exc:
        assert set(exc.errors) == {"department_id"}
    else:
        raise AssertionError("an unknown department was accepted")
