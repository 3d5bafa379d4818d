"""In-app notifications: written in the caller's transaction, each in its recipient's language."""
from collections.abc import Callable, Iterable

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale

from hrapp.extensions import db
from hrapp.models import Notification, User, utcnow


def notify(users: Iterable[User], text: Callable[[], str], link: str = "") -> list[Notification]:
    """Add one notification per user; `text()` is called in each user's locale (Chinese by default)."""
    rows = []
    default = current_app.config.get("BABEL_DEFAULT_LOCALE", "zh")
    for user in users:
        with force_locale(user.locale or default):
            body = str(text())
        rows.append(Notification(user_id=user.id, text=body[:500], link=link[:255]))
        remember_unread(user, None)
    db.session.add_all(rows)
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
