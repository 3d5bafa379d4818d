"""Fixtures of the training tests (and of other modules' tests that need training records): courses, sessions,
enrolments and attempts written directly to set a scene (the training parts' own tests go through the pages and
the API for what they test)."""
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from hrapp.extensions import db
from hrapp.models import (
    Attempt,
    Course,
    CourseCategory,
    Enrolment,
    EnrolmentStatus,
    Presence,
    StaffMember,
    TrainingSession,
    utcnow,
)


def write_course(code: str = "C-SVC", title: str = "服务礼仪", category: CourseCategory = CourseCategory.ETIQUETTE,
                 hours: str = "4", pass_score: str | None = "60", retakes: int = 1,
                 certificate_months: int | None = None, open_enrolment: bool = False, **fields) -> Course:
    course = Course(code=code, title=title, category=category, hours=Decimal(hours),
                    pass_score=Decimal(pass_score) if pass_score is not None else None, retakes=retakes,
                    certificate_months=certificate_months, open_enrolment=open_enrolment, **fields)
    db.session.add(course)
    db.session.flush()
    return course


def write_session(course: Course, starts_at: datetime | None = None, hours: float = 2, capacity: int = 20,
                  department=None, **fields) -> TrainingSession:
    """A scheduled session (UTC times; by default tomorrow 01:00-03:00 UTC, i.e. 09:00-11:00 in Shanghai)."""
    starts_at = starts_at or (utcnow() + timedelta(days=1)).replace(hour=1, minute=0, second=0, microsecond=0)
    session = TrainingSession(course_id=course.id, starts_at=starts_at, ends_at=starts_at + timedelta(hours=hours),
                              capacity=capacity, department_id=getattr(department, "id", None), **fields)
    db.session.add(session)
    db.session.flush()
    return session


def write_enrolment(session: TrainingSession, staff: StaffMember,
                    status: EnrolmentStatus = EnrolmentStatus.ENROLLED,
                    presence: Presence = Presence.UNMARKED) -> Enrolment:
    row = Enrolment(session_id=session.id, staff_id=staff.id, status=status, presence=presence)
    db.session.add(row)
    db.session.flush()
    return row


def write_attempt(session: TrainingSession, staff: StaffMember, score: str, number: int = 1,
                  taken_on: date | None = None) -> Attempt:
    course = session.course
    row = Attempt(staff_id=staff.id, course_id=course.id, session_id=session.id, number=number,
                  score=Decimal(score), max_score=course.max_score, pass_score=course.pass_score or Decimal("0"),
                  passed=Decimal(score) >= (course.pass_score or Decimal("0")),
                  taken_on=taken_on or session.starts_at.date())
    db.session.add(row)
    db.session.flush()
    return row


@pytest.fixture
def make_course(app):
    """make_course(code="C-SVC", title=..., category=..., hours="4", pass_score="60", retakes=1,
    certificate_months=None, open_enrolment=False, **fields): see `write_course`."""
    return write_course


@pytest.fixture
def make_session(app):
    """make_session(course, starts_at=None, hours=2, capacity=20, department=None, **fields)."""
    return write_session


@pytest.fixture
def make_enrolment(app):
    """make_enrolment(session, staff, status=ENROLLED, presence=UNMARKED)."""
    return write_enrolment


@pytest.fixture
def make_attempt(app):
    """make_attempt(session, staff, score, number=1, taken_on=None)."""
    return write_attempt
