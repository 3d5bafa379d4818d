"""What comes into and out of an appraisal: imported KPI values, calibration adjustments, anonymous peer feedback,
outcomes (a reward proposal, a training need, an improvement plan) and the reminders `tick` has sent."""
import enum
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.extensions import db
from hrapp.models.appraisal import SCORE, VALUE, Appraisal, AppraisalCycle, Grade
from hrapp.models.base import TimestampMixin, enum_column, utcnow
from hrapp.models.staff import StaffMember
from hrapp.models.user import User


class KpiSource(enum.StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    API = "api"
    WEB = "web"


class KpiImport(db.Model):
    """One load of imported KPI values into a cycle (a file or an API call); `idempotency_key` makes a repeated
    API call a no-op."""

    __tablename__ = "appraisal_kpi_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(sa.ForeignKey("appraisal_cycles.id", ondelete="CASCADE"), index=True)
    source: Mapped[KpiSource] = mapped_column(enum_column(KpiSource))
    filename: Mapped[str] = mapped_column(sa.String(255), default="")
    row_count: Mapped[int] = mapped_column(default=0)
    idempotency_key: Mapped[str | None] = mapped_column(sa.String(80), unique=True)
    imported_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)

    cycle: Mapped[AppraisalCycle] = relationship()
    imported_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<KpiImport({self.id}, cycle={self.cycle_id}, {self.source}, rows={self.row_count})>"


