"""Attendance — the board: the head's day board and month, the staff member's own attendance, a person's month,
HR's overview and the attendance settings."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.attendance.access import AttendancePerm, can_manage_attendance
from hrapp.blueprints.attendance.labels import MENU
from hrapp.core.module import Module, NavEntry
from hrapp.permissions import has_perm

from .audit_labels import AUDIT
from .routes import bp


def _has_own_record(user) -> bool:
    return has_perm(user, AttendancePerm.VIEW) and getattr(user, "staff_id", None) is not None


def _sees_departments(user) -> bool:
    return has_perm(user, AttendancePerm.DEPARTMENT)


PART = Module(
    name="attendance.board",
    blueprints=(bp,),
    nav=(
        NavEntry("attendance_board.show_day_board", _l("Day board"), _sees_departments, order=91,
                 element_id="nav-attendance-today", menu=MENU),
        NavEntry("attendance_board.show_month", _l("Month"), _sees_departments, order=92,
                 element_id="nav-attendance-month", menu=MENU),
        NavEntry("attendance_board.show_my_attendance", _l("My attendance"), _has_own_record, order=93,
                 element_id="nav-attendance-me", menu=MENU),
        NavEntry("attendance_board.show_overview", _l("Attendance overview"), can_manage_attendance, order=94,
                 element_id="nav-attendance-overview", menu=MENU),
        NavEntry("attendance_board.edit_settings", _l("Attendance settings"), can_manage_attendance, order=95,
                 element_id="nav-attendance-settings", menu=MENU),
    ),
    audit=AUDIT,
)
