"""What the audit trail calls the capture part's actions."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary

AUDIT = AuditVocabulary(
    actions={
        "attendance.punch_web": _l("Punched on the web"),
        "attendance.punches_imported": _l("Punches imported"),
        "attendance.clock_id_mapped": _l("Clock id mapped to a person"),
        "attendance.clock_id_added": _l("Clock id added"),
        "attendance.clock_id_changed": _l("Clock id changed"),
        "attendance.clock_id_removed": _l("Clock id removed"),
    },
    record_types={"DeviceUserId": _l("Clock id")},
    fields={"punched_at": _l("Punch time"), "source": _l("Source"), "clock_id": _l("Clock id"),
            "punches": _l("Punches"), "filename": _l("File name"), "stored": _l("Stored"),
            "duplicates": _l("Duplicates")},
)
