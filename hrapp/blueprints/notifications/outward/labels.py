"""Translated labels for the outward notification enums (registered into hrapp.labels.label()), one dict per enum."""
import enum

from flask_babel import lazy_gettext as _l

from hrapp.labels import register
from hrapp.models import DeliveryStatus, OutwardChannel, RobotPlatform

CHANNEL_LABELS: dict[enum.Enum, object] = {
    OutwardChannel.EMAIL: _l("E-mail"),
    OutwardChannel.GROUP_ROBOT: _l("Department group robot"),
}

PLATFORM_LABELS: dict[enum.Enum, object] = {
    RobotPlatform.WECOM: _l("WeCom"),
    RobotPlatform.DINGTALK: _l("DingTalk"),
    RobotPlatform.FEISHU: _l("Feishu"),
}

DELIVERY_STATUS_LABELS: dict[enum.Enum, object] = {
    DeliveryStatus.PENDING: _l("Waiting to be sent"),
    DeliveryStatus.SENT: _l("Sent"),
    DeliveryStatus.FAILED: _l("Failed"),
}

for labels in (CHANNEL_LABELS, PLATFORM_LABELS, DELIVERY_STATUS_LABELS):
    register(labels)
