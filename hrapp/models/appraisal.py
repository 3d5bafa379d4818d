"""Appraisals (考核): templates of weighted criteria, cycles with stages and deadlines, and each person's appraisal
with its items (a copy of the template's criteria at the cycle's start, scored by self and head).

Scores are exact decimals on a 0–100 scale; weights are exact decimals summing to exactly 100 (checked on the
template and again on each appraisal). A criterion one side did not score does not count as zero: totals are
weighted over the criteria scored (appraisals/rules.py).
"""
import enum
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.core.periods import PeriodKind
from hrapp.extensions import db
from hrapp.models.base import TimestampMixin, enum_column
from hrapp.models.org import Department, Position
from hrapp.models.staff import StaffMember
from hrapp.models.user import User

WEIGHT = sa.Numeric(5, 2)  # 0.01 .. 100.00
SCORE = sa.Numeric(5, 2)  # 0.00 .. 100.00
VALUE = sa.Numeric(14, 4)  # a measured or imported value (rates, counts, minutes, money)


class CriterionKind(enum.StrEnum):
    RATING = "rating"  # a level on a scale, a descriptor per level
    KPI = "kpi"  # a number the head enters, scored by bands against a target
    METRIC = "metric"  # computed from the quarter's attendance, conduct and training records
    IMPORTED = "imported"  # a KPI loaded by CSV / XLSX or the API (customer satisfaction, sales ...)


class Metric(enum.StrEnum):
    """The system metrics a METRIC criterion reads (appraisals/metrics computes them for a period)."""

    ATTENDANCE_RATE = "attendance_rate"  # % of rostered working days attended (late/early count as attended)
    LATE_COUNT = "late_count"
    LATE_MINUTES = "late_minutes"
    ABSENCES = "absences"  # days 旷
    CONDUCT_POINTS = "conduct_points"  # performance points deducted by confirmed violations
    FINES = "fines"  # money fined by confirmed violations
    REWARDS = "rewards"  # approved rewards (count)
    TRAINING_HOURS = "training_hours"  # class hours of sessions attended (present)
    TRAINING_SCORE = "training_score"  # average score of passed attempts (% of the course's max)
    CERTIFICATES_OVERDUE = "certificates_overdue"  # expired, not superseded by a newer one


class Grade(enum.StrEnum):
    EXCELLENT = "excellent"  # 优秀
    GOOD = "good"  # 良好
    PASS = "pass"  # 合格
    NEEDS_IMPROVEMENT = "needs_improvement"  # 待改进
    FAIL = "fail"  # 不合格


