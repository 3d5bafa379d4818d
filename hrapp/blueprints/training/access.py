"""The training module's permissions and access rules, on the shared mechanism (hrapp.permissions).

- Staff see their own training record, the sessions they are enrolled in and the open sessions they may enrol
  in; they sign in with the session's code, see their scores and certificates and give feedback.
- Heads see and enrol their departments' staff, run their departments' sessions and plans, see results, overdue
  inductions and certificates, and the effect pages.
- A session's trainer (a staff member) marks attendance, shows the sign-in code and records scores for it.
- HR and administrators see everything, keep the catalogue, approve plans and run every session.
"""
from enum import StrEnum

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import (
    Attempt,
    Certificate,
    Course,
    Enrolment,
    InductionAssignment,
    Role,
    SessionStatus,
    StaffMember,
    TrainingNeed,
    TrainingPlan,
    TrainingSession,
)
from hrapp.permissions import (
    can_view_staff,
    department_scope,
    has_perm,
    heads_department,
    is_self,
    own_or_department_clause,
    sees_everything,
)


class TrainingPerm(StrEnum):
    VIEW = "training.view"  # one's own record, sessions, sign-in, feedback, self-enrolment
    LEAD = "training.lead"  # one's departments: enrolment, sessions, plans, results, effect (heads)
    MANAGE = "training.manage"  # the catalogue, every session and plan, plan approval (HR)


GRANTS = {
    Role.ADMIN: frozenset(TrainingPerm),
    Role.HR: frozenset(TrainingPerm),
    Role.HEAD: frozenset({TrainingPerm.VIEW, TrainingPerm.LEAD}),
    Role.STAFF: frozenset({TrainingPerm.VIEW}),
}


def can_manage_training(user) -> bool:
    """The catalogue, positions' required training, every plan and session, approving plans: HR and admins."""
    return has_perm(user, TrainingPerm.MANAGE)


def leads_training(user) -> bool:
    """Runs some department's training (heads) or all of it (HR): sessions, plans, results, effect."""
    return has_perm(user, TrainingPerm.LEAD)


def leads_department(user, department) -> bool:
    """A head of `department` (or above), or HR: who runs that department's training."""
    if department is None:
        return can_manage_training(user)
    return can_manage_training(user) or (has_perm(user, TrainingPerm.LEAD) and heads_department(user, department))


def can_view_training_of(user, staff: StaffMember) -> bool:
    """A person's training record, attempts and certificates: themselves, their heads, HR."""
    return has_perm(user, TrainingPerm.VIEW) and can_view_staff(user, staff)


def can_enrol(user, staff: StaffMember) -> bool:
    """Enrolling someone (or cancelling their place): HR anyone, heads their departments' staff. Self-enrolment is
    `can_self_enrol` (it also depends on the course being open)."""
    return can_manage_training(user) or (has_perm(user, TrainingPerm.LEAD) and not is_self(user, staff)
                                         and heads_department(user, staff.department))


def is_trainer_of(user, session: TrainingSession) -> bool:
    """The session's trainer (a staff member with an active account)."""
    return (getattr(user, "is_active", False) and getattr(user, "staff_id", None) is not None
            and session.trainer_staff_id == user.staff_id)


def can_run_session(user, session: TrainingSession) -> bool:
    """Editing a session, cancelling it, enrolling in bulk: HR, or a head of the session's department."""
    if can_manage_training(user):
        return True
    return session.department_id is not None and leads_department(user, session.department)


def can_mark_session(user, session: TrainingSession) -> bool:
    """Marking attendance, showing the sign-in code, recording scores: whoever runs it, and its trainer."""
    return can_run_session(user, session) or is_trainer_of(user, session)


def can_self_enrol(user, session: TrainingSession) -> bool:
    """Staff enrol themselves in a scheduled session of an open course in use, company-wide or of their
    department (the enrolment itself refuses a session that has begun)."""
    staff = getattr(user, "staff", None)
    return (has_perm(user, TrainingPerm.VIEW) and staff is not None and session.status == SessionStatus.SCHEDULED
            and session.course.open_enrolment and session.course.active
            and session.department_id in (None, staff.department_id))


