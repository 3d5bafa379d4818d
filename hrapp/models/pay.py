"""Effective-dated pay: one record per person and date from which a wage applies."""
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.extensions import db
from hrapp.models.base import utcnow
from hrapp.models.staff import MONEY, StaffMember
from hrapp.models.user import User


class PayRate(db.Model):
    """A wage in force from `effective_on` until the person's next record.

    The daily wage is derived (monthly / the company's paid days per month) unless
    `daily_wage_amount` is set explicitly.
    """

    __tablename__ = "pay_rates"
    __table_args__ = (
        sa.UniqueConstraint("staff_id", "effective_on", name="staff_effective_on"),
        # the wage in force on a day from the index alone (the ledger, the guard rail's flagged people)
        sa.Index("ix_pay_rates_staff_effective_wage", "staff_id", "effective_on", "monthly_wage_amount"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id", ondelete="CASCADE"))
    effective_on: Mapped[date]
    monthly_wage_amount: Mapped[Decimal] = mapped_column(MONEY)
    daily_wage_amount: Mapped[Decimal | None] = mapped_column(MONEY)
    note: Mapped[str] = mapped_column(sa.String(255), default="")
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    staff: Mapped[StaffMember] = relationship()
    created_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<PayRate(staff={self.staff_id}, {self.effective_on}, {self.monthly_wage_amount})>"
