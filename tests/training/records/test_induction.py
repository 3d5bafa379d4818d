"""Induction assignment: on hire through the staff form, on a transfer through the staff edit form, never twice
(signal then tick, or twice at once), the catch-up tick for placements written without the service, completion
through `training_completed`, a course already completed assigned done, and HR's waiver."""
from datetime import date, timedelta

import sqlalchemy as sa

from hrapp.blueprints.training.records.induction import (
    INDUCTION_KIND,
    assign_inductions,
    catch_up_inductions,
)
from hrapp.blueprints.training.signals import training_completed
from hrapp.core.tick import registered_tasks, run_tick
from hrapp.extensions import db
from hrapp.models import (
    AuditEntry,
    EmploymentEvent,
    EventKind,
    InductionAssignment,
    InductionReason,
    InductionStatus,
    Notification,
    RequiredTrainingKind,
    StaffMember,
    utcnow,
)
from tests.conftest import count
from tests.routes.test_staff_routes import _edit_form, form

from .conftest import attend


def assignments(staff_id: int) -> dict[str, InductionAssignment]:
    rows = db.session.scalars(sa.select(InductionAssignment).where(InductionAssignment.staff_id == staff_id))
    return {row.course.code: row for row in rows}


def notified(user) -> list[str]:
    return list(db.session.scalars(sa.select(Notification.text).where(Notification.user_id == user.id,
                                                                      Notification.kind == INDUCTION_KIND)))


def test_hiring_on_the_staff_form_assigns_the_positions_courses(client, auth, site):
    auth.login("hr")
    hired = site.today.isoformat()
    data = form(site, position_id=site.desk_job.id, hire_on=hired)
    assert client.post("/staff/new", data=data).status_code == 302
    staff = StaffMember.numbered("N0001")
    rows = assignments(staff.id)
    assert set(rows) == {"C-ETQ", "C-SAFE"}
    assert rows["C-ETQ"].due_on == site.today + timedelta(days=30)
    assert rows["C-SAFE"].due_on == site.today + timedelta(days=14)
    assert rows["C-SAFE"].kind == RequiredTrainingKind.PRE_POST
    assert all(r.reason == InductionReason.HIRE and r.status == InductionStatus.OPEN and r.assigned_on == site.today
               for r in rows.values())
    assert any("新员工" in text for text in notified(site.head))  # the FO head, over FO-DESK
    assert notified(site.hk_head) == []


def test_a_transfer_on_the_staff_edit_form_assigns_the_new_positions_courses(client, auth, site):
    auth.login("hr")
    data = _edit_form(client, site, site.desk_staff.id) | {
        "department_id": site.housekeeping.id, "position_id": site.hk_job.id, "effective_on": site.today.isoformat()}
    assert client.post(f"/staff/{site.desk_staff.id}/edit", data=data).status_code == 302
    rows = assignments(site.desk_staff.id)
    assert list(rows) == ["C-SAFE"]
    assert rows["C-SAFE"].reason == InductionReason.TRANSFER
    assert rows["C-SAFE"].due_on == site.today + timedelta(days=10)
    assert notified(site.staff)  # the person's own account is told


def test_the_tick_after_the_signal_assigns_nothing_more(client, auth, site):
    auth.login("hr")
    client.post("/staff/new", data=form(site, position_id=site.desk_job.id, hire_on=site.today.isoformat()))
    staff = StaffMember.numbered("N0001")
    before = count(InductionAssignment)
    assert before == 2
    assert catch_up_inductions(utcnow()) == 0
    assert assign_inductions(staff, site.desk_job.id, site.today, InductionReason.HIRE) == 0
    assert count(InductionAssignment) == before


def _placed_without_the_service(site, staff, position, on, kind=EventKind.HIRE):
    staff.position_id = position.id
    db.session.add(EmploymentEvent(staff_id=staff.id, kind=kind, effective_on=on, to_position_id=position.id))
    db.session.commit()


def test_the_tick_catches_up_on_recent_placements_once(site):
    _placed_without_the_service(site, site.desk_staff, site.desk_job, site.today - timedelta(days=20))
    _placed_without_the_service(site, site.hk_staff, site.hk_job, site.today - timedelta(days=90))  # too old
    _placed_without_the_service(site, site.head_staff, site.desk_job, site.today - timedelta(days=5),
                                EventKind.PROMOTION)
    outcomes = run_tick([t for t in registered_tasks() if t.name == "training.assign_inductions"])
    assert [(o.status, o.count) for o in outcomes] == [("ran", 4)]
    desk = assignments(site.desk_staff.id)
    assert set(desk) == {"C-ETQ", "C-SAFE"} and desk["C-ETQ"].assigned_on == site.today - timedelta(days=20)
    assert desk["C-ETQ"].due_on == site.today + timedelta(days=10)
    assert {r.reason for r in assignments(site.head_staff.id).values()} == {InductionReason.TRANSFER}
    assert assignments(site.hk_staff.id) == {}
    assert catch_up_inductions(utcnow()) == 0


