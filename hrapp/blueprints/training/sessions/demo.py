"""What seed-demo adds for sessions (after the courses part's catalogue): for each course a few sessions over the
past twelve months, departments spread, full or nearly full with people of their department; sessions in the next
four weeks (one with a waiting list, one company-wide session of an open course left open for self-enrolment);
and a past session for each demo staff account. The results part marks attendance and scores on the past
sessions in its own demo.

Upcoming sessions go through the same services people use; past ones (which the services refuse, rightly) are
written directly. Idempotent: once demo sessions exist (their note starts with DEMO_NOTE), nothing is added.
Should the catalogue be empty (the sessions part running without the courses part), three demo courses are
added first so the pages have something to show.
"""
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import sqlalchemy as sa

from hrapp.company import utc_of_local
from hrapp.core.bulk import insert_rows
from hrapp.extensions import db
from hrapp.models import (
    Course,
    CourseCategory,
    EmploymentStatus,
    Enrolment,
    EnrolmentStatus,
    Presence,
    Role,
    StaffMember,
    TrainingSession,
)

from .enrolment import enrol
from .services import SessionDraft, create_session

DEMO_NOTE = "演示"
PAST_PER_COURSE = 3
FALLBACK_COURSES = (  # code, title, category, open enrolment, pass score
    ("DEMO-SVC", "服务意识与礼仪", CourseCategory.SERVICE, False, Decimal("60")),
    ("DEMO-FIRE", "消防安全", CourseCategory.SAFETY, True, None),
    ("DEMO-CMP", "宾客投诉处理", CourseCategory.COMPLAINTS, False, Decimal("70")),
)


def _courses() -> list[Course]:
    courses = list(db.session.scalars(sa.select(Course).where(Course.active.is_(True)).order_by(Course.code)))
    if courses:
        return courses
    for code, title, category, open_enrolment, pass_score in FALLBACK_COURSES:
        db.session.add(Course(code=code, title=title, category=category, hours=Decimal("2"),
                              open_enrolment=open_enrolment, pass_score=pass_score, trainer_name="培训与发展部"))
    db.session.flush()
    return _courses()


def _teams() -> dict[int, list[int]]:
    """department id -> its active staff ids (departments of three people or more)."""
    teams: dict[int, list[int]] = {}
    for staff_id, department_id in db.session.execute(
            sa.select(StaffMember.id, StaffMember.department_id).where(StaffMember.status != EmploymentStatus.LEFT)
            .order_by(StaffMember.department_id, StaffMember.id)):
        teams.setdefault(department_id, []).append(staff_id)
    return {d: ids for d, ids in teams.items() if len(ids) >= 3}


def _at(day: date, hour: int) -> datetime:
    return utc_of_local(datetime.combine(day, time(hour)))


def _past(course: Course, department_id: int | None, day: date, people: list[int], capacity: int,
          hr) -> TrainingSession:
    """A past session written directly, with `people` enrolled (attendance left unmarked)."""
    session = TrainingSession(course_id=course.id, department_id=department_id, starts_at=_at(day, 14),
                              ends_at=_at(day, 16), place="培训室", capacity=capacity, signin_code="000000",
                              trainer_staff_id=course.trainer_staff_id, trainer_name=course.trainer_name,
                              note=f"{DEMO_NOTE}：往期培训", created_by_id=hr.id)
    db.session.add(session)
    db.session.flush()
    stamp = session.starts_at - timedelta(days=7)
    insert_rows(Enrolment.__table__, [
        {"session_id": session.id, "staff_id": staff_id, "status": EnrolmentStatus.ENROLLED, "enrolled_at": stamp,
         "enrolled_by_id": hr.id, "self_enrolled": False, "presence": Presence.UNMARKED, "signed_in_at": None,
         "signed_in_with_code": False, "marked_by_id": None, "invited_at": stamp, "version_id": 1,
         "created_at": stamp, "updated_at": stamp} for staff_id in people[:capacity]])
    return session


def _upcoming(hr, course: Course, department_id: int | None, day: date, capacity: int, people: list[int]):
    session = create_session(hr, SessionDraft(course.id, department_id, _at(day, 9), _at(day, 11), capacity,
                                              place="三楼多功能厅", note=f"{DEMO_NOTE}：近期培训"))
    enrol(session, db.session.scalars(sa.select(StaffMember).where(StaffMember.id.in_(people))
                                      .order_by(StaffMember.id)).all(), hr)
    return session


def seed_demo(report) -> None:
    """Past and upcoming sessions with enrolments; counts on the report."""
    if db.session.scalar(sa.select(TrainingSession.id).where(TrainingSession.note.startswith(DEMO_NOTE)).limit(1)):
        return
    hr, rng, today = report.users["hr"], report.rng, report.today
    courses, teams = _courses(), _teams()
    if not teams:
        return
    departments = sorted(teams)
    made = 0
    for index, course in enumerate(courses):
        for n in range(PAST_PER_COURSE):
            department = departments[(index * PAST_PER_COURSE + n) % len(departments)]
            people = teams[department]
            day = today - timedelta(days=rng.randint(20 + 110 * n, 110 * (n + 1)))
            _past(course, department, day, people, capacity=min(len(people), rng.randint(8, 16)), hr=hr)
            made += 1
    for user in report.users.values():
        if user.role == Role.STAFF and user.staff_id:
            staff = db.session.get(StaffMember, user.staff_id)
            colleagues = [user.staff_id] + [i for i in teams.get(staff.department_id, []) if i != user.staff_id][:7]
            _past(courses[0], staff.department_id, today - timedelta(days=14), colleagues, len(colleagues), hr)
            made += 1
    waiting_team = max(departments, key=lambda d: len(teams[d]))
    people = teams[waiting_team][:12]
    _upcoming(hr, courses[0], waiting_team, today + timedelta(days=7), max(2, len(people) - 3), people)
    open_course = next((c for c in courses if c.open_enrolment), None)
    if open_course is not None:
        _upcoming(hr, open_course, None, today + timedelta(days=10), 30, teams[departments[0]][:5])
    for index, course in enumerate(courses[1:4], start=1):
        department = departments[index % len(departments)]
        _upcoming(hr, course, department, today + timedelta(days=7 + 5 * index), 20, teams[department][:6])
    upcoming = db.session.scalar(sa.select(sa.func.count()).select_from(TrainingSession).where(
        TrainingSession.note.startswith(DEMO_NOTE), TrainingSession.starts_at > _at(today, 0)))
    report.counts.update(training_sessions=made + upcoming)
    report.summary.append(f"Training: {made} past sessions and {upcoming} in the next four weeks "
                          f"(one with a waiting list).")