class AppraisalTemplate(TimestampMixin, db.Model):
    """Weighted criteria for a position, a department (and its sub-departments) or the whole company (neither).

    `grade_bands`: [[grade, lowest total], ...] from the best grade down (rules.DEFAULT_GRADE_BANDS when empty).
    `self_assessment`: the people appraised score themselves first. `team`: a department's team appraisal.
    """

    __tablename__ = "appraisal_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(20), unique=True)
    name_zh: Mapped[str] = mapped_column(sa.String(120))
    name_en: Mapped[str] = mapped_column(sa.String(120), default="")
    department_id: Mapped[int | None] = mapped_column(sa.ForeignKey("departments.id"), index=True)
    position_id: Mapped[int | None] = mapped_column(sa.ForeignKey("positions.id"), index=True)
    self_assessment: Mapped[bool] = mapped_column(default=True)
    team: Mapped[bool] = mapped_column(default=False)
    peer_feedback: Mapped[bool] = mapped_column(default=False)  # colleagues may give anonymous feedback
    grade_bands: Mapped[list] = mapped_column(sa.JSON, default=list)
    active: Mapped[bool] = mapped_column(default=True)
    note: Mapped[str] = mapped_column(sa.Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    department: Mapped[Department | None] = relationship()
    position: Mapped[Position | None] = relationship()
    criteria: Mapped[list["Criterion"]] = relationship(back_populates="template", order_by="Criterion.sort_order",
                                                       cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"<AppraisalTemplate({self.code!r})>"


class Criterion(db.Model):
    """One weighted criterion of a template.

    RATING: `levels` the descriptors of levels 1..n (level k of n scores k/n × 100).
    KPI / METRIC / IMPORTED: `bands` [[threshold, score], ...] turn the value into a score (rules.band_score):
    with `higher_is_better` the first band whose threshold the value reaches, else the first it does not exceed.
    `target` is shown beside a KPI. METRIC reads `metric`; IMPORTED reads the cycle's imported value `kpi_code`.
    `self_scored`: part of the self-assessment (ratings and KPIs only).
    """

    __tablename__ = "appraisal_criteria"
    __table_args__ = (sa.CheckConstraint("weight > 0 AND weight <= 100", name="criterion_weight_in_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(sa.ForeignKey("appraisal_templates.id", ondelete="CASCADE"),
                                             index=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    title_zh: Mapped[str] = mapped_column(sa.String(120))
    title_en: Mapped[str] = mapped_column(sa.String(120), default="")
    description: Mapped[str] = mapped_column(sa.Text, default="")
    kind: Mapped[CriterionKind] = mapped_column(enum_column(CriterionKind))
    weight: Mapped[Decimal] = mapped_column(WEIGHT)
    levels: Mapped[list] = mapped_column(sa.JSON, default=list)
    bands: Mapped[list] = mapped_column(sa.JSON, default=list)
    target: Mapped[Decimal | None] = mapped_column(VALUE)
    unit: Mapped[str] = mapped_column(sa.String(20), default="")
    higher_is_better: Mapped[bool] = mapped_column(default=True)
    metric: Mapped[Metric | None] = mapped_column(enum_column(Metric, length=24))
    kpi_code: Mapped[str] = mapped_column(sa.String(40), default="")
    self_scored: Mapped[bool] = mapped_column(default=True)

    template: Mapped[AppraisalTemplate] = relationship(back_populates="criteria")

    def __repr__(self) -> str:
        return f"<Criterion({self.title_zh!r}, {self.kind}, {self.weight})>"


class CycleStage(enum.StrEnum):
    SETUP = "setup"
    SELF_ASSESSMENT = "self_assessment"
    HEAD_SCORING = "head_scoring"
    CALIBRATION = "calibration"
    PUBLISHED = "published"  # people acknowledge or appeal
    CLOSED = "closed"


class AppraisalCycle(TimestampMixin, db.Model):
    """A round of appraisals over a period (a quarter by default), moving through CycleStage. Each stage has a
    deadline (`*_due_on`, company local days; HR may extend them). `respond_days`: days people have after
    publication to acknowledge or appeal. The calibration guide: the share of people expected in the top
    (优秀), middle (良好 + 合格) and bottom (待改进 + 不合格) grades, in %, summing to 100."""

    __tablename__ = "appraisal_cycles"
    __table_args__ = (
        sa.CheckConstraint("last_on >= first_on", name="cycle_period_ordered"),
        sa.CheckConstraint("respond_days > 0", name="cycle_respond_days_positive"),
        sa.CheckConstraint("guide_top + guide_middle + guide_bottom = 100", name="cycle_guide_sums_to_100"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(40), unique=True)  # "2026-Q3"
    period_kind: Mapped[PeriodKind] = mapped_column(enum_column(PeriodKind), default=PeriodKind.QUARTER)
    first_on: Mapped[date]
    last_on: Mapped[date]
    stage: Mapped[CycleStage] = mapped_column(enum_column(CycleStage), default=CycleStage.SETUP, index=True)
    self_due_on: Mapped[date | None]
    head_due_on: Mapped[date | None]
    calibration_due_on: Mapped[date | None]
    respond_days: Mapped[int] = mapped_column(default=7)
    guide_top: Mapped[int] = mapped_column(default=20)
    guide_middle: Mapped[int] = mapped_column(default=70)
    guide_bottom: Mapped[int] = mapped_column(default=10)
    metrics_at: Mapped[datetime | None]  # when the system metrics were last computed
    published_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(sa.Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    appraisals: Mapped[list["Appraisal"]] = relationship(back_populates="cycle", order_by="Appraisal.id")

    def __repr__(self) -> str:
        return f"<AppraisalCycle({self.name!r}, {self.stage})>"


class Scorer(enum.StrEnum):
    """Who scores an appraisal as its head, decided when it is made."""

    HEAD = "head"  # a head of the person's department
    GENERAL_MANAGER = "general_manager"  # the person heads a department: the head of the top department
    HR = "hr"  # the person heads the top department (a general manager) or it is a team appraisal


class AppraisalStatus(enum.StrEnum):
    SELF_REVIEW = "self_review"  # waiting for the self-assessment
    HEAD_REVIEW = "head_review"  # waiting for the head's (or the general manager's) scoring
    SCORED = "scored"  # scored; in calibration, hidden from the person
    PUBLISHED = "published"  # visible; waiting for acknowledgement or appeal
    ACKNOWLEDGED = "acknowledged"
    APPEALED = "appealed"
    DECIDED = "decided"  # the appeal was decided (upheld or adjusted)


class Appraisal(TimestampMixin, db.Model):
    """One person's appraisal in a cycle (or a department's, `staff_id` None, for a team appraisal).

    Department and position are the person's at the cycle's start. `scorer`: who scores it as its head. Totals: `self_total` and `head_total` weighted
    over the criteria each side scored; `total`/`grade` the result (the head's, or calibration's when adjusted).
    """

    __tablename__ = "appraisals"
    __table_args__ = (
        sa.UniqueConstraint("cycle_id", "staff_id", name="appraisal_once_per_cycle"),
        sa.UniqueConstraint("cycle_id", "team_department_id", name="team_appraisal_once_per_cycle"),
        sa.Index("ix_appraisals_cycle_department", "cycle_id", "department_id"),
        sa.Index("ix_appraisals_staff", "staff_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(sa.ForeignKey("appraisal_cycles.id", ondelete="CASCADE"))
    staff_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_members.id"))
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id"))
    position_id: Mapped[int | None] = mapped_column(sa.ForeignKey("positions.id"))
    # A team appraisal's department (None for a person's): keeps one team appraisal per department and cycle.
    team_department_id: Mapped[int | None] = mapped_column(sa.ForeignKey("departments.id"))
    template_id: Mapped[int] = mapped_column(sa.ForeignKey("appraisal_templates.id"))
    scorer: Mapped[Scorer] = mapped_column(enum_column(Scorer, length=24), default=Scorer.HEAD)
    # The template's grade bands when the appraisal was made ([[grade, lowest total], ...]): editing the template
    # later never regrades a cycle under way or a past one.
    grade_bands: Mapped[list] = mapped_column(sa.JSON, default=list, server_default="[]")
    status: Mapped[AppraisalStatus] = mapped_column(enum_column(AppraisalStatus, length=24),
                                                    default=AppraisalStatus.SELF_REVIEW, index=True)
    self_total: Mapped[Decimal | None] = mapped_column(SCORE)
    head_total: Mapped[Decimal | None] = mapped_column(SCORE)
    total: Mapped[Decimal | None] = mapped_column(SCORE)
    grade: Mapped[Grade | None] = mapped_column(enum_column(Grade, length=24))
    self_comment: Mapped[str] = mapped_column(sa.Text, default="")
    head_comment: Mapped[str] = mapped_column(sa.Text, default="")
    self_submitted_at: Mapped[datetime | None]
    head_submitted_at: Mapped[datetime | None]
    scored_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    calibrated: Mapped[bool] = mapped_column(default=False)  # adjusted in calibration (AppraisalAdjustment rows)
    published_at: Mapped[datetime | None]
    respond_by: Mapped[date | None]  # the last day to acknowledge or appeal
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by_silence: Mapped[bool] = mapped_column(default=False)
    appeal_text: Mapped[str] = mapped_column(sa.Text, default="")
    appealed_at: Mapped[datetime | None]
    decision: Mapped[str] = mapped_column(sa.String(20), default="")  # upheld / adjusted
    decision_reason: Mapped[str] = mapped_column(sa.Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    cycle: Mapped[AppraisalCycle] = relationship(back_populates="appraisals")
    staff: Mapped[StaffMember | None] = relationship()
    department: Mapped[Department] = relationship(foreign_keys=[department_id])
    position: Mapped[Position | None] = relationship()
    template: Mapped[AppraisalTemplate] = relationship()
    scored_by: Mapped[User | None] = relationship(foreign_keys=[scored_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    items: Mapped[list["AppraisalItem"]] = relationship(back_populates="appraisal", order_by="AppraisalItem.sort_order",
                                                        cascade="all, delete-orphan")

    @property
    def is_team(self) -> bool:
        return self.staff_id is None

    def __repr__(self) -> str:
        return f"<Appraisal({self.id}, cycle={self.cycle_id}, staff={self.staff_id}, {self.status})>"


class AppraisalItem(db.Model):
    """A criterion as it stands on one appraisal (copied from the template when the appraisal is made, so editing
    the template never rewrites a past quarter), with the value measured and each side's level and score.
    A score is None where that side did not score it (not zero)."""

    __tablename__ = "appraisal_items"
    __table_args__ = (sa.UniqueConstraint("appraisal_id", "sort_order", name="appraisal_item_position_once"),
                      sa.CheckConstraint("weight > 0 AND weight <= 100", name="appraisal_item_weight_in_range"))

    id: Mapped[int] = mapped_column(primary_key=True)
    appraisal_id: Mapped[int] = mapped_column(sa.ForeignKey("appraisals.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[int | None] = mapped_column(sa.ForeignKey("appraisal_criteria.id", ondelete="SET NULL"))
    sort_order: Mapped[int] = mapped_column(default=0)
    title_zh: Mapped[str] = mapped_column(sa.String(120))
    title_en: Mapped[str] = mapped_column(sa.String(120), default="")
    kind: Mapped[CriterionKind] = mapped_column(enum_column(CriterionKind))
    weight: Mapped[Decimal] = mapped_column(WEIGHT)
    levels: Mapped[list] = mapped_column(sa.JSON, default=list)
    bands: Mapped[list] = mapped_column(sa.JSON, default=list)
    target: Mapped[Decimal | None] = mapped_column(VALUE)
    unit: Mapped[str] = mapped_column(sa.String(20), default="")
    higher_is_better: Mapped[bool] = mapped_column(default=True)
    metric: Mapped[Metric | None] = mapped_column(enum_column(Metric, length=24))
    kpi_code: Mapped[str] = mapped_column(sa.String(40), default="")
    self_scored: Mapped[bool] = mapped_column(default=True)
    value: Mapped[Decimal | None] = mapped_column(VALUE)  # the KPI / metric / imported value
    value_score: Mapped[Decimal | None] = mapped_column(SCORE)  # the score the bands give `value`
    self_level: Mapped[int | None]
    self_score: Mapped[Decimal | None] = mapped_column(SCORE)
    self_comment: Mapped[str] = mapped_column(sa.Text, default="")
    head_level: Mapped[int | None]
    head_score: Mapped[Decimal | None] = mapped_column(SCORE)
    head_comment: Mapped[str] = mapped_column(sa.Text, default="")

    appraisal: Mapped[Appraisal] = relationship(back_populates="items")

    def __repr__(self) -> str:
        return f"<AppraisalItem({self.appraisal_id}, {self.title_zh!r}, {self.weight})>"
