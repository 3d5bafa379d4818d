"""Who sees a department's monthly sheet (its heads, HR) and who exports payroll or issues the signed sheet (HR)."""
from hrapp.blueprints.attendance.access import AttendancePerm, can_manage_attendance
from hrapp.models import Department
from hrapp.permissions import has_perm, heads_department, sees_everything


def can_view_sheet(user, department: Department) -> bool:
    """A department's sheet: the heads of it (or of a department above it) and HR."""
    return has_perm(user, AttendancePerm.DEPARTMENT) and (sees_everything(user) or heads_department(user, department))


def can_export_payroll(user) -> bool:
    """The month's payroll export: HR and administrators."""
    return can_manage_attendance(user)