def test_a_person_moved_on_since_is_not_caught_up(site):
    _placed_without_the_service(site, site.desk_staff, site.desk_job, site.today - timedelta(days=20))
    site.desk_staff.position_id = site.hk_job.id  # moved on without an event
    db.session.commit()
    assert catch_up_inductions(utcnow()) == 0


def test_completion_signal_marks_open_assignments_done(site):
    assert assign_inductions(site.desk_staff, site.desk_job.id, site.today, InductionReason.HIRE) == 2
    rows = assignments(site.desk_staff.id)
    version = rows["C-SAFE"].version_id
    training_completed.send(None, staff_id=site.desk_staff.id, course_id=site.safety.id, on=site.today)
    db.session.expire_all()
    rows = assignments(site.desk_staff.id)
    assert rows["C-SAFE"].status == InductionStatus.DONE and rows["C-SAFE"].completed_on == site.today
    assert rows["C-SAFE"].version_id == version + 1
    assert rows["C-ETQ"].status == InductionStatus.OPEN


def test_a_course_completed_since_the_placement_is_assigned_done(site):
    placed = site.today - timedelta(days=10)
    attend(site.safety, site.desk_staff, placed - timedelta(days=3))  # before the placement: does not count
    attend(site.safety, site.desk_staff, placed + timedelta(days=2))
    attend(site.etiquette, site.desk_staff, placed + timedelta(days=1), score="40")  # failed
    assert assign_inductions(site.desk_staff, site.desk_job.id, placed, InductionReason.TRANSFER) == 2
    rows = assignments(site.desk_staff.id)
    assert rows["C-SAFE"].status == InductionStatus.DONE and rows["C-SAFE"].completed_on == placed + timedelta(2)
    assert rows["C-ETQ"].status == InductionStatus.OPEN


def test_a_passed_assessment_completes_an_assessed_course(site):
    placed = site.today - timedelta(days=10)
    attend(site.etiquette, site.desk_staff, placed + timedelta(days=4), score="75")
    assign_inductions(site.desk_staff, site.desk_job.id, placed, InductionReason.HIRE)
    row = assignments(site.desk_staff.id)["C-ETQ"]
    assert row.status == InductionStatus.DONE and row.completed_on == placed + timedelta(days=4)


def _waive_page_version(client, assignment) -> str:
    page = client.get(f"/training/inductions/{assignment.id}/waive").get_data(as_text=True)
    return page.split('name="version_id" type="hidden" value="')[1].split('"')[0]


def test_hr_waives_with_a_reason_audited(client, auth, site):
    assign_inductions(site.desk_staff, site.desk_job.id, site.today, InductionReason.HIRE)
    db.session.commit()
    row = assignments(site.desk_staff.id)["C-SAFE"]
    client.post("/auth/locale/en")
    auth.login("hr")
    version = _waive_page_version(client, row)
    page = client.post(f"/training/inductions/{row.id}/waive", data={"reason": "  ", "version_id": version})
    assert page.status_code == 200 and "Say why the course is waived." in page.get_data(as_text=True)
    stale = client.post(f"/training/inductions/{row.id}/waive", data={"reason": "证书", "version_id": "0"})
    assert stale.status_code == 409 and "Someone else changed this record" in stale.get_data(as_text=True)
    done = client.post(f"/training/inductions/{row.id}/waive", data={"reason": "持有消防证", "version_id": version})
    assert done.status_code == 302 and done.headers["Location"].endswith(f"/training/records/{site.desk_staff.id}")
    db.session.expire_all()
    row = db.session.get(InductionAssignment, row.id)
    assert row.status == InductionStatus.WAIVED and row.waived_reason == "持有消防证"
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "training.induction_waive"))
    assert entry.before == {"status": "open", "waived_reason": "", "completed_on": None}
    assert entry.after["status"] == "waived" and entry.actor_id == site.hr.id
    again = client.post(f"/training/inductions/{row.id}/waive",
                        data={"reason": "再次", "version_id": str(row.version_id)})
    assert "Only an open assignment can be waived." in again.get_data(as_text=True)


def test_assign_is_safe_when_the_row_exists(site):
    """The unique constraint decides: a second call (or a racing twin) inserts nothing and does not fail."""
    on = date(2026, 11, 1)
    assert assign_inductions(site.desk_staff, site.desk_job.id, on, InductionReason.HIRE) == 2
    assert assign_inductions(site.desk_staff, site.desk_job.id, on + timedelta(days=1), InductionReason.TRANSFER) == 0
    assert count(InductionAssignment) == 2
