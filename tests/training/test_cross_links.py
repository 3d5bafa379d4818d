"""The training parts link to each other: a course's page to its sessions and a new session of it (the form
comes with the course chosen), an approved plan's course items to scheduling a session (course and item chosen),
a session's page to its sign-in, attendance and scores for whoever runs it; both pages to their effect
for heads and HR."""
import re
from datetime import date, datetime
from decimal import Decimal

from hrapp.extensions import db
from hrapp.models import PlanItem, PlanSource, PlanStatus, TrainingPlan
from tests.access_matrix import login


def _selected(html: str, field: str) -> str | None:
    select = re.search(rf'<select[^>]*name="{field}".*?</select>', html, re.S).group(0)
    chosen = re.search(r'<option selected value="([^"]*)"|<option value="([^"]*)" selected', select)
    return next((g for g in chosen.groups() if g), None) if chosen else None


def test_course_page_links_to_its_sessions_and_a_new_one(app, org, make_course, make_session):
    course = make_course()
    make_session(course)
    db.session.commit()
    hr = login(app, "hr")
    html = hr.get(f"/training/courses/{course.id}").get_data(as_text=True)
    assert f'href="/training/sessions/?course={course.id}"' in html
    assert f'href="/training/sessions/new?course={course.id}"' in html
    assert f'href="/training/effect/courses/{course.id}"' in html
    form = hr.get(f"/training/sessions/new?course={course.id}").get_data(as_text=True)
    assert _selected(form, "course_id") == str(course.id)
    staff_page = login(app, "staff").get(f"/training/courses/{course.id}").get_data(as_text=True)
    assert "/training/sessions/new" not in staff_page


def test_an_approved_plan_item_schedules_a_session(app, org, make_course):
    course = make_course()
    plan = TrainingPlan(department_id=org.front.id, year=date.today().year, status=PlanStatus.APPROVED)
    db.session.add(plan)
    db.session.flush()
    item = PlanItem(plan_id=plan.id, course_id=course.id, quarter=2, source=PlanSource.FREE, people=5,
                    hours=Decimal("4"))
    db.session.add(item)
    db.session.commit()
    head = login(app, "head")
    response = head.get(f"/training/plans/{plan.id}")
    assert response.status_code == 200, response.status_code
    html = response.get_data(as_text=True)
    link = f"/training/sessions/new?course={course.id}&amp;plan_item={item.id}"
    assert link in html
    form = head.get(link.replace("&amp;", "&")).get_data(as_text=True)
    assert _selected(form, "course_id") == str(course.id)
    assert _selected(form, "plan_item_id") == str(item.id)


def test_session_page_links_to_its_results_for_who_runs_it(app, org, make_course, make_session, make_enrolment):
    session = make_session(make_course(), department=org.front)
    make_enrolment(session, org.desk_staff)
    db.session.commit()
    results = f"/training/results/sessions/{session.id}"
    assert results in login(app, "hr").get(f"/training/sessions/{session.id}").get_data(as_text=True)
    head_page = login(app, "head").get(f"/training/sessions/{session.id}").get_data(as_text=True)
    assert results in head_page
    assert f"/training/effect/sessions/{session.id}" in head_page
    assert results not in login(app, "staff").get(f"/training/sessions/{session.id}").get_data(as_text=True)


def test_a_training_record_links_to_sessions_certificates_and_my_pages(app, org, make_course, make_session,
                                                                       make_enrolment, make_attempt):
    from hrapp.models import Certificate, Presence
    course = make_course(certificate_months=12)
    session = make_session(course, department=org.front, starts_at=datetime(2026, 3, 2, 1))
    make_enrolment(session, org.desk_staff, presence=Presence.PRESENT)
    attempt = make_attempt(session, org.desk_staff, "90")
    db.session.add(Certificate(number="TC-2026-00001", attempt_id=attempt.id, staff_id=org.desk_staff.id,
                               course_id=course.id, issued_on=date(2026, 3, 2), expires_on=date(2027, 3, 1)))
    db.session.commit()
    mine = login(app, "staff").get("/training/records/mine").get_data(as_text=True)
    assert f'href="/training/sessions/{session.id}"' in mine
    assert 'href="/training/sign-in"' in mine and 'href="/training/sessions/open"' in mine
    assert "training-certificate" not in mine
    hr = login(app, "hr").get(f"/training/records/{org.desk_staff.id}").get_data(as_text=True)
    assert f"training-certificate/{attempt.id}" in hr
    staff_page = login(app, "head").get(f"/staff/{org.desk_staff.id}").get_data(as_text=True)
    assert f'href="/training/records/{org.desk_staff.id}"' in staff_page


def test_a_position_page_links_to_its_required_training_for_heads_and_hr(app, org, make_position):
    position = make_position("P-DESK", "前台接待", department=org.front_desk)
    db.session.commit()
    link = f'href="/training/courses/positions/{position.id}"'
    assert link in login(app, "hr").get(f"/org/positions/{position.id}").get_data(as_text=True)
    assert link in login(app, "head").get(f"/org/positions/{position.id}").get_data(as_text=True)
