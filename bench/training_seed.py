"""The training benchmarks' database: the 5,000-staff company with a year of violations (bench/conduct_seed.py) plus
a year of training, made once per run with bulk inserts (no services: the rows look as the services leave them).
Not a benchmark itself.

A year of training: one course per category (linked to the conduct rules of its category, some certifying),
25 sessions of each over January to September, about 100 people enrolled in each (about 20,000 enrolments, every
person in about four sessions), most present, scores with some fails and retakes, certificates for the certifying
courses, feedback from most attendees, and induction assignments for the positions' required courses.
"""
import random
from datetime import date, datetime, timedelta
from decimal import Decimal

import sqlalchemy as sa
from flask import Flask

from bench.conduct_seed import conduct_year_app
from bench.env import BenchContext
from hrapp.core.bulk import insert_rows
from hrapp.extensions import db
from hrapp.models import (
    Attempt,
    Certificate,
    ConductRule,
    Course,
    CourseCategory,
    Enrolment,
    EnrolmentStatus,
    Feedback,
    InductionAssignment,
    InductionReason,
    InductionStatus,
    Position,
    PositionCourse,
    Presence,
    RequiredTrainingKind,
    StaffMember,
    TrainingSession,
    course_rules,
)

YEAR = 2026
SESSIONS_PER_COURSE = 25
PEOPLE_PER_SESSION = 100
PASS = Decimal("60")
_DONE_KEY = "bench.training_year"
# Course code -> (category, title, certificate months, linked rule codes)
COURSES = {
    "B-PRD": (CourseCategory.PRODUCT_KNOWLEDGE, "产品知识", None, ("2-15",)),
    "B-COM": (CourseCategory.COMMUNICATION, "沟通技巧", None, ("2-5", "2-8")),
    "B-LAW": (CourseCategory.LAWS, "劳动法规", None, ("2-9", "2-11", "2-16")),
    "B-TEAM": (CourseCategory.TEAMWORK, "团队协作", None, ("2-6", "2-7")),
    "B-CMP": (CourseCategory.COMPLAINTS, "客户投诉处理", 24, ("2-8",)),
    "B-ETQ": (CourseCategory.ETIQUETTE, "服务礼仪与仪容仪表", None, ("2-4", "2-5")),
    "B-SVC": (CourseCategory.SERVICE, "服务意识", None, ("2-1", "2-5", "2-8")),
    "B-SAFE": (CourseCategory.SAFETY, "消防安全", 12, ("2-13",)),
}


def _courses() -> dict[str, int]:
    rules = dict(db.session.execute(sa.select(ConductRule.code, ConductRule.id)).all())
    ids = {}
    for code, (category, title, months, rule_codes) in COURSES.items():
        course = Course(code=code, title=title, category=category, hours=Decimal("4.0"), pass_score=PASS,
                        retakes=1, certificate_months=months, open_enrolment=code in ("B-SVC", "B-COM"))
        db.session.add(course)
        db.session.flush()
        insert_rows(course_rules, [{"course_id": course.id, "rule_id": rules[c]} for c in rule_codes if c in rules])
        ids[code] = course.id
    return ids


