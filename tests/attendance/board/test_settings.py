"""HR's attendance settings: saved and audited, bad networks and negative minutes refused, a stale page refused
with nothing lost, each shift type's own windows."""
import sqlalchemy as sa

from hrapp.blueprints.attendance.settings import windows_by_shift_type
from hrapp.extensions import db
from hrapp.models import AttendanceSettings, AuditEntry, ShiftType, ShiftWindow

VALID = {"web_punch_networks": "192.168.1.0/24\n10.0.0.1", "checkin_opens_minutes": "90",
         "checkout_closes_minutes": "300", "grace_minutes": "3", "half_day_minutes": "100",
         "overtime_needs_approval": "y", "overtime_minimum_minutes": "60", "corrections_per_month": "2"}


def _settings():
    return db.session.scalar(sa.select(AttendanceSettings))


def test_settings_saved_and_audited(client, auth, org):
    auth.login("hr")
    assert client.get("/attendance/settings").status_code == 200
    response = client.post("/attendance/settings", data=VALID | {"version_id": "0"})
    assert response.status_code == 302
    saved = _settings()
    assert (saved.web_punch_networks, saved.grace_minutes, saved.corrections_per_month) == (
        "192.168.1.0/24\n10.0.0.1/32", 3, 2)
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "attendance_settings.updated"))
    assert entry.after["grace_minutes"] == 3 and entry.actor_id == org.hr.id
    again = client.post("/attendance/settings", data=VALID | {"grace_minutes": "7", "version_id": str(saved.version_id)})
    assert again.status_code == 302 and _settings().grace_minutes == 7


def test_settings_refuse_bad_networks_and_negative_minutes(client, auth, org):
    auth.login("hr")
    bad = client.post("/attendance/settings", data=VALID | {"web_punch_networks": "192.168.1.0/24\n300.1.1.0/24",
                                                            "grace_minutes": "-5", "version_id": "0"})
    body = bad.get_data(as_text=True)
    assert bad.status_code == 200 and "300.1.1.0/24" in body and "is-invalid" in body
    assert body.count("is-invalid") >= 2 and _settings() is None


def test_settings_stale_page_refused_nothing_lost(client, auth, org):
    auth.login("hr")
    client.post("/attendance/settings", data=VALID | {"version_id": "0"})
    stale = client.post("/attendance/settings", data=VALID | {"grace_minutes": "9", "version_id": "0"})
    body = stale.get_data(as_text=True)
    assert stale.status_code == 200 and _settings().grace_minutes == 3
    assert 'value="9"' in body  # what was typed stays on the page
    missing = client.post("/attendance/settings", data=VALID | {"grace_minutes": "9"})
    assert missing.status_code == 200 and _settings().grace_minutes == 3


def test_shift_window_override_and_empty_means_company(client, auth, rostered):
    early = db.session.scalar(sa.select(ShiftType).where(ShiftType.code == "早"))
    auth.login("hr")
    url = f"/attendance/settings/shift-types/{early.id}"
    prefix = f"w{early.id}-"
    saved = client.post(url, data={prefix + "grace_minutes": "10", prefix + "version_id": "0"})
    assert saved.status_code == 302
    windows = windows_by_shift_type()
    assert windows[early.id].grace == 10 and windows[early.id].checkin_opens == windows[None].checkin_opens
    stale = client.post(url, data={prefix + "grace_minutes": "20", prefix + "version_id": "0"})
    assert stale.status_code == 400 and db.session.scalar(sa.select(ShiftWindow)).grace_minutes == 10
    negative = client.post(url, data={prefix + "grace_minutes": "-1", prefix + "version_id": "1"})
    assert negative.status_code == 400 and db.session.scalar(sa.select(ShiftWindow)).grace_minutes == 10
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)
                             .where(AuditEntry.action == "attendance_shift_window.updated")) == 1
    assert client.post("/attendance/settings/shift-types/999999", data={}).status_code == 404


def test_settings_refused_to_heads_and_staff(client, auth, rostered):
    early = db.session.scalar(sa.select(ShiftType).where(ShiftType.code == "早"))
    for user in ("head", "staff"):
        auth.login(user)
        assert client.get("/attendance/settings").status_code == 403
        assert client.post("/attendance/settings", data=VALID | {"version_id": "0"}).status_code == 403
        assert client.post(f"/attendance/settings/shift-types/{early.id}", data={}).status_code == 403
        auth.logout()
    assert _settings() is None
