"""What the audit trail calls the outward notification actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary, form_field_labels

from .forms import RobotForm

AUDIT = AuditVocabulary(
    actions={
        "notification_routes.update": _l("Outward notification settings changed"),
        "group_robot.create": _l("Group robot added"),
        "group_robot.update": _l("Group robot changed"),
        "group_robot.deactivate": _l("Group robot deactivated"),
        "group_robot.reactivate": _l("Group robot reactivated"),
        "notification_delivery.retry": _l("Outward delivery retried"),
    },
    record_types={"GroupRobot": _l("Group robot"), "OutwardDelivery": _l("Outward delivery")},
    fields={**form_field_labels(RobotForm), "active": _l("Active"), "webhook_changed": _l("Webhook address replaced"),
            "routes": _l("Routes"), "status": _l("Status")},
)
