"""Fixtures of the training results tests: `scene` — the org (with a head of housekeeping), a certifying
assessed course (pass mark 60 of 100, one retake, valid 12 months) whose trainer is the housekeeping clerk, a
front-office session running now (its sign-in window open, code 123456) with the desk clerk enrolled, the head
on the waiting list, and a past session of the same course."""
from datetime import timedelta

import pytest

from hrapp.extensions import db
from hrapp.models import EnrolmentStatus, Role, utcnow
from tests.training.fixtures import write_session


@pytest.fixture
def scene(org, make_user, make_course, make_session, make_enrolment):
    org.hk_head = make_user(Role.HEAD, "hkhead", departments=[org.housekeeping])
    org.course = make_course(code="C-FIRE", title="消防安全", pass_score="60", retakes=1, certificate_months=12,
                             title_en="Fire safety")
    now = utcnow().replace(microsecond=0)
    org.now = now
    org.session = make_session(org.course, starts_at=now - timedelta(minutes=30), hours=2, department=org.front,
                               trainer_staff_id=org.hk_staff.id, signin_code="123456", place="培训室")
    org.desk = make_enrolment(org.session, org.desk_staff)
    org.waiting = make_enrolment(org.session, org.head_staff, status=EnrolmentStatus.WAITING)
    org.past = make_session(org.course, starts_at=now - timedelta(days=10), hours=2, department=org.front,
                            signin_code="654321")
    db.session.commit()
    return org


def later(org, days: int = 5, **fields):
    """Another session of the course, `days` after the scene's session."""
    return write_session(org.course, starts_at=org.session.starts_at + timedelta(days=days), department=org.front,
                         **fields)
