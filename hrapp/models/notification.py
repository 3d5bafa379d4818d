"""In-app notifications: a short text and a link for one user, unread until read_at is set; and what goes out
besides (e-mail, chat-group robots): HR's routes per kind, the departments' robots, the outbox of deliveries."""
import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.extensions import db
from hrapp.models.base import enum_column, utcnow
from hrapp.models.org import Department
from hrapp.models.user import User


class Notification(db.Model):
    __tablename__ = "notifications"
    __table_args__ = (sa.Index("ix_notifications_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    # A kind a module declares (Module.notification_kinds), e.g. "roster.published".
    kind: Mapped[str] = mapped_column(sa.String(40), default="general", server_default="general")
    text: Mapped[str] = mapped_column(sa.String(500))
    link: Mapped[str] = mapped_column(sa.String(255), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<Notification(user={self.user_id}, {self.text[:20]!r})>"


class OutwardChannel(enum.StrEnum):
    """Where HR sends a kind of notification besides the in-app list (`NotificationRoute.channel`)."""

    EMAIL = "email"  # to the recipient's e-mail address (their staff record's), over SMTP
    GROUP_ROBOT = "group_robot"  # to the group robots of the recipient's department


class RobotPlatform(enum.StrEnum):
    """The chat platform of a group robot webhook."""

    WECOM = "wecom"  # 企业微信
    DINGTALK = "dingtalk"  # 钉钉
    FEISHU = "feishu"  # 飞书


class DeliveryStatus(enum.StrEnum):
    PENDING = "pending"  # waiting for its next attempt (attempts > 0: a retry)
    SENT = "sent"
    FAILED = "failed"  # gave up after the last attempt; the administrator sees it and may retry


class NotificationRoute(db.Model):
    """HR's choice: notifications of `kind` also go out through `channel` (no row: in-app only)."""

    __tablename__ = "notification_routes"
    __table_args__ = (sa.UniqueConstraint("kind", "channel", name="uq_notification_routes_kind_channel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(40))
    channel: Mapped[OutwardChannel] = mapped_column(enum_column(OutwardChannel))
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class GroupRobot(db.Model):
    """A department's chat-group robot (a webhook URL, and the signing secret DingTalk and Feishu may require)."""

    __tablename__ = "group_robots"
    __table_args__ = (sa.UniqueConstraint("department_id", "name", name="uq_group_robots_department_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id", ondelete="CASCADE"), index=True)
    platform: Mapped[RobotPlatform] = mapped_column(enum_column(RobotPlatform))
    name: Mapped[str] = mapped_column(sa.String(60))
    webhook_url: Mapped[str] = mapped_column(sa.String(500))
    secret: Mapped[str] = mapped_column(sa.String(200), default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    department: Mapped[Department] = relationship()


class OutwardDelivery(db.Model):
    """One message to send outward (an outbox row written in the notifying transaction), sent in the background
    with retries: `next_attempt_at` is when it is due; after the last attempt it is FAILED with `last_error`."""

    __tablename__ = "notification_deliveries"
    __table_args__ = (sa.Index("ix_notification_deliveries_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    notification_id: Mapped[int | None] = mapped_column(sa.ForeignKey("notifications.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(sa.String(40))
    channel: Mapped[OutwardChannel] = mapped_column(enum_column(OutwardChannel))
    robot_id: Mapped[int | None] = mapped_column(sa.ForeignKey("group_robots.id", ondelete="SET NULL"), index=True)
    recipient: Mapped[str] = mapped_column(sa.String(255))  # the e-mail address, or the robot's name
    subject: Mapped[str] = mapped_column(sa.String(200), default="")
    body: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[DeliveryStatus] = mapped_column(enum_column(DeliveryStatus), default=DeliveryStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_error: Mapped[str] = mapped_column(sa.String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    robot: Mapped[GroupRobot | None] = relationship()
