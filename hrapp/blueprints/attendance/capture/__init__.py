"""Attendance — capture: the staff member's punch button, importing device export files, device user ids
(overrides and the unmapped ids waiting for a person), and `flask --app wsgi attendance import FILE`."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.attendance.access import AttendancePerm, can_manage_attendance
from hrapp.blueprints.attendance.labels import MENU
from hrapp.core.module import Module, NavEntry
from hrapp.permissions import has_perm

from . import (
    cli,  # noqa: F401  (adds `attendance import` to the command group)
    import_views,  # noqa: F401  (the import pages, on the same blueprint)
)
from .audit_labels import AUDIT
from .routes import bp


def _has_staff_record(user) -> bool:
    return has_perm(user, AttendancePerm.VIEW) and bool(getattr(user, "staff_id", None))


PART = Module(
    name="attendance.capture",
    audit=AUDIT,
    blueprints=(bp,),
    nav=(
        NavEntry("attendance_capture.punch", _l("Punch"), _has_staff_record, order=160,
                 element_id="nav-attendance-punch", menu=MENU),
        NavEntry("attendance_capture.list_ids", _l("Device ids"), can_manage_attendance, order=168,
                 element_id="nav-attendance-ids", menu=MENU),
    ),
    benches=("bench.attendance_capture",),
)