class KpiValue(db.Model):
    """A person's value of an imported KPI (`kpi_code`, e.g. "csat") in a cycle; a later import replaces it."""

    __tablename__ = "appraisal_kpi_values"
    __table_args__ = (sa.UniqueConstraint("cycle_id", "staff_id", "kpi_code", name="kpi_value_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(sa.ForeignKey("appraisal_cycles.id", ondelete="CASCADE"))
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id"), index=True)
    kpi_code: Mapped[str] = mapped_column(sa.String(40))
    value: Mapped[Decimal] = mapped_column(VALUE)
    import_id: Mapped[int | None] = mapped_column(sa.ForeignKey("appraisal_kpi_imports.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    staff: Mapped[StaffMember] = relationship()
    kpi_import: Mapped[KpiImport | None] = relationship()

    def __repr__(self) -> str:
        return f"<KpiValue(cycle={self.cycle_id}, staff={self.staff_id}, {self.kpi_code}={self.value})>"


class AppraisalAdjustment(db.Model):
    """A change to a result in calibration (or by an appeal's decision), with its required reason."""

    __tablename__ = "appraisal_adjustments"

    id: Mapped[int] = mapped_column(primary_key=True)
    appraisal_id: Mapped[int] = mapped_column(sa.ForeignKey("appraisals.id", ondelete="CASCADE"), index=True)
    from_total: Mapped[Decimal | None] = mapped_column(SCORE)
    to_total: Mapped[Decimal] = mapped_column(SCORE)
    from_grade: Mapped[Grade | None] = mapped_column(enum_column(Grade, length=24))
    to_grade: Mapped[Grade] = mapped_column(enum_column(Grade, length=24))
    reason: Mapped[str] = mapped_column(sa.Text)
    by_appeal: Mapped[bool] = mapped_column(default=False)
    adjusted_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    adjusted_at: Mapped[datetime] = mapped_column(default=utcnow)

    appraisal: Mapped[Appraisal] = relationship()
    adjusted_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<AppraisalAdjustment({self.appraisal_id}, {self.from_total} -> {self.to_total})>"


class PeerFeedback(db.Model):
    """A colleague's anonymous feedback on an appraisal: who gave it is kept only so nobody gives it twice, and is
    never shown."""

    __tablename__ = "appraisal_peer_feedback"
    __table_args__ = (sa.UniqueConstraint("appraisal_id", "reviewer_staff_id", name="peer_feedback_once"),
                      sa.CheckConstraint("rating IS NULL OR (rating >= 1 AND rating <= 5)",
                                         name="peer_feedback_rating_in_range"))

    id: Mapped[int] = mapped_column(primary_key=True)
    appraisal_id: Mapped[int] = mapped_column(sa.ForeignKey("appraisals.id", ondelete="CASCADE"), index=True)
    reviewer_staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id"))
    rating: Mapped[int | None]
    comment: Mapped[str] = mapped_column(sa.Text, default="")
    given_at: Mapped[datetime] = mapped_column(default=utcnow)

    appraisal: Mapped[Appraisal] = relationship()

    def __repr__(self) -> str:
        return f"<PeerFeedback({self.appraisal_id})>"


class OutcomeKind(enum.StrEnum):
    REWARD = "reward"  # a reward proposal into the code of conduct
    TRAINING = "training"  # a training need into the training plan
    IMPROVEMENT = "improvement"  # an improvement plan with goals and a review date


class OutcomeStatus(enum.StrEnum):
    SUGGESTED = "suggested"  # by the company's rules; HR confirms or dismisses
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


class AppraisalOutcome(TimestampMixin, db.Model):
    """What follows from a result: suggested by the company's rules (appraisals/rules.py), confirmed by HR, which
    creates the reward proposal, the training need or the improvement plan it links to."""

    __tablename__ = "appraisal_outcomes"
    __table_args__ = (sa.UniqueConstraint("appraisal_id", "kind", name="appraisal_outcome_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    appraisal_id: Mapped[int] = mapped_column(sa.ForeignKey("appraisals.id", ondelete="CASCADE"), index=True)
    kind: Mapped[OutcomeKind] = mapped_column(enum_column(OutcomeKind))
    status: Mapped[OutcomeStatus] = mapped_column(enum_column(OutcomeStatus), default=OutcomeStatus.SUGGESTED)
    reason: Mapped[str] = mapped_column(sa.Text, default="")  # why it is suggested
    reward_id: Mapped[int | None] = mapped_column(sa.ForeignKey("rewards.id", ondelete="SET NULL"))
    training_need_id: Mapped[int | None] = mapped_column(sa.ForeignKey("training_needs.id", ondelete="SET NULL"))
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str] = mapped_column(sa.Text, default="")
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    appraisal: Mapped[Appraisal] = relationship()

    def __repr__(self) -> str:
        return f"<AppraisalOutcome({self.appraisal_id}, {self.kind}, {self.status})>"


class ImprovementStatus(enum.StrEnum):
    OPEN = "open"
    MET = "met"
    NOT_MET = "not_met"


class ImprovementPlan(TimestampMixin, db.Model):
    """An improvement plan (绩效改进计划) after a weak result: goals, a review date, and the review's outcome."""

    __tablename__ = "appraisal_improvement_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    appraisal_id: Mapped[int] = mapped_column(sa.ForeignKey("appraisals.id", ondelete="CASCADE"), unique=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id"), index=True)
    goals: Mapped[str] = mapped_column(sa.Text)
    review_on: Mapped[date]
    status: Mapped[ImprovementStatus] = mapped_column(enum_column(ImprovementStatus), default=ImprovementStatus.OPEN)
    review_note: Mapped[str] = mapped_column(sa.Text, default="")
    reviewed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    appraisal: Mapped[Appraisal] = relationship()
    staff: Mapped[StaffMember] = relationship()

    def __repr__(self) -> str:
        return f"<ImprovementPlan({self.appraisal_id}, review {self.review_on}, {self.status})>"


class AppraisalReminder(db.Model):
    """A reminder `tick` sent (`key`: "self_due", "head_overdue", ...): the unique key makes each one go once,
    however often or concurrently `tick` runs."""

    __tablename__ = "appraisal_reminders"
    __table_args__ = (sa.UniqueConstraint("cycle_id", "appraisal_id", "key", name="appraisal_reminder_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(sa.ForeignKey("appraisal_cycles.id", ondelete="CASCADE"))
    appraisal_id: Mapped[int] = mapped_column(sa.ForeignKey("appraisals.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(sa.String(40))
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)

    def __repr__(self) -> str:
        return f"<AppraisalReminder({self.appraisal_id}, {self.key})>"
