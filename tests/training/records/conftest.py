"""Fixtures of the training records tests: `site` (org, a head of housekeeping, a front-desk position requiring
an assessed etiquette course and an unassessed safety course, a housekeeping position requiring the safety
course) and helpers to put a person through a session."""
from datetime import date, datetime, timedelta

import pytest

from hrapp.company import company_today, utc_of_local
from hrapp.extensions import db
from hrapp.models import Position, PositionCourse, Presence, RequiredTrainingKind, Role
from tests.training.fixtures import write_attempt, write_course, write_enrolment, write_session


def local_noon(day: date) -> datetime:
    """A session starting at local noon of `day` (UTC)."""
    return utc_of_local(datetime.combine(day, datetime.min.time()) + timedelta(hours=12))


def attend(course, staff, day: date, score: str | None = None, presence=Presence.PRESENT, number: int = 1):
    """`staff` at a session of `course` on local `day` (with attempt `number` when `score` is given)."""
    session = write_session(course, starts_at=local_noon(day))
    enrolment = write_enrolment(session, staff, presence=presence)
    attempt = write_attempt(session, staff, score, number=number, taken_on=day) if score is not None else None
    return session, enrolment, attempt


@pytest.fixture
def site(org, make_user):
    o = org
    o.hk_head = make_user(Role.HEAD, "hkhead", departments=[o.housekeeping])
    o.today = company_today()
    o.etiquette = write_course("C-ETQ", "服务礼仪", hours="4", pass_score="60")
    o.safety = write_course("C-SAFE", "消防安全", hours="2.5", pass_score=None)
    o.desk_job = Position(code="DESK", name="前台接待", department=o.front_desk)
    o.hk_job = Position(code="ROOM", name="客房服务员", department=o.housekeeping)
    db.session.add_all([o.desk_job, o.hk_job])
    db.session.flush()
    db.session.add_all([
        PositionCourse(position_id=o.desk_job.id, course_id=o.etiquette.id, kind=RequiredTrainingKind.INDUCTION,
                       due_days=30),
        PositionCourse(position_id=o.desk_job.id, course_id=o.safety.id, kind=RequiredTrainingKind.PRE_POST,
                       due_days=14),
        PositionCourse(position_id=o.hk_job.id, course_id=o.safety.id, kind=RequiredTrainingKind.INDUCTION,
                       due_days=10),
    ])
    db.session.commit()
    return o
