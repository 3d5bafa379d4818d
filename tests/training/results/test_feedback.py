"""Feedback: only from people marked present, once the session started, once per enrolment; five-level radio
buttons and a comment of at most 200 characters; the person sees what they gave, the trainer the summary."""
from datetime import timedelta

import sqlalchemy as sa

from hrapp.blueprints.training.results import feedback
from hrapp.extensions import db
from hrapp.models import Feedback, Presence
from tests.access_matrix import login
from tests.conftest import count
from tests.training.fixtures import write_enrolment, write_session


def url(enrolment):
    return f"/training/results/enrolments/{enrolment.id}/feedback"


def test_an_attendee_rates_the_session_once_and_sees_it(app, scene):
    scene.desk.presence = Presence.PRESENT
    db.session.commit()
    staff = login(app, "staff")
    form = staff.get(url(scene.desk)).get_data(as_text=True)
    assert form.count('type="radio"') == 5 and 'name="comment"' in form
    assert staff.post(url(scene.desk), data={"rating": "4", "comment": " 很实用 "}).status_code == 302
    row = db.session.scalar(sa.select(Feedback))
    assert row.rating == 4 and row.comment == "很实用" and row.session_id == scene.session.id
    page = staff.get(url(scene.desk)).get_data(as_text=True)
    assert 'id="given-feedback"' in page and "很实用" in page and 'id="feedback-form"' not in page
    assert staff.post(url(scene.desk), data={"rating": "1", "comment": "再来"}).status_code == 200
    assert count(Feedback) == 1 and db.session.scalar(sa.select(Feedback.rating)) == 4
    summary = login(app, "other").get(f"/training/results/sessions/{scene.session.id}").get_data(as_text=True)
    assert 'id="feedback-counts"' in summary and "很实用" in summary


def test_someone_who_did_not_attend_cannot_give_feedback(app, scene):
    staff = login(app, "staff")  # enrolled but not marked present
    page = staff.get(url(scene.desk)).get_data(as_text=True)
    assert 'id="feedback-refused"' in page
    assert staff.post(url(scene.desk), data={"rating": "5"}).status_code == 200
    scene.desk = db.session.get(type(scene.desk), scene.desk.id)
    scene.desk.presence = Presence.ABSENT
    db.session.commit()
    assert staff.post(url(scene.desk), data={"rating": "5"}).status_code == 200
    assert count(Feedback) == 0


def test_no_feedback_before_the_session_starts(app, scene):
    tomorrow = write_session(scene.course, starts_at=scene.now + timedelta(days=1), department=scene.front)
    row = write_enrolment(tomorrow, scene.desk_staff, presence=Presence.PRESENT)
    db.session.commit()
    assert feedback.feedback_refusal(row) == "feedback_too_early"
    assert login(app, "staff").post(url(row), data={"rating": "5"}).status_code == 200
    assert count(Feedback) == 0


def test_a_rating_is_required_and_the_comment_is_short(app, scene):
    scene.desk.presence = Presence.PRESENT
    db.session.commit()
    staff = login(app, "staff")
    assert staff.post(url(scene.desk), data={"comment": "好"}).status_code == 200
    assert staff.post(url(scene.desk), data={"rating": "9"}).status_code == 200
    assert staff.post(url(scene.desk), data={"rating": "5", "comment": "长" * 201}).status_code == 200
    assert count(Feedback) == 0
    assert staff.post(url(scene.desk), data={"rating": "5", "comment": "长" * 200}).status_code == 302


def test_only_the_person_gives_their_feedback(app, scene):
    scene.desk.presence = Presence.PRESENT
    db.session.commit()
    assert login(app, "head").post(url(scene.desk), data={"rating": "1"}).status_code == 403
    assert login(app, "hkhead").post(url(scene.desk), data={"rating": "1"}).status_code == 404
    assert count(Feedback) == 0


def test_a_second_submit_racing_the_first_gets_the_normal_message(app, scene, monkeypatch):
    scene.desk.presence = Presence.PRESENT
    db.session.commit()
    staff = login(app, "staff")
    assert staff.post(url(scene.desk), data={"rating": "5"}).status_code == 302
    from hrapp.blueprints.training.results import signin_views
    monkeypatch.setattr(signin_views, "feedback_of", lambda enrolment: None)
    monkeypatch.setattr(feedback, "feedback_refusal", lambda enrolment, now=None: None)
    response = staff.post(url(scene.desk), data={"rating": "3"})
    assert response.status_code == 200 and count(Feedback) == 1
