"""Roster object checks, built only on hrapp.permissions (to move there when the lead merges them)."""
from hrapp.models import Department, Roster, ShiftSwap
from hrapp.permissions import can_view_department, department_scope, sees_everything


def _active(user) -> bool:
    return bool(getattr(user, "is_active", False))


def can_edit_department_rosters(user, department: Department) -> bool:
    """HR/admin: every department; a head: the departments they head and their sub-departments."""
    return sees_everything(user) or (_active(user) and department.id in department_scope(user))


def can_edit_roster(user, roster: Roster) -> bool:
    """Edit cells, generate, publish: HR/admin, or a head of the roster's department (or a parent of it)."""
    return can_edit_department_rosters(user, roster.department)


def can_view_roster(user, roster: Roster) -> bool:
    """HR/admin: all; heads: their subtree; staff: their own department's rosters."""
    return can_view_department(user, roster.department)


def can_override_breaches(user) -> bool:
    """Publishing or changing despite hard breaches (with a written reason) is for HR/admin only."""
    return sees_everything(user)


def can_manage_roster_settings(user) -> bool:
    """Company holidays and the rule settings: HR/admin."""
    return sees_everything(user)


def can_answer_swap(user, swap: ShiftSwap) -> bool:
    """The partner accepts or declines a swap request."""
    return _active(user) and getattr(user, "staff_id", None) == swap.partner_id


def can_cancel_swap(user, swap: ShiftSwap) -> bool:
    """The requester withdraws their own request."""
    return _active(user) and getattr(user, "staff_id", None) == swap.requester_id


def can_decide_swap(user, swap: ShiftSwap) -> bool:
    """The head of the roster's department (or HR) approves or rejects an accepted swap."""
    return can_edit_roster(user, swap.roster)
