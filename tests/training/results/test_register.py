"""The register: the trainer (or whoever runs the session) marks people one by one or all at once, each change
version-checked and audited; the sign-in code shown while the window is open; absences recorded by the tick."""
from datetime import timedelta

import sqlalchemy as sa

from hrapp.blueprints.training.results.register import record_absences
from hrapp.blueprints.training.signals import training_completed
from hrapp.extensions import db
from hrapp.models import AuditEntry, Enrolment, Presence, TrainingSession, utcnow
from tests.access_matrix import login
from tests.training.fixtures import write_course, write_enrolment, write_session


def reload(row):
    db.session.expire_all()
    return db.session.get(type(row), row.id)


def test_the_trainer_marks_a_person_present_and_it_is_audited(app, scene):
    trainer = login(app, "other")  # the housekeeping clerk trains this front-office session
    page = trainer.get(f"/training/results/sessions/{scene.session.id}").get_data(as_text=True)
    assert 'id="signin-code"' in page and "123456" in page
    response = trainer.post(f"/training/results/enrolments/{scene.desk.id}/presence",
                            data={"presence": "excused", "version_id": scene.desk.version_id})
    assert response.status_code == 302
    desk = reload(scene.desk)
    assert desk.presence == Presence.EXCUSED and not desk.signed_in_with_code and desk.marked_by_id is not None
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "training.mark_presence"))
    assert entry.before["presence"] == "unmarked" and entry.after["presence"] == "excused"


def test_a_stale_mark_is_refused(app, scene):
    head = login(app, "head")
    stale = scene.desk.version_id
    assert head.post(f"/training/results/enrolments/{scene.desk.id}/presence",
                     data={"presence": "present", "version_id": stale}).status_code == 302
    response = head.post(f"/training/results/enrolments/{scene.desk.id}/presence",
                         data={"presence": "absent", "version_id": stale})
    assert response.status_code == 409
    assert reload(scene.desk).presence == Presence.PRESENT


def test_a_waiting_list_place_cannot_be_marked(app, scene):
    head = login(app, "head")
    response = head.post(f"/training/results/enrolments/{scene.waiting.id}/presence",
                         data={"presence": "present", "version_id": scene.waiting.version_id})
    assert response.status_code == 200
    assert reload(scene.waiting).presence == Presence.UNMARKED


def test_all_present_marks_only_the_unmarked(app, scene, make_staff):
    extra = write_enrolment(scene.session, make_staff(scene.front_desk, name_zh="孙前台"), presence=Presence.ABSENT)
    db.session.commit()
    hr = login(app, "hr")
    response = hr.post(f"/training/results/sessions/{scene.session.id}/all-present",
                       data={"version_id": scene.session.version_id})
    assert response.status_code == 302
    assert reload(scene.desk).presence == Presence.PRESENT
    assert reload(extra).presence == Presence.ABSENT  # marked already: kept
    assert reload(scene.waiting).presence == Presence.UNMARKED


def test_presence_at_a_course_without_assessment_completes_it(app, scene, make_staff):
    course = write_course(code="C-HELLO", title="问候礼仪", pass_score=None)
    session = write_session(course, starts_at=scene.now - timedelta(minutes=5), department=scene.front,
                            signin_code="777777")
    row = write_enrolment(session, scene.desk_staff)
    db.session.commit()
    sent = []

    def receiver(sender, **kw):
        sent.append(kw)
    training_completed.connect(receiver)
    try:
        staff = login(app, "staff")
        assert staff.post("/training/sign-in", data={"code": "777777"}).status_code == 302
    finally:
        training_completed.disconnect(receiver)
    assert sent == [{"staff_id": scene.desk_staff.id, "course_id": course.id, "on": sent[0]["on"]}]
    assert reload(row).presence == Presence.PRESENT


