"""What the sessions pages and the API list: sessions in scope (upcoming or past, filters, search, pages), open
sessions one may join, one's own places, a session's enrolments, the candidates of a bulk enrolment and the
form's choices. Reads only."""
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import contains_eager, joinedload

from hrapp.blueprints.staff.services import department_subtree_ids
from hrapp.blueprints.training.access import can_manage_training, leads_department, person_scope, session_scope
from hrapp.company import utc_bounds
from hrapp.core.listing import Filter, Listing, iso_date, like_escape, positive_int
from hrapp.extensions import db
from hrapp.models import (
    Course,
    Department,
    EmploymentStatus,
    Enrolment,
    EnrolmentStatus,
    PlanItem,
    Position,
    SessionStatus,
    StaffMember,
    TrainingPlan,
    TrainingSession,
    utcnow,
)
from hrapp.permissions import visible_departments


def local_midnight(day: date) -> datetime:
    """The start of a local day in UTC."""
    return utc_bounds(day)[0]


def _search(query, text: str):
    pattern = f"%{like_escape(text)}%"
    return query.where(sa.or_(Course.code.like(pattern, escape="\\"), Course.title.like(pattern, escape="\\"),
                              TrainingSession.place.like(pattern, escape="\\")))


def from_day(query, day: date):
    return query.where(TrainingSession.ends_at >= local_midnight(day))


def to_day(query, day: date):
    return query.where(TrainingSession.starts_at < local_midnight(day + timedelta(days=1)))


SESSIONS = Listing(
    sorts={"starts": TrainingSession.starts_at, "course": Course.code, "capacity": TrainingSession.capacity},
    default_sort="starts",
    tiebreak=(TrainingSession.id,),
    filters=(
        Filter("course", lambda q, c: q.where(TrainingSession.course_id == c), parse=positive_int, max_length=18),
        Filter("department", lambda q, d: q.where(TrainingSession.department_id.in_(department_subtree_ids(d))),
               parse=positive_int, max_length=18),
        Filter("from", from_day, parse=iso_date, max_length=10),
        Filter("to", to_day, parse=iso_date, max_length=10),
        Filter("q", _search, max_length=40),
    ),
)


def counts_of(session_ids) -> dict[int, tuple[int, int]]:
    """session id -> (seats taken, people waiting), in one query."""
    ids = list(session_ids)
    if not ids:
        return {}
    counts = {i: [0, 0] for i in ids}
    for session_id, status, n in db.session.execute(
            sa.select(Enrolment.session_id, Enrolment.status, sa.func.count()).where(
                Enrolment.session_id.in_(ids), Enrolment.status.in_((EnrolmentStatus.ENROLLED,
                                                                     EnrolmentStatus.WAITING)))
            .group_by(Enrolment.session_id, Enrolment.status)):
        counts[session_id][0 if status == EnrolmentStatus.ENROLLED else 1] = n
    return {i: (c[0], c[1]) for i, c in counts.items()}


def sessions_query(user, past: bool | None = False) -> sa.Select:
    """Sessions `user` may see (access.session_scope), upcoming (not ended), past, or all (None), the course
    loaded."""
    now = utcnow()
    when = sa.true() if past is None else TrainingSession.ends_at < now if past else TrainingSession.ends_at >= now
    return (sa.select(TrainingSession).join(TrainingSession.course)
            .options(contains_eager(TrainingSession.course), joinedload(TrainingSession.department),
                     joinedload(TrainingSession.trainer))
            .where(session_scope(user), when))


def open_sessions(user, limit: int = 100) -> list[TrainingSession]:
    """Scheduled sessions not started yet that `user` may enrol themselves in (access.can_self_enrol in SQL:
    an open course, company-wide or of their department), soonest first."""
    staff = getattr(user, "staff", None)
    if staff is None:
        return []
    return list(db.session.scalars(
        sa.select(TrainingSession).join(TrainingSession.course)
        .options(joinedload(TrainingSession.course), joinedload(TrainingSession.department))
        .where(Course.open_enrolment.is_(True), TrainingSession.status == SessionStatus.SCHEDULED,
               TrainingSession.starts_at > utcnow(),
               sa.or_(TrainingSession.department_id.is_(None), TrainingSession.department_id == staff.department_id))
        .order_by(TrainingSession.starts_at, TrainingSession.id).limit(limit)))


