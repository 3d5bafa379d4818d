"""Attendance — overtime: where the company says overtime needs approval, heads (their departments) and HR approve
a person-day's overtime or withdraw an approval; approvals live apart from the reconciled day, so
re-reconciling keeps them (reconciliation reads them)."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.attendance.access import AttendancePerm
from hrapp.blueprints.attendance.labels import MENU
from hrapp.core.module import Module, NavEntry
from hrapp.permissions import has_perm

from .audit_labels import AUDIT
from .routes import bp


def _approves(user) -> bool:
    return has_perm(user, AttendancePerm.DEPARTMENT)


PART = Module(
    name="attendance.overtime",
    blueprints=(bp,),
    nav=(NavEntry("attendance_overtime.list_overtime", _l("Overtime approvals"), _approves, order=96,
                  element_id="nav-attendance-overtime", menu=MENU),),
    audit=AUDIT,
)
