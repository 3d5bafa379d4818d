"""One-time submission tokens of create forms (hrapp.forms.CreateForm): a double click creates one record."""
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from hrapp.extensions import db
from hrapp.models.base import utcnow


class SubmissionToken(db.Model):
    """A create form's token, stored in the same transaction as what the form created.

    The unique `token` column is what makes "once" hold across threads and processes: a second request with
    the same token either finds the row (already submitted) or loses on the constraint at commit.
    """

    __tablename__ = "submission_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(sa.String(64), unique=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    endpoint: Mapped[str] = mapped_column(sa.String(120), default="")
    used_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
