"""Attendance — clocks: the registry of time clocks (HR's pages under /attendance/devices/), the ZKTeco ADMS push
protocol (/iclock/), POST /api/v1/attendance/punches for integrations (device token), the `attendance device
add` command and the `attendance_iclock_batch_ms` bench."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.attendance.access import can_manage_attendance
from hrapp.blueprints.attendance.clocks import api, cli, iclock
from hrapp.blueprints.attendance.clocks.audit_labels import AUDIT
from hrapp.blueprints.attendance.clocks.routes import bp
from hrapp.blueprints.attendance.labels import MENU
from hrapp.core.module import Module, NavEntry

PART = Module(
    name="attendance.clocks",
    audit=AUDIT,
    blueprints=(bp, iclock.bp),
    api_blueprints=(api.bp,),
    nav=(NavEntry("attendance_clocks.list_devices", _l("Time clocks"), can_manage_attendance, order=178,
                  element_id="nav-attendance-devices", menu=MENU),),
    benches=("bench.attendance_clocks",),
)

__all__ = ["PART", "cli"]