def my_places(staff_id: int, limit: int = 100) -> list[Enrolment]:
    """A person's places (cancelled ones left out), latest session first."""
    return list(db.session.scalars(
        sa.select(Enrolment).join(Enrolment.session)
        .options(joinedload(Enrolment.session).joinedload(TrainingSession.course))
        .where(Enrolment.staff_id == staff_id, Enrolment.status != EnrolmentStatus.CANCELLED)
        .order_by(TrainingSession.starts_at.desc(), Enrolment.id.desc()).limit(limit)))


def places_of(staff_id: int, session_ids) -> dict[int, Enrolment]:
    """session id -> the person's row in these sessions."""
    ids = list(session_ids)
    if not ids:
        return {}
    return {e.session_id: e for e in db.session.scalars(sa.select(Enrolment).where(
        Enrolment.staff_id == staff_id, Enrolment.session_id.in_(ids)))}


def session_rows(session_id: int) -> tuple[list[Enrolment], list[Enrolment]]:
    """The enrolled people (by name order of staff number) and the waiting list (in its order)."""
    rows = db.session.scalars(
        sa.select(Enrolment).join(Enrolment.staff).options(joinedload(Enrolment.staff).joinedload(StaffMember.department))
        .where(Enrolment.session_id == session_id, Enrolment.status.in_((EnrolmentStatus.ENROLLED,
                                                                         EnrolmentStatus.WAITING)))
        .order_by(Enrolment.enrolled_at, Enrolment.id)).all()
    enrolled = sorted((e for e in rows if e.status == EnrolmentStatus.ENROLLED), key=lambda e: e.staff.staff_number)
    return enrolled, [e for e in rows if e.status == EnrolmentStatus.WAITING]


def candidates(user, department_id: int | None, position_id: int | None, text: str, limit: int = 500):
    """People `user` may enrol (HR anyone, heads their departments' staff but themselves), still employed, by
    department (with its sub-departments), position and name or number."""
    query = (sa.select(StaffMember).options(joinedload(StaffMember.department), joinedload(StaffMember.position))
             .where(StaffMember.status != EmploymentStatus.LEFT))
    if not can_manage_training(user):
        query = query.where(person_scope(user, StaffMember.id), StaffMember.id != (user.staff_id or -1))
    if department_id:
        query = query.where(StaffMember.department_id.in_(department_subtree_ids(department_id)))
    if position_id:
        query = query.where(StaffMember.position_id == position_id)
    if text:
        pattern = f"%{like_escape(text)}%"
        query = query.where(sa.or_(StaffMember.staff_number == text, StaffMember.name_zh.like(pattern, escape="\\"),
                                   StaffMember.name_en.like(pattern, escape="\\")))
    return list(db.session.scalars(query.order_by(StaffMember.staff_number).limit(limit)))


def positions_of(department_ids) -> list[Position]:
    return list(db.session.scalars(sa.select(Position).where(Position.department_id.in_(list(department_ids)))
                                   .order_by(Position.code))) if department_ids else []


def active_courses() -> list[Course]:
    return list(db.session.scalars(sa.select(Course).where(Course.active.is_(True)).order_by(Course.code)))


def all_courses() -> list[Course]:
    return list(db.session.scalars(sa.select(Course).order_by(Course.code)))


def run_departments(user) -> list[Department]:
    """Departments whose sessions `user` may set up (HR every one, heads theirs)."""
    return [d for d in visible_departments(user) if leads_department(user, d)]


def plan_items(user, years, only: int | None = None) -> list[tuple[PlanItem, TrainingPlan]]:
    """Plan items with a course in the plans of the departments `user` runs, for these years (`only`: that one
    item, whatever its year)."""
    departments = [d.id for d in run_departments(user)]
    if not departments:
        return []
    which = TrainingPlan.year.in_(list(years)) if only is None else PlanItem.id == only
    return list(db.session.execute(
        sa.select(PlanItem, TrainingPlan).join(TrainingPlan, TrainingPlan.id == PlanItem.plan_id)
        .options(joinedload(PlanItem.course), joinedload(TrainingPlan.department))
        .where(TrainingPlan.department_id.in_(departments), which, PlanItem.course_id.is_not(None))
        .order_by(TrainingPlan.year, TrainingPlan.department_id, PlanItem.quarter, PlanItem.id)).all())