def session_scope(user) -> sa.ColumnElement[bool]:
    """SQL condition on TrainingSession for what `user` may see: HR everything; heads company-wide sessions and
    their departments'; everyone the sessions they are enrolled in or train, and open sessions they may join."""
    if sees_everything(user):
        return sa.true()
    if not getattr(user, "is_active", False):
        return sa.false()
    clauses = []
    staff_id = getattr(user, "staff_id", None)
    if has_perm(user, TrainingPerm.LEAD):
        clauses += [TrainingSession.department_id.is_(None),
                    TrainingSession.department_id.in_(department_scope(user))]
    if staff_id is not None:
        staff = getattr(user, "staff", None)
        clauses += [
            TrainingSession.trainer_staff_id == staff_id,
            TrainingSession.id.in_(sa.select(Enrolment.session_id).where(Enrolment.staff_id == staff_id)),
            sa.and_(TrainingSession.course_id.in_(sa.select(Course.id).where(Course.open_enrolment.is_(True))),
                    sa.or_(TrainingSession.department_id.is_(None),
                           TrainingSession.department_id == (staff.department_id if staff else None))),
        ]
    return sa.or_(*clauses) if clauses else sa.false()


def can_view_session(user, session: TrainingSession) -> bool:
    if sees_everything(user):
        return True
    if not getattr(user, "is_active", False):
        return False
    if has_perm(user, TrainingPerm.LEAD) and (session.department_id is None
                                              or heads_department(user, session.department)):
        return True
    staff_id = getattr(user, "staff_id", None)
    if staff_id is None:
        return False
    return (session.trainer_staff_id == staff_id or can_self_enrol(user, session)
            or db.session.scalar(sa.select(Enrolment.id).where(Enrolment.session_id == session.id,
                                                               Enrolment.staff_id == staff_id).limit(1)) is not None)


def person_scope(user, staff_column) -> sa.ColumnElement[bool]:
    """SQL condition on a person's training rows (enrolments, attempts, certificates, inductions) by their current
    department: own rows, heads their departments' staff, HR everything."""
    return own_or_department_clause(user, staff_column, None, TrainingPerm.LEAD)


def plan_scope(user) -> sa.ColumnElement[bool]:
    """SQL condition on TrainingPlan: HR all, heads their departments' plans."""
    if sees_everything(user):
        return sa.true()
    if has_perm(user, TrainingPerm.LEAD):
        return TrainingPlan.department_id.in_(department_scope(user))
    return sa.false()


def can_view_plan(user, plan: TrainingPlan) -> bool:
    return leads_department(user, plan.department)


def can_view_course(user, course: Course) -> bool:
    """Everyone with the training permission sees the catalogue (inactive courses: HR only)."""
    return has_perm(user, TrainingPerm.VIEW) and (course.active or can_manage_training(user))


def can_view_attempt(user, attempt: Attempt) -> bool:
    return can_view_training_of(user, attempt.staff)


def can_view_certificate(user, certificate: Certificate) -> bool:
    return can_view_training_of(user, certificate.staff)


def can_view_enrolment(user, enrolment: Enrolment) -> bool:
    return can_view_training_of(user, enrolment.staff) or can_mark_session(user, enrolment.session)


def can_view_induction(user, induction: InductionAssignment) -> bool:
    return can_view_training_of(user, induction.staff)


def can_view_need(user, need: TrainingNeed) -> bool:
    return leads_department(user, need.department)


VISIBILITY = {
    Course: can_view_course,
    TrainingSession: can_view_session,
    TrainingPlan: can_view_plan,
    Attempt: can_view_attempt,
    Certificate: can_view_certificate,
    Enrolment: can_view_enrolment,
    InductionAssignment: can_view_induction,
    TrainingNeed: can_view_need,
}

TEMPLATE_GLOBALS = {
    "can_manage_training": can_manage_training,
    "can_view_training_of": can_view_training_of,
    "can_enrol": can_enrol,
    "can_run_session": can_run_session,
    "can_mark_session": can_mark_session,
    "can_self_enrol": can_self_enrol,
    "leads_department": leads_department,
    "leads_training": leads_training,
    "can_view_session": can_view_session,
}
