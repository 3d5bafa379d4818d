"""In-app notifications: written in the caller's transaction, each in its recipient's language.

Every notification has a kind that a registered module declares (`Module.notification_kinds`).
`notifications_added` is sent once per `notify` call (sender None; `rows`, `kind`, `text`, `link`): the outward
part (hrapp/blueprints/notifications/outward) writes the e-mails and robot messages HR routes for that kind."""
from collections.abc import Callable, Iterable

import sqlalchemy as sa
from blinker import Namespace
from flask import current_app
from flask_babel import force_locale

from hrapp.core.module import modules
from hrapp.extensions import db
from hrapp.models import Notification, User, utcnow

GENERAL = "general"
notifications_added = Namespace().signal("notifications.added")


def notification_kinds() -> dict[str, object]:
    """Every registered module's notification kinds: name -> label."""
    return {kind.name: kind.label for module in modules() for kind in module.notification_kinds}


def kind_label(name: str) -> str:
    """The kind's label in the current language (the raw name if no module declares it any more)."""
    return str(notification_kinds().get(name, name))


def notify(users: Iterable[User], text: Callable[[], str], link: str = "", kind: str = GENERAL) -> list[Notification]:
    """Add one notification of `kind` per user; `text()` is called in each user's locale (Chinese by default).

    :raise ValueError: no registered module declares `kind` (a programming error, caught by the tests).
    """
    if kind not in notification_kinds():
        raise ValueError(f"undeclared notification kind {kind!r}")
    rows = []
    default = current_app.config.get("BABEL_DEFAULT_LOCALE", "zh")
    for user in users:
        with force_locale(user.locale or default):
            body = str(text())
        rows.append(Notification(user_id=user.id, kind=kind, text=body[:500], link=link[:255]))
        remember_unread(user, None)
    db.session.add_all(rows)
    if rows:
        notifications_added.send(None, rows=rows, kind=kind, text=text, link=link)
    return rows


def unread_count_column() -> sa.ScalarSelect:
    """The unread count as a column correlated to `User`, so the login's user query brings it along."""
    return (sa.select(sa.func.count(Notification.id))
            .where(Notification.user_id == User.id, Notification.read_at.is_(None))
            .correlate(User).scalar_subquery())


def remember_unread(user: User, count: int | None) -> None:
    """Keep a freshly counted figure on the user for this request (None forgets it)."""
    user._unread_notifications = count


def unread_count(user: User) -> int:
    """How many notifications `user` has not read (the figure loaded with the user, while it holds)."""
    known = getattr(user, "_unread_notifications", None)
    if known is not None:
        return known
    return db.session.scalar(sa.select(sa.func.count(Notification.id)).where(
        Notification.user_id == user.id, Notification.read_at.is_(None))) or 0


def recent(user: User, limit: int = 20) -> list[Notification]:
    """The user's latest notifications, unread first, newest first."""
    return list(db.session.scalars(
        sa.select(Notification).where(Notification.user_id == user.id)
        .order_by(Notification.read_at.is_not(None), Notification.created_at.desc(), Notification.id.desc())
        .limit(limit)))


def mark_read(user: User, ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications `ids` (all when None) read; returns how many changed."""
    query = sa.update(Notification).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    if ids is not None:
        query = query.where(Notification.id.in_(list(ids)))
    remember_unread(user, None)
    return db.session.execute(query.values(read_at=utcnow())).rowcount