def test_a_new_code_replaces_the_old_one(app, scene):
    trainer = login(app, "other")
    response = trainer.post(f"/training/results/sessions/{scene.session.id}/code",
                            data={"version_id": scene.session.version_id})
    assert response.status_code == 302
    session = reload(scene.session)
    assert session.signin_code != "123456" and len(session.signin_code) == 6
    staff = login(app, "staff")
    assert staff.post("/training/sign-in", data={"code": "123456"}).status_code == 422
    assert staff.post("/training/sign-in", data={"code": session.signin_code}).status_code == 302
    stale = trainer.post(f"/training/results/sessions/{scene.session.id}/code", data={"version_id": "1"})
    assert stale.status_code == 409 and reload(scene.session).signin_code == session.signin_code


def test_the_code_is_not_shown_outside_the_window(app, scene):
    hr = login(app, "hr")
    page = hr.get(f"/training/results/sessions/{scene.past.id}").get_data(as_text=True)
    assert 'id="window-closed"' in page and "654321" not in page


def test_absences_are_recorded_two_hours_after_the_end_once(app, scene, make_staff):
    present = write_enrolment(scene.past, scene.hk_staff, presence=Presence.PRESENT)
    unmarked = write_enrolment(scene.past, scene.desk_staff)
    db.session.commit()
    ended = scene.past.ends_at
    assert record_absences(ended + timedelta(hours=1, minutes=59)) == 0
    assert record_absences(ended + timedelta(hours=2)) == 1
    db.session.commit()
    assert record_absences(ended + timedelta(hours=3)) == 0  # idempotent
    assert reload(unmarked).presence == Presence.ABSENT and reload(present).presence == Presence.PRESENT
    assert reload(scene.desk).presence == Presence.UNMARKED  # the running session is left alone
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "training.record_absence"))
    assert entry.actor_id is None and entry.target_id == unmarked.id


def test_the_tick_runs_the_absence_task(app, runner, scene):
    unmarked = write_enrolment(scene.past, scene.desk_staff)
    db.session.commit()
    result = runner.invoke(args=["tick", "--task", "training.record_absences"])
    assert result.exit_code == 0, result.output
    assert reload(unmarked).presence == Presence.ABSENT


def test_a_cancelled_session_records_no_absence(app, scene):
    unmarked = write_enrolment(scene.past, scene.desk_staff)
    db.session.execute(sa.update(TrainingSession).where(TrainingSession.id == scene.past.id).values(status="cancelled"))
    db.session.commit()
    assert record_absences(utcnow()) == 0 and reload(unmarked).presence == Presence.UNMARKED


def test_no_marks_before_sign_in_opens(app, scene, make_session, make_enrolment):
    """A mark completes the course (an induction): never for a session that has not begun."""
    later = make_session(scene.course, starts_at=utcnow() + timedelta(hours=3), department=scene.front)
    row = make_enrolment(later, scene.desk_staff)
    db.session.commit()
    head = login(app, "head")
    head.post("/auth/locale/en")
    response = head.post(f"/training/results/enrolments/{row.id}/presence",
                         data={"presence": "present", "version_id": row.version_id})
    assert "Attendance is marked from 15 minutes before the session starts." in response.get_data(as_text=True)
    response = head.post(f"/training/results/sessions/{later.id}/all-present", data={"version_id": later.version_id})
    db.session.expire_all()
    assert db.session.get(Enrolment, row.id).presence == Presence.UNMARKED


def test_someone_with_a_score_stays_present(app, scene):
    from decimal import Decimal

    from hrapp.blueprints.training.results import assessment
    scene.desk.presence = Presence.PRESENT
    db.session.commit()
    assessment.record_attempt(scene.hr, scene.desk, Decimal("80"))
    db.session.commit()
    head = login(app, "head")
    head.post("/auth/locale/en")
    row = db.session.get(Enrolment, scene.desk.id)
    response = head.post(f"/training/results/enrolments/{row.id}/presence",
                         data={"presence": "absent", "version_id": row.version_id})
    assert "This person has a score in this session" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Enrolment, row.id).presence == Presence.PRESENT
