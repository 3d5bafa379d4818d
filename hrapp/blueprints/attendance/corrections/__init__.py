"""Attendance — corrections (补卡): a person explains a missing punch, a head of their department (or HR) accepts
or rejects it within the company's monthly limit, HR corrects anything with a reason; all audited. Accepting
stores the punch through the punch store, which re-reconciles the day. Pages under /attendance/corrections,
the API under /api/v1/me/attendance/corrections; the iclock endpoints' per-device rate limit (clock_limits)."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.attendance.access import can_manage_attendance
from hrapp.blueprints.attendance.labels import MENU
from hrapp.core.module import Module, NavEntry, NotificationKind
from hrapp.models import AttendanceCorrection

from . import api, clock_limits, punch_views  # noqa: F401  (clock_limits limits the iclock blueprint; punch_views adds HR's page)
from .access import can_request_correction, can_view_correction, sees_corrections_to_decide
from .audit_labels import AUDIT
from .routes import bp
from .workflow import NOTIFICATION_KIND

PART = Module(
    name="attendance.corrections",
    blueprints=(bp,),
    api_blueprints=(api.bp,),
    nav=(
        NavEntry("attendance_corrections.list_my_corrections", _l("My corrections"), can_request_correction, order=96,
                 element_id="nav-attendance-corrections", menu=MENU),
        NavEntry("attendance_corrections.list_corrections", _l("Corrections"), sees_corrections_to_decide, order=96,
                 element_id="nav-attendance-corrections-waiting", menu=MENU),
        NavEntry("attendance_corrections.add_hr_correction", _l("Add a punch"), can_manage_attendance, order=97,
                 element_id="nav-attendance-corrections-hr", menu=MENU),
    ),
    notification_kinds=(NotificationKind(NOTIFICATION_KIND, _l("Attendance corrections")),),
    visibility={AttendanceCorrection: can_view_correction},
    audit=AUDIT,
)
