"""Shared model pieces: UTC clock, timestamp mixin, enum column helper."""
import enum
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column


def utcnow() -> datetime:
    """Current time in UTC, naive (stored as UTC in every database)."""
    return datetime.now(UTC).replace(tzinfo=None)


def enum_column(enum_cls: type[enum.Enum], **kw) -> sa.Enum:
    """A portable enum column storing the member *values* as strings (no native DB enum)."""
    return sa.Enum(
        enum_cls,
        native_enum=False,
        length=20,
        validate_strings=True,
        values_callable=lambda cls: [m.value for m in cls],
        **kw,
    )


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
