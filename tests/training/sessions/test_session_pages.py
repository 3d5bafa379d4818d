"""Setting up sessions through the pages: HR and heads create (refusals on the form, nothing saved), the list with
its filters, editing (capacity not below the people enrolled, a stale page), cancelling (people told)."""
from datetime import timedelta

import sqlalchemy as sa

from hrapp.blueprints.training.sessions.notices import INVITATION
from hrapp.extensions import db
from hrapp.models import Enrolment, EnrolmentStatus, PlanItem, SessionStatus, TrainingPlan, TrainingSession, utcnow
from tests.conftest import count

from .conftest import DAY, at, login_en, notices


def form(course, day=DAY, start="09:00", end="11:00", capacity="20", **extra) -> dict:
    return {"course_id": str(course.id), "department_id": "", "starts_on": day.isoformat(), "start_time": start,
            "end_time": end, "capacity": capacity, "place": "三楼会议室", "trainer_name": "", "trainer_number": "",
            "plan_item_id": "", "note": "", **extra}


def test_hr_creates_a_company_wide_session_with_a_code(app, site):
    response = login_en(app, "hr").post("/training/sessions/new", data=form(site.course))
    assert response.status_code == 302
    session = db.session.scalar(sa.select(TrainingSession))
    assert session.department_id is None and session.capacity == 20 and session.place == "三楼会议室"
    assert session.starts_at == at(DAY, 9) and session.ends_at == at(DAY, 11)  # stored UTC
    assert len(session.signin_code) == 6 and session.signin_code.isdigit()
    page = login_en(app, "hr").get(response.headers["Location"]).get_data(as_text=True)
    assert f"{DAY.isoformat()} 09:00" in page  # shown local


def test_refusals_come_back_on_the_form_and_nothing_is_saved(app, site):
    client = login_en(app, "hr")
    cases = [
        (form(site.course, start="11:00", end="09:00"), "The session ends before it starts."),
        (form(site.course, day=DAY - timedelta(days=400)), "The session starts in the past"),
        (form(site.course, capacity="0"), "The capacity must be at least 1."),
        (form(site.course, trainer_number="NOPE"), "No such staff number."),
    ]
    for data, text in cases:
        response = client.post("/training/sessions/new", data=data)
        assert response.status_code == 200
        assert text in response.get_data(as_text=True), text
    assert count(TrainingSession) == 0


def test_a_head_sets_up_sessions_for_their_departments_only(app, site):
    client = login_en(app, "head")
    page = client.post("/training/sessions/new", data=form(site.course))
    assert "company-wide sessions are set up by HR" in page.get_data(as_text=True)
    page = client.post("/training/sessions/new", data=form(site.course, department_id=str(site.housekeeping.id)))
    assert page.status_code == 200  # not a choice for them
    assert count(TrainingSession) == 0
    response = client.post("/training/sessions/new", data=form(site.course, department_id=str(site.front_desk.id)))
    assert response.status_code == 302
    assert db.session.scalar(sa.select(TrainingSession.department_id)) == site.front_desk.id


def test_the_trainer_defaults_from_the_course(app, site, make_course):
    course = make_course("C-T", "投诉处理", trainer_name="外聘讲师王老师")
    db.session.commit()
    login_en(app, "hr").post("/training/sessions/new", data=form(course))
    assert db.session.scalar(sa.select(TrainingSession.trainer_name)) == "外聘讲师王老师"


def test_the_list_filters_and_searches(app, site, session_at):
    session_at(place="一楼大堂")
    session_at(course=site.open_course, department=site.housekeeping, day=DAY + timedelta(days=3))
    client = login_en(app, "hr")
    assert client.get("/training/sessions/").get_data(as_text=True).count("data-session-id") == 2
    page = client.get(f"/training/sessions/?course={site.open_course.id}").get_data(as_text=True)
    assert page.count("data-session-id") == 1 and "消防安全" in page
    page = client.get("/training/sessions/?q=大堂").get_data(as_text=True)
    assert page.count("data-session-id") == 1
    page = client.get(f"/training/sessions/?from={(DAY + timedelta(days=1)).isoformat()}").get_data(as_text=True)
    assert page.count("data-session-id") == 1
    page = client.get(f"/training/sessions/?to={DAY.isoformat()}&department={site.housekeeping.id}")
    assert 'id="no-sessions"' in page.get_data(as_text=True)
    assert 'id="no-sessions"' in client.get("/training/sessions/?when=past").get_data(as_text=True)
    assert 'id="filter-errors"' in client.get("/training/sessions/?from=yesterday").get_data(as_text=True)
    # a head sees company-wide sessions and their departments', not housekeeping's
    assert login_en(app, "head").get("/training/sessions/").get_data(as_text=True).count("data-session-id") == 1


def test_the_capacity_cannot_go_below_the_people_enrolled(app, site, session_at, make_enrolment, make_staff):
    session = session_at(capacity=3)
    for _ in range(2):
        make_enrolment(session, make_staff(site.front_desk))
    db.session.commit()
    client = login_en(app, "hr")
    data = form(site.course, capacity="1", version_id=str(session.version_id))
    response = client.post(f"/training/sessions/{session.id}/edit", data=data)
    assert "2 people are already enrolled" in response.get_data(as_text=True)
    response = client.post(f"/training/sessions/{session.id}/edit", data=form(site.course, capacity="2",
                                                                              version_id=str(session.version_id)))
    assert response.status_code == 302
    assert db.session.get(TrainingSession, session.id).capacity == 2
    stale = client.post(f"/training/sessions/{session.id}/edit", data=form(site.course, capacity="9",
                                                                           version_id=str(session.version_id)))
    assert stale.status_code == 409
    assert db.session.get(TrainingSession, session.id).capacity == 2


