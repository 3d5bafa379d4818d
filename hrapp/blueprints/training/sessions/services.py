"""Setting up sessions: create, edit and cancel, every refusal checked here (training/rules.session_refusal plus
who runs which department, the course, the trainer, the plan item and the people already enrolled). Never
commits; the actor is passed in."""
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from hrapp import audit
from hrapp.blueprints.training import rules
from hrapp.blueprints.training.access import leads_department
from hrapp.company import local_day
from hrapp.core.errors import check_version
from hrapp.extensions import db
from hrapp.models import (
    Course,
    Department,
    Enrolment,
    EnrolmentStatus,
    PlanItem,
    SessionStatus,
    StaffMember,
    TrainingPlan,
    TrainingSession,
    utcnow,
)

from . import notices
from .enrolment import lock_session, promote_first, seats_taken
from .messages import SessionError, refusal

AUDIT_FIELDS = ("course_id", "department_id", "plan_item_id", "starts_at", "ends_at", "place", "capacity",
                "trainer_staff_id", "trainer_name", "note", "status")


@dataclass(frozen=True)
class SessionDraft:
    """What the session form gives: times already in UTC; the trainer by staff number or an outside name."""

    course_id: int | None
    department_id: int | None
    starts_at: datetime | None
    ends_at: datetime | None
    capacity: int | None
    place: str = ""
    trainer_number: str = ""
    trainer_name: str = ""
    note: str = ""
    plan_item_id: int | None = None


def _place_holders(session_id: int) -> list[int]:
    """The people enrolled or waiting."""
    return list(db.session.scalars(sa.select(Enrolment.staff_id).where(
        Enrolment.session_id == session_id, Enrolment.status != EnrolmentStatus.CANCELLED)))


def _has_places(session_id: int) -> bool:
    return db.session.scalar(sa.select(Enrolment.id).where(
        Enrolment.session_id == session_id, Enrolment.status != EnrolmentStatus.CANCELLED).limit(1)) is not None


def _course(draft: SessionDraft, current: TrainingSession | None) -> Course:
    course = db.session.get(Course, draft.course_id) if draft.course_id else None
    if course is None or (not course.active and (current is None or current.course_id != course.id)):
        raise refusal("course_id", "inactive_course")
    return course


def _department(actor, draft: SessionDraft) -> Department | None:
    department = db.session.get(Department, draft.department_id) if draft.department_id else None
    if department is None and not leads_department(actor, None):
        raise refusal("department_id", "department_required")
    if department is not None and not leads_department(actor, department):
        raise refusal("department_id", "department_not_yours")
    return department


def _trainer(draft: SessionDraft, course: Course) -> tuple[int | None, str]:
    """The trainer: a staff member by number, else the outside name, else the course's trainer."""
    if draft.trainer_number.strip():
        staff = StaffMember.numbered(draft.trainer_number)
        if staff is None:
            raise refusal("trainer_number", "unknown_trainer")
        return staff.id, ""
    if draft.trainer_name.strip():
        return None, draft.trainer_name.strip()[:80]
    return course.trainer_staff_id, course.trainer_name


def _check_plan_item(draft: SessionDraft, department: Department | None) -> None:
    if draft.plan_item_id is None:
        return
    item = db.session.get(PlanItem, draft.plan_item_id)
    plan = db.session.get(TrainingPlan, item.plan_id) if item else None
    if (plan is None or department is None or plan.department_id != department.id
            or item.course_id != draft.course_id or plan.year != local_day(draft.starts_at).year):
        raise refusal("plan_item_id", "plan_item_mismatch")


def _check(actor, draft: SessionDraft, current: TrainingSession | None) -> tuple[Course, Department | None]:
    problems = rules.session_refusal(draft.starts_at, draft.ends_at, draft.capacity, utcnow(),
                                     creating=current is None)
    if problems:
        raise SessionError({field: [refusal(field, code).message] for field, code in problems.items()})
    course, department = _course(draft, current), _department(actor, draft)
    if current is not None and draft.capacity is not None:
        count = seats_taken(current.id)
        if draft.capacity < count:
            raise refusal("capacity", "capacity_below_enrolled", count=count)
    _check_plan_item(draft, department)
    return course, department


