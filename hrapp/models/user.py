"""Login accounts, roles and API tokens."""
import enum
import secrets
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from flask_login import AnonymousUserMixin, UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.extensions import db
from hrapp.models.base import TimestampMixin, enum_column, utcnow

if TYPE_CHECKING:
    from hrapp.models.org import Department
    from hrapp.models.staff import StaffMember


class Role(enum.StrEnum):
    ADMIN = "admin"
    HR = "hr"
    HEAD = "head"
    STAFF = "staff"


department_heads = sa.Table(
    "department_heads",
    db.metadata,
    sa.Column("user_id", sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("department_id", sa.ForeignKey("departments.id", ondelete="CASCADE"), primary_key=True),
)


def new_session_token() -> str:
    return secrets.token_urlsafe(16)


class User(UserMixin, TimestampMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(sa.String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(sa.String(256))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    staff_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_members.id"), unique=True)
    is_enabled: Mapped[bool] = mapped_column(default=True)
    must_change_password: Mapped[bool] = mapped_column(default=False)
    locale: Mapped[str | None] = mapped_column(sa.String(8))
    # Part of the login cookie: rotating it ends every session of this account.
    session_token: Mapped[str] = mapped_column(sa.String(32), default=new_session_token)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    # What an account editor saw: bumped by account management only (role, scope, enabled, password set by
    # someone else), not by logins, so a login never makes an open edit form stale. Not a version_id_col: the
    # login bookkeeping (failed_logins, last_login_at) would then race with itself.
    version_id: Mapped[int] = mapped_column(default=1, server_default="1")

    staff: Mapped["StaffMember | None"] = relationship(foreign_keys=[staff_id])
    headed_departments: Mapped[list["Department"]] = relationship(
        secondary=department_heads, back_populates="heads"
    )

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    @property
    def is_active(self) -> bool:
        return self.is_enabled

    def rotate_session(self) -> None:
        """Invalidate every existing login cookie of this account."""
        self.session_token = new_session_token()

    def __repr__(self) -> str:
        return f"<User({self.username!r}, {self.role})>"


class AnonymousUser(AnonymousUserMixin):
    role = None
    staff_id = None
    headed_departments: list = []


class ApiToken(db.Model):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(sa.String(64), default="")
    # SHA-256 of the token: the token itself is shown once and never stored.
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<ApiToken({self.id}, user={self.user_id})>"
