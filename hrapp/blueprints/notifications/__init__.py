"""In-app notifications: the list, marking read, opening one, and the nav badge's count.

Modules declare their notification kinds (`Module.notification_kinds`); `hrapp.notifications.notify`
writes one row per recipient with its kind. The outward/ part sends what HR routes outward (e-mail, group
robots) in the background, from an outbox written in the notifying transaction.
"""
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from hrapp.core.module import Module, NotificationKind, combine
from hrapp.models import Role
from hrapp.notifications import GENERAL, unread_count

from .outward import PART as OUTWARD
from .outward import OutwardPerm
from .routes import bp


def unread_notifications() -> int:
    """The nav badge's figure (0 for guests); called lazily by the template."""
    return unread_count(current_user) if current_user.is_authenticated else 0


MODULE = combine(
    "notifications",
    (Module(name="notifications.inbox", blueprints=(bp,), notification_kinds=(NotificationKind(GENERAL, _l("Notice")),),
            template_globals={"unread_notifications": unread_notifications}),
     OUTWARD),
    grants={Role.HR: {OutwardPerm.MANAGE}, Role.ADMIN: {OutwardPerm.MANAGE}},
)
