"""Company settings, departments (a tree), positions and versioned job descriptions."""
import enum
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.extensions import db
from hrapp.models.base import TimestampMixin, enum_column
from hrapp.models.user import department_heads

if TYPE_CHECKING:
    from hrapp.models.user import User


class CompanySettings(TimestampMixin, db.Model):
    """One row: the company's name, timezone, currency and pay policy (hrapp.core.pay.PayPolicy)."""

    __tablename__ = "company_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120), default="")
    timezone: Mapped[str] = mapped_column(sa.String(64), default="Asia/Shanghai")
    currency: Mapped[str] = mapped_column(sa.String(3), default="CNY")
    # The local monthly minimum wage; None: not set, no check.
    minimum_monthly_wage_amount: Mapped[Decimal | None] = mapped_column(sa.Numeric(10, 2))
    # Paid days per month for the daily wage (21.75, the statutory figure).
    paid_days_per_month: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2), default=Decimal("21.75"),
                                                         server_default="21.75")
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    def __repr__(self) -> str:
        return f"<CompanySettings({self.name!r})>"


class Department(TimestampMixin, db.Model):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(20), unique=True)
    name: Mapped[str] = mapped_column(sa.String(80))
    name_en: Mapped[str] = mapped_column(sa.String(80), default="")
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("departments.id"))
    # Materialised path "/1/4/9/": a subtree is one indexed LIKE query.
    path: Mapped[str] = mapped_column(sa.String(255), index=True, default="/")
    planned_headcount: Mapped[int] = mapped_column(default=0)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    parent: Mapped["Department | None"] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list["Department"]] = relationship(back_populates="parent", order_by="Department.code")
    heads: Mapped[list["User"]] = relationship(secondary=department_heads, back_populates="headed_departments")

    def __repr__(self) -> str:
        return f"<Department({self.code!r})>"


class Position(TimestampMixin, db.Model):
    __tablename__ = "positions"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(20), unique=True)
    name: Mapped[str] = mapped_column(sa.String(80))
    name_en: Mapped[str] = mapped_column(sa.String(80), default="")
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id"), index=True)
    superior_position_id: Mapped[int | None] = mapped_column(sa.ForeignKey("positions.id"))
    job_family: Mapped[str] = mapped_column(sa.String(40), default="")
    grade: Mapped[str] = mapped_column(sa.String(20), default="")
    headcount: Mapped[int] = mapped_column(default=0)
    # 综合计算工时制: the position's hours are measured over the period (lateness and overtime not per day).
    comprehensive_hours: Mapped[bool] = mapped_column(default=False)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    department: Mapped[Department] = relationship()
    superior_position: Mapped["Position | None"] = relationship(remote_side=[id], back_populates="subordinate_positions")
    subordinate_positions: Mapped[list["Position"]] = relationship(back_populates="superior_position")
    descriptions: Mapped[list["JobDescription"]] = relationship(
        back_populates="position", order_by="JobDescription.version.desc()"
    )

    def __repr__(self) -> str:
        return f"<Position({self.code!r})>"


class JobDescriptionStatus(enum.StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    SUPERSEDED = "superseded"


JOB_DESCRIPTION_TEXT_FIELDS = (
    "summary", "duties",
    "authority_financial", "authority_personnel", "authority_business",
    "education_required", "education_ideal", "experience_required", "experience_ideal",
    "knowledge_required", "knowledge_ideal", "competencies_required", "competencies_ideal",
    "special_requirements",
    "training_induction", "training_pre_post", "training_general",
    "career_next", "career_interchangeable",
)


class JobDescription(TimestampMixin, db.Model):
    """One version of a position's 岗位说明书; approved versions are never edited."""

    __tablename__ = "job_descriptions"
    __table_args__ = (sa.UniqueConstraint("position_id", "version", name="position_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    position_id: Mapped[int] = mapped_column(sa.ForeignKey("positions.id"), index=True)
    version: Mapped[int]
    status: Mapped[JobDescriptionStatus] = mapped_column(
        enum_column(JobDescriptionStatus), default=JobDescriptionStatus.DRAFT
    )
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    duties: Mapped[str] = mapped_column(sa.Text, default="")
    authority_financial: Mapped[str] = mapped_column(sa.Text, default="")
    authority_personnel: Mapped[str] = mapped_column(sa.Text, default="")
    authority_business: Mapped[str] = mapped_column(sa.Text, default="")
    education_required: Mapped[str] = mapped_column(sa.Text, default="")
    education_ideal: Mapped[str] = mapped_column(sa.Text, default="")
    experience_required: Mapped[str] = mapped_column(sa.Text, default="")
    experience_ideal: Mapped[str] = mapped_column(sa.Text, default="")
    knowledge_required: Mapped[str] = mapped_column(sa.Text, default="")
    knowledge_ideal: Mapped[str] = mapped_column(sa.Text, default="")
    competencies_required: Mapped[str] = mapped_column(sa.Text, default="")
    competencies_ideal: Mapped[str] = mapped_column(sa.Text, default="")
    special_requirements: Mapped[str] = mapped_column(sa.Text, default="")
    training_induction: Mapped[str] = mapped_column(sa.Text, default="")
    training_pre_post: Mapped[str] = mapped_column(sa.Text, default="")
    training_general: Mapped[str] = mapped_column(sa.Text, default="")
    career_next: Mapped[str] = mapped_column(sa.Text, default="")
    career_interchangeable: Mapped[str] = mapped_column(sa.Text, default="")
    analysis_on: Mapped[date | None]
    approved_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    approved_on: Mapped[date | None]
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    position: Mapped[Position] = relationship(back_populates="descriptions")
    approved_by: Mapped["User | None"] = relationship()

    def __repr__(self) -> str:
        return f"<JobDescription(position={self.position_id}, v{self.version}, {self.status})>"
