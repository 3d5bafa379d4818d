"""Shared model pieces: UTC clock, timestamp mixin, enum column helper."""
import enum
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column


def utcnow() -> datetime:
    """Current time in UTC, naive (stored as UTC in every database)."""
    return datetime.now(UTC).replace(tzinfo=None)


def enum_column(enum_cls: type[enum.Enum], length: int = 20, **kw) -> sa.Enum:
    """A portable enum column storing the member *values* as strings (no native DB enum)."""
    return sa.Enum(
        enum_cls,
        native_enum=False,
        length=length,
        validate_strings=True,
        values_callable=lambda cls: [m.value for m in cls],
        **kw,
    )


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class OpenKeyMixin:
    """At most one *open* record per key, enforced by the database on SQLite and PostgreSQL alike.

    A model declares `open_key_value()` (the normalised key: what makes two records "the same request") and
    `is_open()`. Before every insert and update `open_key` is set to that key while the record is open and to
    NULL once it leaves the open states; the unique constraint on the column (NULLs never clash) refuses a
    second open record with the same key, however many requests race. The loser's IntegrityError is answered
    through `hrapp.core.uniqueness` like the service's own duplicate check.
    """

    open_key: Mapped[str | None] = mapped_column(sa.String(160), unique=True)

    def open_key_value(self) -> str:
        raise NotImplementedError

    def is_open(self) -> bool:
        raise NotImplementedError


@sa.event.listens_for(OpenKeyMixin, "before_insert", propagate=True)
@sa.event.listens_for(OpenKeyMixin, "before_update", propagate=True)
def _set_open_key(_mapper, _connection, record: OpenKeyMixin) -> None:
    record.open_key = record.open_key_value() if record.is_open() else None
