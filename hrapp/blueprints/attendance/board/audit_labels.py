"""What the audit trail calls the board's actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary

AUDIT = AuditVocabulary(
    actions={
        "attendance_settings.updated": _l("Attendance settings changed"),
        "attendance_shift_window.updated": _l("Shift type's attendance windows changed"),
    },
    record_types={"AttendanceSettings": _l("Attendance settings"), "ShiftWindow": _l("Shift type's windows")},
    fields={
        "web_punch_networks": _l("Web punch networks"), "checkin_opens_minutes": _l("Check-in opens"),
        "checkout_closes_minutes": _l("Check-out closes"), "grace_minutes": _l("Grace"),
        "half_day_minutes": _l("Half day"), "overtime_needs_approval": _l("Overtime needs approval"),
        "overtime_minimum_minutes": _l("Overtime minimum"), "corrections_per_month": _l("Corrections per month"),
    },
)
