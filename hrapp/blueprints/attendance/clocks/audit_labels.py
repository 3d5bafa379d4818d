"""What the audit trail calls the time clocks' actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.attendance.clocks.forms import DeviceForm
from hrapp.core.audit_vocabulary import AuditVocabulary, form_field_labels

AUDIT = AuditVocabulary(
    actions={
        "attendance_device.create": _l("Time clock registered"),
        "attendance_device.update": _l("Time clock changed"),
        "attendance_device.deactivate": _l("Time clock deactivated"),
        "attendance_device.reactivate": _l("Time clock reactivated"),
        "attendance_device.token_issue": _l("Time clock API token issued"),
        "attendance_device.token_revoke": _l("Time clock API token revoked"),
    },
    record_types={"AttendanceDevice": _l("Time clock")},
    fields={**form_field_labels(DeviceForm), "active": _l("Active"), "has_token": _l("Has an API token")},
)
