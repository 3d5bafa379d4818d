"""The code-of-conduct module's permissions and access rules, on the shared mechanism (hrapp.permissions).

HR and administrators see and review everything and edit the catalogue; a head records violations and proposes
rewards for the staff of the departments they head (sub-departments included) and sees those records; staff
see their own records once submitted, and acknowledge or appeal them. Nobody records for themselves, and a head
never records for a fellow head of their department or for a head above them: a violation by a head goes to
the head above or HR. The general manager is a head of the top department (no parent): HR may refer appeals and
rewards to them.
"""
from enum import StrEnum

import sqlalchemy as sa

from hrapp.core.tree import path_ids
from hrapp.extensions import db
from hrapp.models import Department, Reward, RewardState, Role, StaffMember, User, Violation, ViolationState
from hrapp.permissions import department_scope, has_perm, heads_department, is_self, sees_everything


class ConductPerm(StrEnum):
    VIEW = "conduct.view"  # see one's own records (and, with RECORD, one's departments')
    RECORD = "conduct.record"  # record violations and propose rewards
    REVIEW = "conduct.review"  # HR review, appeal decisions, reward approval, measures
    CATALOGUE = "conduct.catalogue"  # edit the catalogue and the conduct settings
    LEDGER = "conduct.ledger"  # the monthly ledger, its guard rail and the payroll export


GRANTS = {
    Role.ADMIN: frozenset(ConductPerm),
    Role.HR: frozenset(ConductPerm),
    Role.HEAD: frozenset({ConductPerm.VIEW, ConductPerm.RECORD}),
    Role.STAFF: frozenset({ConductPerm.VIEW}),
}

# States a staff member sees their own violation in (drafts and proposals are the recorder's work).
STAFF_VISIBLE_STATES = frozenset(ViolationState) - {ViolationState.PROPOSED, ViolationState.DISMISSED,
                                                    ViolationState.DRAFT}
STAFF_VISIBLE_REWARD_STATES = frozenset({RewardState.APPROVED})


def _headed_paths(user) -> list[str]:
    return [d.path for d in getattr(user, "headed_departments", ()) or ()]


def root_department_id(department: Department) -> int:
    """The id of the top department above `department` (itself when it has no parent), from its path."""
    parts = path_ids(department.path)
    return parts[0] if parts else department.id


def is_general_manager_for(user, department: Department) -> bool:
    """Whether `user` is the general manager over `department`: a head of the top department of its unit (the
    hotel, the travel agency...). HR may refer an appeal or a reward to them."""
    if getattr(user, "role", None) != Role.HEAD or not getattr(user, "is_active", False):
        return False
    root = root_department_id(department)
    return any(d.id == root for d in user.headed_departments)


def outranks(user, staff: StaffMember) -> bool:
    """Whether `user` heads a department strictly above every department `staff`'s own account heads (so a
    head's violation goes to the head above). True when `staff` heads nothing."""
    account = db.session.scalar(sa.select(User).where(User.staff_id == staff.id)) if staff.id else None
    headed = list(account.headed_departments) if account is not None else []
    if not headed or getattr(account, "role", None) != Role.HEAD:
        return True
    mine = _headed_paths(user)
    return all(any(d.path.startswith(p) and d.path != p for p in mine) for d in headed)


def can_record_for(user, staff: StaffMember) -> bool:
    """Record a violation or propose a reward for `staff`: never for oneself; HR/admin for anyone else; a head
    for staff of the departments they head who are not fellow heads or heads above them."""
    if not getattr(user, "is_active", False) or is_self(user, staff):
        return False
    if sees_everything(user):
        return True
    return (has_perm(user, ConductPerm.RECORD) and heads_department(user, staff.department)
            and outranks(user, staff))


def can_review(user) -> bool:
    """HR review, appeal decisions, reward approval, measures: HR and administrators."""
    return has_perm(user, ConductPerm.REVIEW)


def can_view_violation(user, violation: Violation) -> bool:
    """HR/admin: all; a head: violations in the departments they head; the person: their own once submitted
    (the general manager heads the top department, so sees their unit's)."""
    if sees_everything(user):
        return True
    if is_self(user, violation.staff):
        return violation.state in STAFF_VISIBLE_STATES
    return has_perm(user, ConductPerm.RECORD) and heads_department(user, violation.department)


def can_view_reward(user, reward: Reward) -> bool:
    """HR/admin: all; a head: their departments' rewards; the person: their own once approved."""
    if sees_everything(user):
        return True
    if is_self(user, reward.staff):
        return reward.state in STAFF_VISIBLE_REWARD_STATES
    return has_perm(user, ConductPerm.RECORD) and heads_department(user, reward.department)


def violation_scope(user) -> sa.ColumnElement[bool]:
    """SQL twin of `can_view_violation` for list pages and the API."""
    if sees_everything(user):
        return sa.true()
    own = sa.and_(Violation.staff_id == user.staff_id, Violation.state.in_(STAFF_VISIBLE_STATES)) \
        if getattr(user, "staff_id", None) else sa.false()
    clauses = [own]
    if has_perm(user, ConductPerm.RECORD):
        clauses.append(Violation.department_id.in_(department_scope(user)))
    return sa.or_(*clauses) if getattr(user, "is_active", False) else sa.false()


def reward_scope(user) -> sa.ColumnElement[bool]:
    """SQL twin of `can_view_reward`."""
    if sees_everything(user):
        return sa.true()
    own = sa.and_(Reward.staff_id == user.staff_id, Reward.state.in_(STAFF_VISIBLE_REWARD_STATES)) \
        if getattr(user, "staff_id", None) else sa.false()
    clauses = [own]
    if has_perm(user, ConductPerm.RECORD):
        clauses.append(Reward.department_id.in_(department_scope(user)))
    return sa.or_(*clauses) if getattr(user, "is_active", False) else sa.false()


def recordable_departments_clause(user) -> sa.ColumnElement[bool]:
    """SQL condition on Department for the departments whose staff `user` may record for."""
    if sees_everything(user):
        return sa.true()
    return Department.id.in_(department_scope(user)) if has_perm(user, ConductPerm.RECORD) else sa.false()


VISIBILITY = {Violation: can_view_violation, Reward: can_view_reward}

TEMPLATE_GLOBALS = {
    "can_record_for": can_record_for,
    "can_review_conduct": can_review,
    "can_view_violation": can_view_violation,
    "can_view_reward": can_view_reward,
    "is_general_manager_for": is_general_manager_for,
}
