"""Training plans (年度培训计划): each department's yearly plan by quarter, and the training needs plans draw on
(raised by appraisals, quality monitoring or by hand)."""
import enum
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.extensions import db
from hrapp.models.base import TimestampMixin, enum_column
from hrapp.models.org import Department
from hrapp.models.staff import MONEY, StaffMember
from hrapp.models.training import HOURS, Course
from hrapp.models.user import User


class PlanStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"  # waiting for HR
    APPROVED = "approved"
    RETURNED = "returned"  # HR sent it back with a reason; editable again


class TrainingPlan(TimestampMixin, db.Model):
    """A department's yearly plan (年度培训计划): items by quarter, budget hours and cost; approved by HR."""

    __tablename__ = "training_plans"
    __table_args__ = (sa.UniqueConstraint("department_id", "year", name="training_plan_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id"), index=True)
    year: Mapped[int]
    status: Mapped[PlanStatus] = mapped_column(enum_column(PlanStatus), default=PlanStatus.DRAFT, index=True)
    budget_hours: Mapped[Decimal] = mapped_column(HOURS, default=Decimal("0"))
    budget_cost: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0.00"))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    submitted_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    submitted_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str] = mapped_column(sa.String(500), default="")
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    department: Mapped[Department] = relationship()
    items: Mapped[list["PlanItem"]] = relationship(back_populates="plan", cascade="all, delete-orphan",
                                                   order_by="(PlanItem.quarter, PlanItem.id)")
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])

    def __repr__(self) -> str:
        return f"<TrainingPlan(dept={self.department_id}, {self.year}, {self.status})>"


class PlanSource(enum.StrEnum):
    """Where a plan item came from."""

    REQUIRED = "required"  # positions' required training (job descriptions)
    NEW_HIRES = "new_hires"  # induction of the year's expected new hires
    NEED = "need"  # training needs raised (appraisals, quality monitoring)
    FREE = "free"  # entered by hand


class PlanItem(db.Model):
    """One line of a plan: a course (or a free title) in a quarter, for about `people` people."""

    __tablename__ = "training_plan_items"
    __table_args__ = (sa.CheckConstraint("quarter BETWEEN 1 AND 4", name="plan_item_quarter"),
                      sa.CheckConstraint("people >= 0", name="plan_item_people"))

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(sa.ForeignKey("training_plans.id", ondelete="CASCADE"), index=True)
    course_id: Mapped[int | None] = mapped_column(sa.ForeignKey("training_courses.id"))
    title: Mapped[str] = mapped_column(sa.String(160), default="")  # a free entry's title (or a note)
    quarter: Mapped[int] = mapped_column(default=1)
    source: Mapped[PlanSource] = mapped_column(enum_column(PlanSource), default=PlanSource.FREE)
    people: Mapped[int] = mapped_column(default=0)
    hours: Mapped[Decimal] = mapped_column(HOURS, default=Decimal("0"))  # per person
    cost: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0.00"))
    note: Mapped[str] = mapped_column(sa.String(255), default="")
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    plan: Mapped[TrainingPlan] = relationship(back_populates="items")
    course: Mapped[Course | None] = relationship()


class NeedSource(enum.StrEnum):
    APPRAISAL = "appraisal"  # an appraisal's outcome
    QUALITY = "quality"  # quality monitoring (complaints, inspections)
    MANUAL = "manual"  # raised by a head or HR


class NeedStatus(enum.StrEnum):
    OPEN = "open"
    PLANNED = "planned"  # taken into a plan item
    DISMISSED = "dismissed"


class TrainingNeed(TimestampMixin, db.Model):
    """A training need found for a person (or a whole department when `staff_id` is None): what plans draw on."""

    __tablename__ = "training_needs"
    __table_args__ = (sa.Index("training_need_source_once", "source_key", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id"), index=True)
    staff_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_members.id", ondelete="CASCADE"), index=True)
    course_id: Mapped[int | None] = mapped_column(sa.ForeignKey("training_courses.id"))
    topic: Mapped[str] = mapped_column(sa.String(160), default="")
    source: Mapped[NeedSource] = mapped_column(enum_column(NeedSource), default=NeedSource.MANUAL)
    source_ref: Mapped[str] = mapped_column(sa.String(80), default="")  # e.g. "appraisal:123"
    # "source|ref|staff|course" when a module raised it with a reference (None otherwise): the same reference
    # raises one need, however often and however many requests at once.
    source_key: Mapped[str | None] = mapped_column(sa.String(200))
    status: Mapped[NeedStatus] = mapped_column(enum_column(NeedStatus), default=NeedStatus.OPEN, index=True)
    plan_item_id: Mapped[int | None] = mapped_column(sa.ForeignKey("training_plan_items.id", ondelete="SET NULL"))
    raised_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    department: Mapped[Department] = relationship()
    staff: Mapped[StaffMember | None] = relationship()
    course: Mapped[Course | None] = relationship()


__all__ = ["NeedSource", "NeedStatus", "PlanItem", "PlanSource", "PlanStatus", "TrainingNeed", "TrainingPlan"]
