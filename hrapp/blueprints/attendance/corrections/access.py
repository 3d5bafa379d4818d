"""Who may do what with corrections (on attendance.access): the person asks and withdraws, a head of the
person's department (never their own) or HR decides, HR corrects anything; the rest see what they may see."""
import sqlalchemy as sa

from hrapp.blueprints.attendance.access import (
    AttendancePerm,
    can_manage_attendance,
    can_view_attendance_of,
    staff_clause,
)
from hrapp.extensions import db
from hrapp.models import AttendanceCorrection, Department
from hrapp.permissions import has_perm, heads_department, is_self


def can_request_correction(user) -> bool:
    """Anyone with their own attendance (a staff record) may ask for a correction of their own day."""
    return has_perm(user, AttendancePerm.VIEW) and getattr(user, "staff_id", None) is not None


def can_view_correction(user, correction: AttendanceCorrection) -> bool:
    """The person, the heads of their department (and above), HR."""
    return can_view_attendance_of(user, correction.staff)


def can_decide_correction(user, correction: AttendanceCorrection) -> bool:
    """A head of the correction's department (or above) or HR; never on one's own correction."""
    if not getattr(user, "is_active", False) or is_self(user, correction.staff):
        return False
    if can_manage_attendance(user):
        return True
    department = db.session.get(Department, correction.department_id)
    return has_perm(user, AttendancePerm.DEPARTMENT) and department is not None and heads_department(user, department)


def can_withdraw_correction(user, correction: AttendanceCorrection) -> bool:
    """Only the person who asked."""
    return getattr(user, "is_active", False) and is_self(user, correction.staff)


def sees_corrections_to_decide(user) -> bool:
    """The waiting list: heads and HR."""
    return has_perm(user, AttendancePerm.DEPARTMENT)


def correction_scope(user) -> sa.ColumnElement[bool]:
    """SQL condition on AttendanceCorrection for what `user` may see."""
    return staff_clause(user, AttendanceCorrection.staff_id, AttendanceCorrection.department_id)
