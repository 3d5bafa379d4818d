"""Period close (月结): a module's records of one department for one period, closed by HR and reopened with a reason."""
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.core.periods import PeriodKind, period_label
from hrapp.extensions import db
from hrapp.models.base import enum_column, utcnow
from hrapp.models.org import Department
from hrapp.models.user import User


class PeriodClose(db.Model):
    """The close of `module`'s records of `department` for the period [starts_on, ends_on].

    One row per module, period and department (the unique constraint answers two closes at once); it is
    closed while `reopened_at` is empty. Closing again after a reopen reuses the row; the audit trail keeps
    every close and reopen. `version_id` guards close/reopen forms against a decision made meanwhile.
    """

    __tablename__ = "period_closes"
    __table_args__ = (sa.UniqueConstraint("module", "period_kind", "starts_on", "department_id",
                                          name="period_closes_one_per_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    module: Mapped[str] = mapped_column(sa.String(40))  # a registered module's name (hrapp.core.module)
    period_kind: Mapped[PeriodKind] = mapped_column(enum_column(PeriodKind))
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id"), index=True)
    closed_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(sa.String(255), default="")
    reopened_at: Mapped[datetime | None]
    reopened_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    reopen_reason: Mapped[str] = mapped_column(sa.String(255), default="")
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    department: Mapped[Department] = relationship()
    closed_by: Mapped[User | None] = relationship(foreign_keys=[closed_by_id])
    reopened_by: Mapped[User | None] = relationship(foreign_keys=[reopened_by_id])

    @property
    def is_closed(self) -> bool:
        """Closed until reopened."""
        return self.reopened_at is None

    @property
    def period_name(self) -> str:
        """"2026-05", "2026-W19", ..."""
        return period_label(self.period_kind, self.starts_on)

    def __repr__(self) -> str:
        return f"<PeriodClose({self.module}, {self.period_name}, department={self.department_id})>"
