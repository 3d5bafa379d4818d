"""The attendance module's permissions and access rules, on the shared mechanism (hrapp.permissions).

Staff see their own punches and days and punch on the web; heads see (and will act on) the days of the staff of
the departments they head; HR and administrators see everything and manage the time clocks, device user ids,
imports and the settings.
"""
from enum import StrEnum

import sqlalchemy as sa

from hrapp.models import AttendanceDay, Punch, Role, StaffMember
from hrapp.permissions import (
    can_view_staff,
    has_perm,
    heads_department,
    is_self,
    own_or_department_clause,
)


class AttendancePerm(StrEnum):
    VIEW = "attendance.view"  # one's own punches and days; the punch button
    DEPARTMENT = "attendance.department"  # the days of one's departments' staff (heads)
    MANAGE = "attendance.manage"  # time clocks, device user ids, imports, settings, reconciliation (HR)


GRANTS = {
    Role.ADMIN: frozenset(AttendancePerm),
    Role.HR: frozenset(AttendancePerm),
    Role.HEAD: frozenset({AttendancePerm.VIEW, AttendancePerm.DEPARTMENT}),
    Role.STAFF: frozenset({AttendancePerm.VIEW}),
}


def can_view_attendance_of(user, staff: StaffMember) -> bool:
    """A person's punches and days: themselves, the heads of their department (and above), HR."""
    return has_perm(user, AttendancePerm.VIEW) and can_view_staff(user, staff)


def can_manage_attendance(user) -> bool:
    """Time clocks, device user ids, imports, settings, reconciliation: HR and administrators."""
    return has_perm(user, AttendancePerm.MANAGE)


def can_approve_overtime_of(user, staff: StaffMember) -> bool:
    """Approving a person's overtime: a head of their department (or above), or HR — never one's own."""
    if not getattr(user, "is_active", False) or is_self(user, staff):
        return False
    if can_manage_attendance(user):
        return True
    return has_perm(user, AttendancePerm.DEPARTMENT) and heads_department(user, staff.department)


def staff_clause(user, staff_id_column, department_column=None) -> sa.ColumnElement[bool]:
    """Attendance's rows of people `user` may see (the shared rule, with heads' department permission)."""
    return own_or_department_clause(user, staff_id_column, department_column, AttendancePerm.DEPARTMENT)


def day_scope(user) -> sa.ColumnElement[bool]:
    """SQL condition on AttendanceDay for what `user` may see (the day's department is where the person worked)."""
    return staff_clause(user, AttendanceDay.staff_id, AttendanceDay.department_id)


def punch_scope(user) -> sa.ColumnElement[bool]:
    """SQL condition on Punch (unmapped punches: HR only)."""
    return staff_clause(user, Punch.staff_id)


def can_view_punch(user, punch: Punch) -> bool:
    if punch.staff is None:
        return can_manage_attendance(user)
    return can_view_attendance_of(user, punch.staff)


def can_view_day(user, day: AttendanceDay) -> bool:
    return can_view_attendance_of(user, day.staff)


VISIBILITY = {Punch: can_view_punch, AttendanceDay: can_view_day}

TEMPLATE_GLOBALS = {
    "can_view_attendance_of": can_view_attendance_of,
    "can_manage_attendance": can_manage_attendance,
    "can_approve_overtime_of": can_approve_overtime_of,
}
