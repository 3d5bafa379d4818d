"""Attendance — sheet: the monthly attendance sheet (月度考勤表) per department, its signed PDF, XLSX and payroll
export, and the month close's checks."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.attendance.access import AttendancePerm
from hrapp.blueprints.attendance.labels import MENU
from hrapp.core.module import Module, NavEntry
from hrapp.permissions import has_perm

from .access import can_export_payroll
from .close import attendance_close_check
from .documents import ATTENDANCE_SHEET
from .routes import bp


def _sees_sheets(user) -> bool:
    return has_perm(user, AttendancePerm.DEPARTMENT)


PART = Module(
    name="attendance.sheet",
    blueprints=(bp,),
    report_types=(ATTENDANCE_SHEET,),
    nav=(
        NavEntry("attendance_sheet.show_index", _l("Monthly sheet"), _sees_sheets, order=96,
                 element_id="nav-attendance-sheet", menu=MENU),
        NavEntry("attendance_sheet.show_payroll", _l("Payroll export"), can_export_payroll, order=97,
                 element_id="nav-attendance-payroll", menu=MENU),
    ),
    close_checks=(attendance_close_check,),
    benches=("bench.attendance_sheet",),
)