def _fill(session: TrainingSession, draft: SessionDraft, course: Course, department: Department | None) -> None:
    session.course_id, session.department_id = course.id, department.id if department else None
    session.starts_at, session.ends_at, session.capacity = draft.starts_at, draft.ends_at, draft.capacity
    session.place, session.note = draft.place.strip()[:120], draft.note.strip()
    session.trainer_staff_id, session.trainer_name = _trainer(draft, course)
    session.plan_item_id = draft.plan_item_id


def _label(session: TrainingSession) -> str:
    return f"{session.course.code} {session.starts_at.isoformat(timespec='minutes')}"


def create_session(actor, draft: SessionDraft) -> TrainingSession:
    """A scheduled session with a fresh sign-in code; audited. :raise SessionError: see `_check`."""
    course, department = _check(actor, draft, None)
    session = TrainingSession(signin_code=rules.new_signin_code(), created_by_id=getattr(actor, "id", None),
                              status=SessionStatus.SCHEDULED)
    _fill(session, draft, course, department)
    db.session.add(session)
    db.session.flush()
    audit.record(actor, "training.session_create", session, None, audit.snapshot(session, AUDIT_FIELDS),
                 label=_label(session))
    return session


def update_session(actor, session: TrainingSession, draft: SessionDraft, expected_version: int | None) -> None:
    """Edit a scheduled session (the capacity not below the people enrolled; the course only while nobody holds a
    place); more seats move the waiting list up. Audited.

    :raise StaleRecord: changed since the page was loaded. :raise SessionError: refused.
    """
    check_version(session, expected_version)
    if session.status == SessionStatus.CANCELLED:
        raise refusal("_form", "session_cancelled")
    lock_session(session.id)  # the seats counted below are not taken meanwhile
    course, department = _check(actor, draft, session)
    if course.id != session.course_id and _has_places(session.id):
        raise refusal("course_id", "course_fixed")
    before = audit.snapshot(session, AUDIT_FIELDS)
    moved = (draft.starts_at, draft.ends_at, draft.place.strip()[:120]) != (session.starts_at, session.ends_at,
                                                                             session.place)
    _fill(session, draft, course, department)
    if moved:  # the people holding places learn the new time and place, and the reminder goes again
        session.reminded_at = None
    db.session.flush()
    if moved:
        notices.tell_moved(_place_holders(session.id), session)
    audit.record(actor, "training.session_update", session,
                 *audit.changed_only(before, audit.snapshot(session, AUDIT_FIELDS)), label=_label(session))
    while seats_taken(session.id) < session.capacity and promote_first(actor, session) is not None:
        pass  # more seats: the waiting list moves up, in its order


def cancel_session(actor, session: TrainingSession, expected_version: int | None, reason: str) -> int:
    """Cancel a scheduled session with a reason; the people enrolled and waiting are told. Returns how many
    accounts were notified. :raise StaleRecord. :raise SessionError: already cancelled, no reason."""
    check_version(session, expected_version)
    if session.status == SessionStatus.CANCELLED:
        raise refusal("_form", "session_cancelled")
    reason = (reason or "").strip()[:255]
    if not reason:
        raise refusal("reason", "reason_required")
    session.status = SessionStatus.CANCELLED
    db.session.flush()
    audit.record(actor, "training.session_cancel", session, {"status": SessionStatus.SCHEDULED.value},
                 {"status": session.status.value, "reason": reason}, label=_label(session))
    people = db.session.scalars(sa.select(Enrolment.staff_id).where(
        Enrolment.session_id == session.id,
        Enrolment.status.in_((EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITING)))).all()
    return notices.tell_cancelled(people, session, reason)
