"""What the audit trail calls the corrections' actions, record and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary

AUDIT = AuditVocabulary(
    actions={
        "attendance_correction.request": _l("Correction asked for"),
        "attendance_correction.accept": _l("Correction accepted"),
        "attendance_correction.reject": _l("Correction rejected"),
        "attendance_correction.withdraw": _l("Correction withdrawn"),
        "attendance_correction.hr_correct": _l("Punch added by HR"),
        "attendance_punch.exclude": _l("Punch set aside by HR"),
    },
    record_types={"AttendanceCorrection": _l("Attendance correction"), "Punch": _l("Punch")},
    fields={"day": _l("Day"), "kind": _l("Missing punch"), "punched_at": _l("Punch time"), "reason": _l("Reason"),
            "by_hr": _l("By HR"), "punch_id": _l("Punch"), "note": _l("Reason"), "status": _l("Status"),
            "clock_id": _l("Clock id")},
)