def test_cancelling_tells_the_people_enrolled_and_waiting(app, site, session_at, make_enrolment):
    session = session_at(capacity=1)
    make_enrolment(session, site.desk_staff)
    make_enrolment(session, site.hk_staff, status=EnrolmentStatus.WAITING)
    db.session.commit()
    client = login_en(app, "hr")
    url = f"/training/sessions/{session.id}/cancel"
    page = client.post(url, data={"version_id": session.version_id, "reason": ""})
    assert page.status_code == 200 and db.session.get(TrainingSession, session.id).status == SessionStatus.SCHEDULED
    assert client.post(url, data={"version_id": session.version_id, "reason": "讲师生病"}).status_code == 302
    assert db.session.get(TrainingSession, session.id).status == SessionStatus.CANCELLED
    assert any("讲师生病" in text for text in notices(site.staff, INVITATION))
    assert any("讲师生病" in text for text in notices(site.other_staff, INVITATION))
    again = client.post(url, data={"version_id": session.version_id, "reason": "x"})
    assert again.status_code == 409  # the version moved on


def test_a_plan_item_must_match_the_department_year_and_course(app, site):
    plan = TrainingPlan(department_id=site.front_desk.id, year=DAY.year)
    db.session.add(plan)
    db.session.flush()
    right = PlanItem(plan_id=plan.id, course_id=site.course.id, quarter=1)
    other_course = PlanItem(plan_id=plan.id, course_id=site.open_course.id, quarter=2)
    db.session.add_all([right, other_course])
    db.session.commit()
    client = login_en(app, "head")
    base = form(site.course, department_id=str(site.front_desk.id))
    page = client.post("/training/sessions/new", data=base | {"plan_item_id": str(other_course.id)})
    assert "not of the session&#39;s department, year and course" in page.get_data(as_text=True)
    assert count(TrainingSession) == 0
    assert client.post("/training/sessions/new", data=base | {"plan_item_id": str(right.id)}).status_code == 302
    assert db.session.scalar(sa.select(TrainingSession.plan_item_id)) == right.id


def test_a_session_page_shows_others_only_the_people_they_may_see(app, site, session_at):
    """Staff who may join a company-wide session see the seats and themselves, not who else is enrolled; its
    runner sees everyone."""
    from hrapp.blueprints.training.sessions.enrolment import enrol
    from hrapp.models import Course
    open_course = db.session.scalar(sa.select(Course).where(Course.open_enrolment.is_(True)))
    session = session_at(course=open_course, capacity=1)
    enrol(session, [site.hk_staff, site.desk_staff], site.hr)  # the desk clerk waits
    db.session.commit()
    staff_page = login_en(app, "staff").get(f"/training/sessions/{session.id}").get_data(as_text=True)
    assert f'data-staff-id="{site.desk_staff.id}"' in staff_page
    assert f'data-staff-id="{site.hk_staff.id}"' not in staff_page
    assert "Enrolled (1)" in staff_page and "1 waiting" in staff_page
    hr_page = login_en(app, "hr").get(f"/training/sessions/{session.id}").get_data(as_text=True)
    assert f'data-staff-id="{site.hk_staff.id}"' in hr_page and f'data-staff-id="{site.desk_staff.id}"' in hr_page


def test_more_seats_move_the_waiting_list_up_and_the_course_stays(app, site, session_at, make_course):
    from hrapp.blueprints.training.sessions.enrolment import enrol
    session = session_at(capacity=1)
    enrol(session, [site.desk_staff, site.hk_staff, site.head_staff], site.hr)
    db.session.commit()
    client = login_en(app, "hr")
    other = make_course(code="C-OTHER", title="其他课程")
    db.session.commit()
    refused = client.post(f"/training/sessions/{session.id}/edit",
                          data=form(other, capacity="1", version_id=str(session.version_id)))
    assert "The course cannot change once people hold places" in refused.get_data(as_text=True)
    response = client.post(f"/training/sessions/{session.id}/edit",
                           data=form(site.course, capacity="2", version_id=str(session.version_id)))
    assert response.status_code == 302
    places = {e.staff_id: e.status for e in db.session.scalars(
        sa.select(Enrolment).where(Enrolment.session_id == session.id))}
    assert places == {site.desk_staff.id: EnrolmentStatus.ENROLLED, site.hk_staff.id: EnrolmentStatus.ENROLLED,
                      site.head_staff.id: EnrolmentStatus.WAITING}  # the first waiting, in order
    assert notices(site.other_staff, INVITATION)


def test_a_session_of_a_course_now_out_of_use_can_still_be_edited(app, site, session_at):
    session = session_at(capacity=5)
    site.course.active = False
    db.session.commit()
    response = login_en(app, "hr").post(f"/training/sessions/{session.id}/edit",
                                        data=form(site.course, capacity="6", version_id=str(session.version_id)))
    assert response.status_code == 302
    assert db.session.get(TrainingSession, session.id).capacity == 6


def test_moving_a_session_tells_the_people_on_it_and_reminds_again(app, site, session_at):
    from hrapp.blueprints.training.sessions.enrolment import enrol
    session = session_at(capacity=5)
    enrol(session, [site.desk_staff], site.hr)
    session.reminded_at = utcnow()
    db.session.commit()
    response = login_en(app, "hr").post(f"/training/sessions/{session.id}/edit", data=form(
        site.course, start="14:00", end="16:00", capacity="5", version_id=str(session.version_id)))
    assert response.status_code == 302
    moved = db.session.get(TrainingSession, session.id)
    assert moved.starts_at == at(DAY, 14) and moved.reminded_at is None
    assert any("已调整" in text or "has moved" in text for text in notices(site.staff, INVITATION))
