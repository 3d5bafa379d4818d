"""The append-only security log: logins, lockouts, sessions, passwords, roles and refused accesses."""
import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.extensions import db
from hrapp.models.base import utcnow
from hrapp.models.user import User


class SecurityEventKind(enum.StrEnum):
    LOGIN_SUCCESS = "login_success"
    LOGIN_FAILURE = "login_failure"
    LOCKOUT = "lockout"
    LOGOUT = "logout"
    PASSWORD_CHANGE = "password_change"
    PASSWORD_RESET_ISSUED = "password_reset_issued"
    PASSWORD_RESET_USED = "password_reset_used"
    ROLE_CHANGE = "role_change"
    ACCOUNT_ENABLED = "account_enabled"
    ACCOUNT_DISABLED = "account_disabled"
    SESSION_EXPIRED = "session_expired"
    ACCESS_DENIED = "access_denied"


class SecurityEvent(db.Model):
    """One security event. Rows are only ever added: the ORM refuses updates and deletes (below)."""

    __tablename__ = "security_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    # Stored as its value (not a database enum) so that a new kind needs no migration.
    kind: Mapped[str] = mapped_column(sa.String(30), index=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    username: Mapped[str] = mapped_column(sa.String(64), default="")  # as typed at the login, or the account's
    ip: Mapped[str] = mapped_column(sa.String(45), default="", index=True)
    user_agent: Mapped[str] = mapped_column(sa.String(200), default="")
    detail: Mapped[dict | None] = mapped_column(sa.JSON)

    user: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<SecurityEvent({self.kind}, {self.username!r})>"


@event.listens_for(SecurityEvent, "before_update")
@event.listens_for(SecurityEvent, "before_delete")
def _refuse_change(mapper, connection, target):  # noqa: ARG001
    raise RuntimeError("security events are append-only")
