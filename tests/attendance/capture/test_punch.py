"""The staff member's punch button: one punch per tap, the company's networks, a phone-sized page."""
from datetime import timedelta

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AttendanceSettings, AuditEntry, DeviceUserId, Punch, PunchSource, SubmissionToken
from hrapp.models.base import utcnow


def _token(client) -> str:
    import re

    page = client.get("/attendance/punch").get_data(as_text=True)
    return re.search(r'name="submission_token" type="hidden" value="([^"]+)"', page).group(1)


def test_a_double_tap_stores_one_punch(org, auth, client):
    auth.login("staff")
    token = _token(client)
    first = client.post("/attendance/punch", data={"submission_token": token})
    second = client.post("/attendance/punch", data={"submission_token": token})
    assert first.status_code == 302 and second.status_code == 200
    punches = db.session.scalars(sa.select(Punch)).all()
    assert [(p.staff_id, p.clock_id, p.source, p.recorded_by_id) for p in punches] == [
        (org.desk_staff.id, org.desk_staff.staff_number, PunchSource.WEB, org.staff.id)]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SubmissionToken)) == 1
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)
                             .where(AuditEntry.action == "attendance.punch_web")) == 1
    page = client.get("/attendance/punch").get_data(as_text=True)
    assert 'id="punch-list"' in page and "punch-empty" not in page


def test_the_punch_uses_the_persons_clock_id_override(org, auth, client):
    db.session.add(DeviceUserId(staff_id=org.desk_staff.id, clock_id="8001"))
    db.session.commit()
    auth.login("staff")
    client.post("/attendance/punch", data={})
    assert db.session.scalar(sa.select(Punch.clock_id)) == "8001"
    assert db.session.scalar(sa.select(Punch.staff_id)) == org.desk_staff.id


def test_outside_the_company_networks_the_punch_is_refused(org, auth, client):
    db.session.add(AttendanceSettings(web_punch_networks="10.0.0.0/8"))
    db.session.commit()
    client.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    auth.login("staff")
    outside = client.post("/attendance/punch", data={})
    assert outside.status_code == 200 and "punch-refused" in outside.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Punch)) == 0
    client.environ_base["REMOTE_ADDR"] = "10.2.3.4"
    auth.login("staff")
    inside = client.post("/attendance/punch", data={})
    assert inside.status_code == 302
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Punch)) == 1


def test_after_leaving_the_punch_is_refused(org, auth, client):
    org.desk_staff.left_on = (utcnow() - timedelta(days=3)).date()
    db.session.commit()
    auth.login("staff")
    client.post("/auth/locale/en")
    response = client.post("/attendance/punch", data={}, follow_redirects=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Punch)) == 0
    assert "You cannot punch outside your employment." in response.get_data(as_text=True)


def test_the_page_is_made_for_a_phone(org, auth, client):
    auth.login("staff")
    page = client.get("/attendance/punch").get_data(as_text=True)
    assert 'name="viewport"' in page and "w-100" in page and 'id="punch-button"' in page
    assert 'id="punch-empty"' in page


def test_a_user_without_a_staff_record_has_no_punch_page(org, auth, client):
    auth.login("hr")
    assert client.get("/attendance/punch").status_code == 404
