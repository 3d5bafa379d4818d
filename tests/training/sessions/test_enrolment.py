"""Enrolment through the pages and the service: seats then the waiting list (in order), refusals (someone who has
left, twice, a cancelled or past session), a cancelled place taken up again, a cancelled place freeing a seat for
the first person waiting (told), self-enrolment only in open courses of one's department or company-wide."""
from datetime import timedelta

import pytest
import sqlalchemy as sa

from hrapp.blueprints.training.sessions import enrolment
from hrapp.blueprints.training.sessions.messages import SessionError
from hrapp.blueprints.training.sessions.notices import INVITATION
from hrapp.extensions import db
from hrapp.models import (
    AuditEntry,
    EmploymentStatus,
    Enrolment,
    EnrolmentStatus,
    SessionStatus,
    StaffMember,
    TrainingSession,
    utcnow,
)

from .conftest import login_en, notices


def statuses(session) -> dict[int, EnrolmentStatus]:
    return dict(db.session.execute(sa.select(Enrolment.staff_id, Enrolment.status)
                                   .where(Enrolment.session_id == session.id)).all())


def test_seats_first_then_the_waiting_list_in_order(app, site, session_at, make_staff):
    session = session_at(capacity=2)
    people = [make_staff(site.front_desk) for _ in range(4)]
    outcomes = enrolment.enrol(session, people, site.hr)
    db.session.commit()
    assert [o.result for o in outcomes] == ["enrolled", "enrolled", "waiting", "waiting"]
    assert [e.staff_id for e in enrolment.waiting_list(session.id)] == [people[2].id, people[3].id]
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "training.enrol"))
    assert entry.after == {"enrolled": [people[0].id, people[1].id], "waiting": [people[2].id, people[3].id]}


def test_the_page_enrols_the_people_ticked_and_invites_them(app, site, session_at):
    session = session_at(capacity=1, department=site.front)
    client = login_en(app, "head")
    page = client.get(f"/training/sessions/{session.id}/enrol").get_data(as_text=True)
    assert f'id="pick-{site.desk_staff.id}"' in page and f'id="pick-{site.hk_staff.id}"' not in page
    assert f'id="pick-{site.head_staff.id}"' not in page  # not oneself
    response = client.post(f"/training/sessions/{session.id}/enrol", data={"staff_ids": [str(site.desk_staff.id)]})
    assert response.status_code == 302
    assert statuses(session) == {site.desk_staff.id: EnrolmentStatus.ENROLLED}
    assert notices(site.staff, INVITATION)
    # someone outside the head's departments, slipped into the post, is ignored
    response = client.post(f"/training/sessions/{session.id}/enrol", data={"staff_ids": [str(site.hk_staff.id)]})
    assert "Choose at least one person." in response.get_data(as_text=True)
    assert site.hk_staff.id not in statuses(session)
    # ids that are no numbers, or beyond the database's integers, are ignored the same way (no 500)
    response = client.post(f"/training/sessions/{session.id}/enrol",
                           data={"staff_ids": ["²", "99999999999999999999", "-3"]})
    assert "Choose at least one person." in response.get_data(as_text=True)


def test_refusals_per_person(app, site, session_at, make_staff):
    session = session_at()
    gone = make_staff(site.front_desk, status=EmploymentStatus.LEFT, name_zh="离职者")
    enrolment.enrol(session, [site.desk_staff], site.hr)
    outcomes = enrolment.enrol(session, [gone, site.desk_staff, site.hk_staff], site.hr)
    assert [o.result for o in outcomes] == ["refused", "refused", "enrolled"]
    assert "离职者" in outcomes[0].message and "李前台" in outcomes[1].message


def test_a_cancelled_or_past_session_takes_nobody(app, site, session_at):
    cancelled = session_at(status=SessionStatus.CANCELLED)
    started = session_at()
    started.starts_at = utcnow() - timedelta(minutes=5)
    db.session.commit()
    ids, person = (cancelled.id, started.id), site.desk_staff.id
    for session_id, code in zip(ids, ("session_cancelled", "session_past"), strict=True):
        session = db.session.get(TrainingSession, session_id)
        assert enrolment.session_refusal_code(session) == code
        with pytest.raises(SessionError):
            enrolment.enrol(session, [db.session.get(StaffMember, person)], site.hr)
        db.session.rollback()
    client = login_en(app, "hr")
    page = client.post(f"/training/sessions/{ids[0]}/enrol", data={"staff_ids": [str(person)]}).get_data(as_text=True)
    assert "The session is cancelled." in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Enrolment)) == 0


