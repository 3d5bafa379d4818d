"""Certificate expiry: reminders 30 and 7 days before (company-local days), once each, to the person and the heads
of their department, superseded certificates skipped; the overdue list (scope, filters, pages, XLSX)."""
from datetime import datetime, time, timedelta
from io import BytesIO

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from hrapp.blueprints.training.results.certificates import (
    CERTIFICATE_KIND,
    due_reminder,
    send_certificate_reminders,
)
from hrapp.company import company_today, utc_of_local
from hrapp.extensions import db
from hrapp.models import Certificate, EmploymentStatus, Notification
from tests.access_matrix import login
from tests.training.fixtures import write_attempt, write_course, write_session


def certificate(scene, staff, expires_on, number, superseded=False, course=None):
    course = course or scene.course
    session = write_session(course, starts_at=scene.now - timedelta(days=300))
    nth = db.session.scalar(sa.select(sa.func.count()).select_from(Certificate)) + 1
    attempt = write_attempt(session, staff, "90", number=nth)
    row = Certificate(number=number, attempt_id=attempt.id, staff_id=staff.id, course_id=course.id,
                      issued_on=attempt.taken_on, expires_on=expires_on, superseded=superseded)
    db.session.add(row)
    db.session.flush()
    return row


def at_local(day, hour=9):
    """09:00 company time on `day`, as the naive UTC the tick gets."""
    return utc_of_local(datetime.combine(day, time(hour)))


def notices(user_id):
    return list(db.session.scalars(sa.select(Notification.text).where(Notification.user_id == user_id,
                                                                      Notification.kind == CERTIFICATE_KIND)))


@pytest.mark.parametrize("left, sent, due", [
    (31, {30: False, 7: False}, None), (30, {30: False, 7: False}, 30), (29, {30: True, 7: False}, None),
    (8, {30: True, 7: False}, None), (7, {30: True, 7: False}, 7), (7, {30: False, 7: False}, 7),
    (0, {30: True, 7: False}, 7), (-1, {30: False, 7: False}, None), (3, {30: True, 7: True}, None),
])
def test_which_reminder_is_due(left, sent, due):
    today = company_today(datetime(2026, 6, 1, 4))
    assert due_reminder(today + timedelta(days=left), today, sent) == due


def test_reminders_at_30_and_7_days_exactly_once(app, scene):
    today = company_today()
    expires = today + timedelta(days=40)
    row = certificate(scene, scene.desk_staff, expires, "TC-2026-00001")
    gone = certificate(scene, scene.desk_staff, expires, "TC-2026-00002", superseded=True)
    db.session.commit()
    assert send_certificate_reminders(at_local(expires - timedelta(days=31))) == 0
    assert send_certificate_reminders(at_local(expires - timedelta(days=30))) == 1
    assert send_certificate_reminders(at_local(expires - timedelta(days=30), hour=18)) == 0  # once
    assert send_certificate_reminders(at_local(expires - timedelta(days=8))) == 0
    assert send_certificate_reminders(at_local(expires - timedelta(days=7))) == 1
    assert send_certificate_reminders(at_local(expires - timedelta(days=2))) == 0
    db.session.commit()
    staff_notes, head_notes = notices(scene.staff.id), notices(scene.head.id)
    assert len(staff_notes) == 2 and len(head_notes) == 2
    assert all("TC-2026-00001" in text for text in staff_notes + head_notes)
    assert notices(scene.other_staff.id) == [] and notices(scene.hk_head.id) == []
    db.session.expire_all()
    assert db.session.get(Certificate, row.id).reminded_30_at and db.session.get(Certificate, row.id).reminded_7_at
    assert db.session.get(Certificate, gone.id).reminded_30_at is None
    links = {user: {n.link for n in db.session.scalars(sa.select(Notification).where(Notification.user_id == user))}
             for user in (scene.staff.id, scene.head.id)}
    assert links[scene.staff.id] == {"/training/records/mine"}  # the person's own record, a page they may open
    assert links[scene.head.id] == {f"/training/results/certificates?person={scene.desk_staff.staff_number}"}


def test_no_reminder_for_a_person_who_left(app, scene):
    expires = company_today() + timedelta(days=40)
    certificate(scene, scene.desk_staff, expires, "TC-2026-00009")
    scene.desk_staff.status = EmploymentStatus.LEFT
    db.session.commit()
    assert send_certificate_reminders(at_local(expires - timedelta(days=30))) == 0


def test_the_tick_sends_the_reminders(app, runner, scene):
    certificate(scene, scene.desk_staff, company_today() + timedelta(days=30), "TC-2026-00001")
    db.session.commit()
    result = runner.invoke(args=["tick", "--task", "training.certificate_reminders"])
    assert result.exit_code == 0, result.output
    assert len(notices(scene.staff.id)) == 1


@pytest.fixture
def overdue(scene):
    today = company_today()
    other_course = write_course(code="C-FOOD", title="食品卫生", certificate_months=24)
    scene.expired = certificate(scene, scene.desk_staff, today - timedelta(days=3), "TC-2026-00011")
    scene.soon = certificate(scene, scene.hk_staff, today + timedelta(days=10), "TC-2026-00012", course=other_course)
    scene.later = certificate(scene, scene.head_staff, today + timedelta(days=90), "TC-2026-00013")
    scene.replaced = certificate(scene, scene.head_staff, today - timedelta(days=1), "TC-2026-00014",
                                 superseded=True)
    scene.other_course = other_course
    db.session.commit()
    return scene


def listed(client, query=""):
    page = client.get(f"/training/results/certificates{query}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    return {n for n in ("00011", "00012", "00013", "00014") if f"TC-2026-{n}" in text}


def test_hr_sees_every_certificate_to_renew(app, overdue):
    hr = login(app, "hr")
    assert listed(hr) == {"00011", "00012"}
    assert listed(hr, "?state=expired") == {"00011"}
    assert listed(hr, "?state=expiring") == {"00012"}
    assert listed(hr, f"?course={overdue.other_course.id}") == {"00012"}
    assert listed(hr, f"?department={overdue.front.id}") == {"00011"}
    assert listed(hr, "?state=nonsense") == {"00011", "00012"}  # an unreadable filter filters nothing


def test_heads_see_their_departments_people_only(app, overdue):
    assert listed(login(app, "head")) == {"00011"}
    assert listed(login(app, "hkhead")) == {"00012"}


def test_the_empty_list_says_so(app, scene):
    assert 'id="no-certificates"' in login(app, "hr").get("/training/results/certificates").get_data(as_text=True)


def test_the_export_is_the_filtered_list(app, overdue):
    response = login(app, "hr").get("/training/results/certificates/export.xlsx?state=expired")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    sheet = load_workbook(BytesIO(response.data)).active
    numbers = [row[5] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert numbers == ["TC-2026-00011"]


def test_the_command_lists_the_certificates_to_renew(runner, overdue):
    result = runner.invoke(args=["training", "certificates"])
    assert result.exit_code == 0, result.output
    assert "TC-2026-00011" in result.output and "TC-2026-00012" in result.output
    assert "TC-2026-00013" not in result.output and "TC-2026-00014" not in result.output
    expired = runner.invoke(args=["training", "certificates", "--expired"])
    assert "TC-2026-00011" in expired.output and "TC-2026-00012" not in expired.output
    housekeeping = runner.invoke(args=["training", "certificates", "--department", "hk"])
    assert "TC-2026-00012" in housekeeping.output and "TC-2026-00011" not in housekeeping.output
    assert runner.invoke(args=["training", "certificates", "--department", "NOPE"]).exit_code != 0
