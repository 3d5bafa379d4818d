"""The leave module's permissions and access rules, on the shared mechanism (hrapp.permissions).

Staff see their own balances and requests and ask for leave; heads see and decide the requests of their
departments' staff (never their own: theirs go up the tree, to HR at the top); HR and administrators see
everything, edit the types, entitlements and blackouts, decide where a type needs HR and record leave for anyone.
"""
from enum import StrEnum

import sqlalchemy as sa

from hrapp.models import LeaveEntitlement, LeaveRequest, Role, StaffMember
from hrapp.permissions import can_view_staff, has_perm, heads_department, is_self, own_or_department_clause


class LeavePerm(StrEnum):
    REQUEST = "leave.request"  # one's own balances and requests
    APPROVE = "leave.approve"  # decide the requests of one's departments' staff (heads)
    MANAGE = "leave.manage"  # types, entitlements, blackouts, every request, HR approval (HR)


GRANTS = {
    Role.ADMIN: frozenset(LeavePerm),
    Role.HR: frozenset(LeavePerm),
    Role.HEAD: frozenset({LeavePerm.REQUEST, LeavePerm.APPROVE}),
    Role.STAFF: frozenset({LeavePerm.REQUEST}),
}


def can_manage_leave(user) -> bool:
    """Types, entitlements, blackouts, HR's approval step, recording leave for anyone: HR and administrators."""
    return has_perm(user, LeavePerm.MANAGE)


def can_view_leave_of(user, staff: StaffMember) -> bool:
    """A person's balances and requests: themselves, the heads of their department (and above), HR."""
    return has_perm(user, LeavePerm.REQUEST) and can_view_staff(user, staff)


def can_request_leave_for(user, staff: StaffMember) -> bool:
    """Asking for leave: one's own (active user with a staff record), or HR on anyone's behalf."""
    if can_manage_leave(user):
        return True
    return has_perm(user, LeavePerm.REQUEST) and getattr(user, "is_active", False) and is_self(user, staff)


def can_approve_leave_of(user, staff: StaffMember) -> bool:
    """The head's decision: a head of the person's department (or above), never on their own request; HR decides
    any request except their own."""
    if is_self(user, staff):
        return False
    if can_manage_leave(user):
        return True
    return has_perm(user, LeavePerm.APPROVE) and heads_department(user, staff.department)


def _scope(user, staff_column, department_column) -> sa.ColumnElement[bool]:
    return own_or_department_clause(user, staff_column, department_column, LeavePerm.APPROVE)


def request_scope(user) -> sa.ColumnElement[bool]:
    """SQL condition on LeaveRequest for what `user` may see (the request's department at the time asked)."""
    return _scope(user, LeaveRequest.staff_id, LeaveRequest.department_id)


def entitlement_scope(user) -> sa.ColumnElement[bool]:
    """SQL condition on LeaveEntitlement for what `user` may see."""
    return _scope(user, LeaveEntitlement.staff_id, None)


def can_view_request(user, request: LeaveRequest) -> bool:
    return can_view_leave_of(user, request.staff) or (
        has_perm(user, LeavePerm.APPROVE) and heads_department(user, request.department))


def can_view_entitlement(user, entitlement: LeaveEntitlement) -> bool:
    return can_view_leave_of(user, entitlement.staff)


VISIBILITY = {LeaveRequest: can_view_request, LeaveEntitlement: can_view_entitlement}

TEMPLATE_GLOBALS = {
    "can_manage_leave": can_manage_leave,
    "can_view_leave_of": can_view_leave_of,
    "can_approve_leave_of": can_approve_leave_of,
}