def test_cancelling_a_place_promotes_the_first_waiting_and_tells_them(app, site, session_at, make_staff, make_user):
    session = session_at(capacity=1)
    first, second = make_staff(site.front_desk), make_staff(site.front_desk)
    first_user = make_user(staff=first)
    enrolment.enrol(session, [site.desk_staff, first, second], site.hr)
    db.session.commit()
    mine = db.session.scalar(sa.select(Enrolment).where(Enrolment.staff_id == site.desk_staff.id))
    client = login_en(app, "staff")  # the person cancels their own place
    response = client.post(f"/training/sessions/places/{mine.id}/cancel", data={"version_id": mine.version_id})
    assert response.status_code == 302
    assert statuses(session) == {site.desk_staff.id: EnrolmentStatus.CANCELLED, first.id: EnrolmentStatus.ENROLLED,
                                 second.id: EnrolmentStatus.WAITING}
    assert any("A place became free" in t or "空出" in t or "名额" in t for t in notices(first_user, INVITATION))
    # a stale page changes nothing
    assert client.post(f"/training/sessions/places/{mine.id}/cancel",
                       data={"version_id": mine.version_id}).status_code == 409
    # the cancelled place is taken up again, at the end of the queue
    session = db.session.get(TrainingSession, session.id)
    outcomes = enrolment.enrol(session, [db.session.get(StaffMember, site.desk_staff.id)], site.hr)
    db.session.commit()
    assert outcomes[0].result == "waiting"
    assert [e.staff_id for e in enrolment.waiting_list(session.id)] == [second.id, site.desk_staff.id]


def test_self_enrolment_in_open_courses_only(app, site, session_at):
    closed = session_at()
    elsewhere = session_at(course=site.open_course, department=site.housekeeping)
    open_one = session_at(course=site.open_course, capacity=1)
    client = login_en(app, "staff")
    listing = client.get("/training/sessions/open").get_data(as_text=True)
    assert f'data-session-id="{open_one.id}"' in listing and f'data-session-id="{closed.id}"' not in listing
    assert f'data-session-id="{elsewhere.id}"' not in listing
    assert client.post(f"/training/sessions/{closed.id}/enrol-self").status_code == 404
    assert client.post(f"/training/sessions/{elsewhere.id}/enrol-self").status_code == 404
    assert client.post(f"/training/sessions/{open_one.id}/enrol-self").status_code == 302
    assert statuses(open_one) == {site.desk_staff.id: EnrolmentStatus.ENROLLED}
    assert db.session.scalar(sa.select(Enrolment.self_enrolled)) is True
    client.post(f"/training/sessions/{open_one.id}/enrol-self")  # a double click: refused, still one row
    assert len(statuses(open_one)) == 1
    other = login_en(app, "other")  # the session is full: the waiting list
    assert other.post(f"/training/sessions/{open_one.id}/enrol-self").status_code == 302
    assert statuses(open_one)[site.hk_staff.id] == EnrolmentStatus.WAITING
    mine = login_en(app, "staff").get("/training/sessions/my").get_data(as_text=True)
    assert f'data-session-id="{open_one.id}"' in mine


def test_a_lost_double_click_answers_like_the_pre_check(app, site, session_at, monkeypatch):
    session = session_at()
    enrolment.enrol(session, [site.desk_staff], site.hr)
    db.session.commit()
    # as if a twin request inserted the row between our check and our insert
    monkeypatch.setattr(enrolment, "places_held", lambda session_id, staff_ids: {})
    client = login_en(app, "hr")
    response = client.post(f"/training/sessions/{session.id}/enrol", data={"staff_ids": [str(site.desk_staff.id)]})
    assert response.status_code == 200
    assert "already enrolled or on the waiting list" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Enrolment)) == 1
