"""Staff members and their dated employment history."""
import enum
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from hrapp.core.pinyin import name_initials, name_pinyin
from hrapp.extensions import db
from hrapp.models.base import TimestampMixin, enum_column
from hrapp.models.org import Department, Position

MONEY = sa.Numeric(10, 2)


class Gender(enum.StrEnum):
    MALE = "male"
    FEMALE = "female"


class EmploymentStatus(enum.StrEnum):
    PROBATION = "probation"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    LEFT = "left"


class EventKind(enum.StrEnum):
    HIRE = "hire"
    TRANSFER = "transfer"
    PROMOTION = "promotion"
    STATUS_CHANGE = "status_change"
    PAY_CHANGE = "pay_change"


def _pinyin_default(context) -> str:
    return name_pinyin(context.get_current_parameters().get("name_zh") or "")


def _initials_default(context) -> str:
    return name_initials(context.get_current_parameters().get("name_zh") or "")


class StaffMember(TimestampMixin, db.Model):
    __tablename__ = "staff_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_number: Mapped[str] = mapped_column(sa.String(20), unique=True)
    name_zh: Mapped[str] = mapped_column(sa.String(40), index=True)
    name_en: Mapped[str] = mapped_column(sa.String(80), default="")
    # The name's pinyin and initials for search (hrapp.core.pinyin), kept in step with name_zh: by the
    # validator below for ORM writes, by the column defaults for bulk inserts that leave them out.
    name_pinyin: Mapped[str] = mapped_column(sa.String(255), default=_pinyin_default, server_default="", index=True)
    name_initials: Mapped[str] = mapped_column(sa.String(255), default=_initials_default, server_default="", index=True)
    gender: Mapped[Gender] = mapped_column(enum_column(Gender))
    birth_on: Mapped[date | None]
    id_number: Mapped[str] = mapped_column(sa.String(18), default="")
    phone: Mapped[str] = mapped_column(sa.String(20), default="")
    email: Mapped[str] = mapped_column(sa.String(120), default="")
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id"), index=True)
    position_id: Mapped[int | None] = mapped_column(sa.ForeignKey("positions.id"), index=True)
    superior_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_members.id"))
    hire_on: Mapped[date]
    # 参加工作日期: when the person first started work anywhere (annual leave counts cumulative years of service);
    # None: the hire date.
    career_started_on: Mapped[date | None]
    status: Mapped[EmploymentStatus] = mapped_column(
        enum_column(EmploymentStatus), default=EmploymentStatus.PROBATION, index=True
    )
    status_since_on: Mapped[date | None]
    left_on: Mapped[date | None]
    # When the probation period ends (None: not on probation or not recorded) and the current labour
    # contract's end (None: open-ended or not recorded); HR's home lists those ending soon.
    probation_ends_on: Mapped[date | None] = mapped_column(index=True)
    contract_ends_on: Mapped[date | None] = mapped_column(index=True)
    daily_wage_amount: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0.00"))
    monthly_base_amount: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0.00"))
    emergency_contact_name: Mapped[str] = mapped_column(sa.String(40), default="")
    emergency_contact_phone: Mapped[str] = mapped_column(sa.String(20), default="")
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    department: Mapped[Department] = relationship()
    position: Mapped[Position | None] = relationship()
    superior: Mapped["StaffMember | None"] = relationship(remote_side=[id])
    events: Mapped[list["EmploymentEvent"]] = relationship(
        back_populates="staff", order_by="EmploymentEvent.effective_on.desc(), EmploymentEvent.id.desc()"
    )

    @validates("name_zh")
    def _keep_pinyin(self, _key, value):
        self.name_pinyin, self.name_initials = name_pinyin(value or ""), name_initials(value or "")
        return value

    @property
    def display_name(self) -> str:
        return f"{self.name_zh} ({self.name_en})" if self.name_en else self.name_zh

    @classmethod
    def numbered(cls, number: str | None) -> "StaffMember | None":
        """The staff record with this staff number (surrounding spaces ignored), or None: the one lookup forms,
        APIs and commands that name a person by number use."""
        number = (number or "").strip()
        return db.session.scalar(sa.select(cls).where(cls.staff_number == number)) if number else None

    def __repr__(self) -> str:
        return f"<StaffMember({self.staff_number!r})>"


class EmploymentEvent(db.Model):
    """A dated change in someone's employment: hire, transfer, promotion, status change, pay change.

    A pay change event carries no amount (heads see this history); the amounts are in PayRate.
    """

    __tablename__ = "employment_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id", ondelete="CASCADE"), index=True)
    kind: Mapped[EventKind] = mapped_column(enum_column(EventKind))
    effective_on: Mapped[date]
    from_department_id: Mapped[int | None] = mapped_column(sa.ForeignKey("departments.id"))
    to_department_id: Mapped[int | None] = mapped_column(sa.ForeignKey("departments.id"))
    from_position_id: Mapped[int | None] = mapped_column(sa.ForeignKey("positions.id"))
    to_position_id: Mapped[int | None] = mapped_column(sa.ForeignKey("positions.id"))
    from_status: Mapped[str] = mapped_column(sa.String(20), default="")
    to_status: Mapped[str] = mapped_column(sa.String(20), default="")
    note: Mapped[str] = mapped_column(sa.String(255), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    staff: Mapped[StaffMember] = relationship(back_populates="events")
    from_department: Mapped[Department | None] = relationship(foreign_keys=[from_department_id])
    to_department: Mapped[Department | None] = relationship(foreign_keys=[to_department_id])
    from_position: Mapped[Position | None] = relationship(foreign_keys=[from_position_id])
    to_position: Mapped[Position | None] = relationship(foreign_keys=[to_position_id])

    def __repr__(self) -> str:
        return f"<EmploymentEvent({self.kind}, staff={self.staff_id}, {self.effective_on})>"
