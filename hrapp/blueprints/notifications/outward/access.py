"""Who may do what with outward notifications: HR and administrators choose the routes and keep the group
robots (`OutwardPerm.MANAGE`, granted by the notifications module); the administrator watches the outbox
(`Perm.SETTINGS_EDIT`, the administrator's own permission)."""
from enum import StrEnum

from hrapp.permissions import Perm, has_perm


class OutwardPerm(StrEnum):
    MANAGE = "notifications.outward.manage"


DELIVERIES_PERM = Perm.SETTINGS_EDIT


def can_manage_outward(user) -> bool:
    """HR and administrators: the routes per kind and the departments' group robots."""
    return has_perm(user, OutwardPerm.MANAGE)


def can_watch_deliveries(user) -> bool:
    """The administrator: the outbox, its failures and retries."""
    return has_perm(user, DELIVERIES_PERM)
