"""Files attached to a record of any module (a scan on a staff file, evidence of a violation, ...)."""
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.extensions import db
from hrapp.models.base import utcnow
from hrapp.models.user import User


class Attachment(db.Model):
    """One uploaded file belonging to the record `owner_type`/`owner_id` (no foreign key: any module's record).

    The bytes live in the content-addressed store under `sha256` (hrapp.core.filestore); the same
    content uploaded twice is stored once and referenced by two rows. `original_name` is the name the
    browser sent, kept as text only: it never names a file on disk and is escaped wherever it is shown.
    """

    __tablename__ = "attachments"
    __table_args__ = (sa.Index("ix_attachments_owner", "owner_type", "owner_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_type: Mapped[str] = mapped_column(sa.String(40))
    owner_id: Mapped[int]
    sha256: Mapped[str] = mapped_column(sa.String(64), index=True)
    content_type: Mapped[str] = mapped_column(sa.String(40))
    size_bytes: Mapped[int]
    original_name: Mapped[str] = mapped_column(sa.String(255))
    note: Mapped[str] = mapped_column(sa.String(200), default="")
    uploaded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    uploaded_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<Attachment({self.owner_type}#{self.owner_id}, {self.sha256[:12]!r})>"