def _sessions(rng: random.Random, course_ids: dict[str, int], departments: list[int]) -> list[tuple]:
    """(session id, course id, department id, start) of every session, inserted."""
    rows = []
    for course_id in course_ids.values():
        for n in range(SESSIONS_PER_COURSE):
            day = date(YEAR, 1, 5) + timedelta(days=(n * 270) // SESSIONS_PER_COURSE + rng.randrange(7))
            starts = datetime(day.year, day.month, day.day, 1, 0)  # 09:00 in Shanghai
            rows.append({"course_id": course_id, "department_id": rng.choice(departments), "starts_at": starts,
                         "ends_at": starts + timedelta(hours=4), "place": f"培训室{n % 5 + 1}",
                         "capacity": PEOPLE_PER_SESSION + 20, "signin_code": f"{rng.randrange(10 ** 6):06d}",
                         "trainer_name": "讲师", "hours": Decimal("4.0"), "status": "scheduled", "on_roster": False, "note": "",
                         "version_id": 1, "created_at": starts - timedelta(days=14),
                         "updated_at": starts - timedelta(days=14)})
    insert_rows(TrainingSession.__table__, rows)
    return db.session.execute(sa.select(TrainingSession.id, TrainingSession.course_id,
                                        TrainingSession.department_id, TrainingSession.starts_at)
                              .where(TrainingSession.course_id.in_(course_ids.values()))).all()


def _enrolments(rng: random.Random, sessions: list[tuple], people_by_dept: dict[int, list[int]],
                everyone: list[int]) -> None:
    """Enrolments, attempts, certificates and feedback of every session."""
    enrolments, attempts, certificates, feedback = [], [], [], []
    certifying = {cid for code, cid in _course_ids().items() if COURSES[code][2]}
    attempt_numbers: dict[tuple[int, int], int] = {}
    passed_once: set[tuple[int, int]] = set()
    for session_id, course_id, department_id, starts in sessions:
        pool = people_by_dept.get(department_id, [])
        chosen = rng.sample(pool, min(len(pool), PEOPLE_PER_SESSION // 2))
        chosen += rng.sample(everyone, PEOPLE_PER_SESSION - len(chosen))
        for staff_id in dict.fromkeys(chosen):
            present = rng.random() < 0.9
            enrolments.append({"session_id": session_id, "staff_id": staff_id, "status": EnrolmentStatus.ENROLLED.value,
                               "enrolled_at": starts - timedelta(days=7),
                               "presence": (Presence.PRESENT if present else Presence.ABSENT).value,
                               "signed_in_at": starts if present else None, "signed_in_with_code": present,
                               "self_enrolled": False, "version_id": 1, "created_at": starts, "updated_at": starts})
            key = (staff_id, course_id)
            if not present or key in passed_once:
                continue
            number = attempt_numbers.get(key, 0) + 1
            if number > 2:
                continue
            attempt_numbers[key] = number
            score = Decimal(rng.randint(35, 100))
            attempts.append({"staff_id": staff_id, "course_id": course_id, "session_id": session_id,
                             "number": number, "score": score, "max_score": Decimal("100"), "pass_score": PASS,
                             "passed": score >= PASS, "taken_on": starts.date(), "version_id": 1, "created_at": starts,
                             "updated_at": starts})
            if score >= PASS:
                passed_once.add(key)
    insert_rows(Enrolment.__table__, enrolments)
    insert_rows(Attempt.__table__, attempts)
    enrolment_ids = db.session.execute(sa.select(Enrolment.id, Enrolment.session_id).where(
        Enrolment.presence == Presence.PRESENT, Enrolment.session_id.in_([s[0] for s in sessions]))).all()
    for enrolment_id, session_id in enrolment_ids:
        if rng.random() < 0.7:
            feedback.append({"enrolment_id": enrolment_id, "session_id": session_id,
                             "rating": rng.choice((5, 5, 4, 4, 4, 3, 2, 1)), "comment": "",
                             "given_at": datetime(YEAR, 10, 1)})
    insert_rows(Feedback.__table__, feedback)
    passed = db.session.execute(sa.select(Attempt.id, Attempt.staff_id, Attempt.course_id, Attempt.taken_on)
                                .where(Attempt.passed.is_(True), Attempt.course_id.in_(certifying))).all()
    months = {cid: COURSES[code][2] for code, cid in _course_ids().items()}
    for n, (attempt_id, staff_id, course_id, taken_on) in enumerate(passed, start=1):
        certificates.append({"number": f"TC-B{YEAR}-{n:06d}", "attempt_id": attempt_id, "staff_id": staff_id,
                             "course_id": course_id, "issued_on": taken_on,
                             "expires_on": taken_on + timedelta(days=30 * months[course_id]),
                             "superseded": False, "created_at": datetime(YEAR, 10, 1),
                             "updated_at": datetime(YEAR, 10, 1)})
    insert_rows(Certificate.__table__, certificates)


def _course_ids() -> dict[str, int]:
    return dict(db.session.execute(sa.select(Course.code, Course.id).where(Course.code.in_(COURSES))).all())


def _inductions(rng: random.Random, course_ids: dict[str, int]) -> None:
    """Every position requires the etiquette course; the 500 latest hires have it assigned (some overdue)."""
    positions = list(db.session.scalars(sa.select(Position.id)))
    insert_rows(PositionCourse.__table__, [
        {"position_id": pid, "course_id": course_ids["B-ETQ"], "kind": RequiredTrainingKind.INDUCTION.value,
         "due_days": 30} for pid in positions])
    recent = db.session.execute(sa.select(StaffMember.id, StaffMember.position_id, StaffMember.hire_on)
                                .where(StaffMember.position_id.is_not(None))
                                .order_by(StaffMember.hire_on.desc()).limit(500)).all()
    insert_rows(InductionAssignment.__table__, [
        {"staff_id": sid, "position_id": pid, "course_id": course_ids["B-ETQ"],
         "kind": RequiredTrainingKind.INDUCTION.value, "reason": InductionReason.HIRE.value, "assigned_on": hired,
         "due_on": hired + timedelta(days=30),
         "status": (InductionStatus.DONE if rng.random() < 0.6 else InductionStatus.OPEN).value,
         "waived_reason": "", "version_id": 1,
         "created_at": datetime(YEAR, 10, 1), "updated_at": datetime(YEAR, 10, 1)}
        for sid, pid, hired in recent])


def training_year_app(ctx: BenchContext) -> Flask:
    """The 5,000-staff company with a year of violations and a year of training (made once per run)."""
    app = conduct_year_app(ctx)
    if app.extensions.get(_DONE_KEY):
        return app
    rng = random.Random(13)
    with app.app_context():
        course_ids = _courses()
        people = db.session.execute(sa.select(StaffMember.id, StaffMember.department_id)
                                    .where(StaffMember.status != "left")).all()
        people_by_dept: dict[int, list[int]] = {}
        for staff_id, department_id in people:
            people_by_dept.setdefault(department_id, []).append(staff_id)
        sessions = _sessions(rng, course_ids, sorted(people_by_dept))
        _enrolments(rng, sessions, people_by_dept, [p.id for p in people])
        _inductions(rng, course_ids)
        db.session.commit()
    app.extensions[_DONE_KEY] = True
    return app


def a_trained_person(app: Flask) -> int:
    """The id of a person with a full year: the one with the most enrolments."""
    with app.app_context():
        return db.session.scalar(sa.select(Enrolment.staff_id).group_by(Enrolment.staff_id)
                                 .order_by(sa.func.count().desc(), Enrolment.staff_id).limit(1))


def a_course_with_rules(app: Flask) -> int:
    """The id of the complaint-handling course (linked rules, certifying, sessions all year)."""
    with app.app_context():
        return db.session.scalar(sa.select(Course.id).where(Course.code == "B-CMP"))


BENCHES: list = []
