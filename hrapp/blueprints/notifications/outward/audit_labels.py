"""What the audit trail calls the outward notification actions, records and fields."""
from flask_babel import lazy_gettext as _l

from hrapp.core.audit_vocabulary import AuditVocabulary, form_field_labels

from .forms import RobotForm

AUDIT = AuditVocabulary(
    actions={
        "notification_route.add": _l("Notification kind routed outward"),
        "notification_route.remove": _l("Outward route of a notification kind removed"),
        "group_robot.create": _l("Group robot added"),
        "group_robot.update": _l("Group robot changed"),
        "group_robot.deactivate": _l("Group robot deactivated"),
        "group_robot.reactivate": _l("Group robot reactivated"),
        "notification_delivery.retry": _l("Outward delivery retried"),
    },
    record_types={"NotificationRoute": _l("Outward notification route"), "GroupRobot": _l("Group robot"), "OutwardDelivery": _l("Outward delivery")},
    fields={**form_field_labels(RobotForm), "active": _l("Active"), "webhook_changed": _l("Webhook address replaced"),
            "kind": _l("Kind of notification"), "channel": _l("Channel"), "status": _l("Status")},
)
