"""Code of conduct (奖惩制度): the versioned catalogue of penalty and reward rules, violations, rewards, other
disciplinary measures on a person's history, the monthly ledger's resolutions and the module's settings.

A rule (`ConductRule`) is a stable code ("2-4"); what it says and what it costs live in `ConductRuleVersion`
rows. HR's edit adds a version; a violation or reward points at the version it was recorded under, so it keeps
the rule text and amounts of that day. Amount columns are Decimal (yuan, 2 places); performance points are
Decimal with one place.
"""
import enum
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.extensions import db
from hrapp.models.base import TimestampMixin, enum_column, utcnow
from hrapp.models.org import Department
from hrapp.models.staff import MONEY, StaffMember
from hrapp.models.user import User

POINTS = sa.Numeric(5, 1)


class RuleCategory(enum.StrEnum):
    PENALTY = "penalty"
    REWARD = "reward"


class RuleKind(enum.StrEnum):
    """How a rule sets its amount (code_of_conduct.yaml's kinds; `handbook` is the lateness tiers)."""

    FINE_RANGE = "fine_range"  # the recorder picks within [min, max]
    FINE_MIN = "fine_min"  # at least min; above the company cap a second approver is needed
    DAILY_WAGE_MULTIPLE = "daily_wage_multiple"  # factor × the person's daily wage on that day
    AMOUNT_MULTIPLE = "amount_multiple"  # factor × an amount involved, entered with the violation
    COMPENSATION = "compensation"  # the cost of the damage, entered with the violation
    DISMISSAL = "dismissal"  # no fine; dismissal
    HANDBOOK = "handbook"  # the company's lateness / early-leaving tiers by minutes (`tiers`)
    WARNING = "warning_only"  # a warning only, no amount (not "warning": that is Measure.WARNING, labelled apart)
    # Rewards
    COMMENDATION = "commendation"  # 表彰, no amount
    BONUS = "bonus"  # 奖金: an amount in [min, max] (max optional)
    PROMOTION = "promotion"  # 晋升推荐, no amount


class PenaltyForm(enum.StrEnum):
    """Whether a penalty rule is a fine, a performance-point deduction for the appraisal (绩效扣分), or both."""

    FINE = "fine"
    POINTS = "points"
    BOTH = "both"


class Measure(enum.StrEnum):
    """Outcomes beyond money: a rule's serious case, an escalation step, a measure on the staff history."""

    NONE = "none"
    WARNING = "warning"  # 口头警告
    WRITTEN_WARNING = "written_warning"  # 书面警告
    FINAL_WARNING = "final_warning"  # 最后警告
    DEMOTION = "demotion"  # 降职
    TRANSFER = "transfer"  # 调岗
    UNPAID_SUSPENSION = "unpaid_suspension"  # 停薪留职
    DISMISSAL_REVIEW = "dismissal_review"  # 辞退审查
    DISMISSAL = "dismissal"  # 辞退/开除


class ConductRule(TimestampMixin, db.Model):
    """A catalogue entry's identity: its code and whether it may be used for new records."""

    __tablename__ = "conduct_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(20), unique=True)
    category: Mapped[RuleCategory] = mapped_column(enum_column(RuleCategory), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    versions: Mapped[list["ConductRuleVersion"]] = relationship(
        back_populates="rule", order_by="ConductRuleVersion.number.desc()")

    @property
    def current(self) -> "ConductRuleVersion | None":
        """The version in force (the highest number); list pages load it with a query instead."""
        return self.versions[0] if self.versions else None

    def __repr__(self) -> str:
        return f"<ConductRule({self.code!r})>"


class ConductRuleVersion(db.Model):
    """What a rule says and costs from `effective_at` on; never edited once a record points at it.

    `ladder` is the repeat-offence escalation: a list of steps `{"occurrence": 2, "multiplier": "2",
    "measure": "written_warning", "points": "2"}` applied to the nth occurrence of the rule for the same person
    within `lookback_days` (the last step applies to every later occurrence). `tiers` (kind handbook) are the
    lateness / early-leaving bands: `{"from_minutes": 1, "to_minutes": 15, "amount": "20", "points": "1"}`
    (`to_minutes` null: open-ended). Money and points in the JSON are decimal strings.
    """

    __tablename__ = "conduct_rule_versions"
    __table_args__ = (sa.UniqueConstraint("rule_id", "number", name="conduct_rule_version_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rule_id: Mapped[int] = mapped_column(sa.ForeignKey("conduct_rules.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(default=1)
    title_zh: Mapped[str] = mapped_column(sa.Text)
    title_en: Mapped[str] = mapped_column(sa.Text, default="")
    kind: Mapped[RuleKind] = mapped_column(enum_column(RuleKind, length=24))
    form: Mapped[PenaltyForm] = mapped_column(enum_column(PenaltyForm), default=PenaltyForm.FINE)
    min_amount: Mapped[Decimal | None] = mapped_column(MONEY)
    max_amount: Mapped[Decimal | None] = mapped_column(MONEY)
    factor: Mapped[Decimal | None] = mapped_column(sa.Numeric(6, 2))
    points: Mapped[Decimal | None] = mapped_column(POINTS)  # performance points deducted (or awarded)
    serious_measure: Mapped[Measure] = mapped_column(enum_column(Measure), default=Measure.NONE)
    lookback_days: Mapped[int | None]
    ladder: Mapped[list] = mapped_column(sa.JSON, default=list)
    tiers: Mapped[list] = mapped_column(sa.JSON, default=list)
    note: Mapped[str] = mapped_column(sa.Text, default="")
    effective_at: Mapped[datetime] = mapped_column(default=utcnow)
    change_reason: Mapped[str] = mapped_column(sa.String(255), default="")
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    rule: Mapped[ConductRule] = relationship(back_populates="versions")

    def title(self, locale: str = "zh") -> str:
        """The rule's text in `locale` (English falls back to Chinese when not given)."""
        return self.title_en if locale.startswith("en") and self.title_en else self.title_zh

    def __repr__(self) -> str:
        return f"<ConductRuleVersion(rule={self.rule_id}, v{self.number}, {self.kind})>"


class ViolationState(enum.StrEnum):
    PROPOSED = "proposed"  # proposed by another module (attendance) for the head to confirm or dismiss
    DISMISSED = "dismissed"  # a proposal the head dismissed
    DRAFT = "draft"
    SUBMITTED = "submitted"  # the person is notified and may acknowledge or appeal until `respond_by`
    ACKNOWLEDGED = "acknowledged"
    APPEALED = "appealed"
    REFERRED = "referred"  # HR asked the general manager to decide the appeal
    AWAITING_SECOND = "awaiting_second"  # above the company cap: a second approver must confirm
    FINAL = "final"
    VOID = "void"


class RecordSource(enum.StrEnum):
    WEB = "web"
    API = "api"
    ATTENDANCE = "attendance"
    DEMO = "demo"


class Violation(TimestampMixin, db.Model):
    """One recorded breach of a penalty rule by one person, with the amount and measure it carries.

    `number` is the human reference the API, the notice and the CLI use ("V2026-000123"). `department_id` is
    the person's department when it happened (the head who may see it). `occurrence` is the nth time within the
    rule's look-back window, and `ladder_measure` / `ladder_multiplier` the escalation step applied.
    `ledger_month` ("2026-05") is the month whose ledger carries the amount (normally the month it happened;
    HR may defer it). A proposal from another module carries `source` and `source_ref` (unique together).
    """

    __tablename__ = "violations"
    __table_args__ = (
        sa.UniqueConstraint("source", "source_ref", name="violation_source_ref"),
        sa.UniqueConstraint("recorded_by_id", "idempotency_key", name="violation_idempotency_key"),
        sa.Index("ix_violations_department_occurred", "department_id", "occurred_at"),
        sa.Index("ix_violations_staff_rule_occurred", "staff_id", "rule_id", "occurred_at"),
        # A month's violations in a state, counted per department and rule version from the index alone (the
        # ledger's sums, the charts).
        sa.Index("ix_violations_month_state_department", "ledger_month", "state", "department_id", "rule_version_id"),
        # A month's deductions per person from the index alone (the guard rail's flagged people: HR's home, the close).
        sa.Index("ix_violations_month_state_staff_amount", "ledger_month", "state", "staff_id", "amount"),
        # The review queue's count and its oldest (HR's home) from the index alone.
        sa.Index("ix_violations_state_updated", "state", "updated_at"),
        # A month's list in time order (HR's list, the API): walked in index order, no sort of the month.
        sa.Index("ix_violations_ledger_month_occurred", "ledger_month", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(sa.String(20), unique=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id"), index=True)
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id"))
    rule_id: Mapped[int] = mapped_column(sa.ForeignKey("conduct_rules.id"))
    rule_version_id: Mapped[int] = mapped_column(sa.ForeignKey("conduct_rule_versions.id"))
    occurred_at: Mapped[datetime]  # UTC
    place: Mapped[str] = mapped_column(sa.String(120), default="")
    description: Mapped[str] = mapped_column(sa.Text, default="")
    witnesses: Mapped[str] = mapped_column(sa.String(255), default="")
    serious: Mapped[bool] = mapped_column(default=False)
    amount_involved: Mapped[Decimal | None] = mapped_column(MONEY)  # amount_multiple / compensation input
    minutes: Mapped[int | None]  # handbook tiers input (minutes late / early)
    amount: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0.00"))  # the fine, after escalation
    points: Mapped[Decimal] = mapped_column(POINTS, default=Decimal("0.0"))
    measure: Mapped[Measure] = mapped_column(enum_column(Measure), default=Measure.NONE)
    occurrence: Mapped[int] = mapped_column(default=1)
    ladder_multiplier: Mapped[Decimal] = mapped_column(sa.Numeric(6, 2), default=Decimal("1"))
    ledger_month: Mapped[str] = mapped_column(sa.String(7))
    state: Mapped[ViolationState] = mapped_column(enum_column(ViolationState), default=ViolationState.DRAFT,
                                                  index=True)
    source: Mapped[RecordSource] = mapped_column(enum_column(RecordSource), default=RecordSource.WEB)
    source_ref: Mapped[str | None] = mapped_column(sa.String(80))
    idempotency_key: Mapped[str | None] = mapped_column(sa.String(80))
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    submitted_at: Mapped[datetime | None]
    respond_by: Mapped[date | None]  # the last day to acknowledge or appeal
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by_silence: Mapped[bool] = mapped_column(default=False)
    appeal_text: Mapped[str] = mapped_column(sa.Text, default="")
    appealed_at: Mapped[datetime | None]
    decision: Mapped[str] = mapped_column(sa.String(20), default="")  # confirmed / adjusted / voided / upheld ...
    decision_reason: Mapped[str] = mapped_column(sa.Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    second_approver_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    staff: Mapped[StaffMember] = relationship()
    department: Mapped[Department] = relationship()
    rule: Mapped[ConductRule] = relationship()
    rule_version: Mapped[ConductRuleVersion] = relationship()
    recorded_by: Mapped[User | None] = relationship(foreign_keys=[recorded_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    second_approver: Mapped[User | None] = relationship(foreign_keys=[second_approver_id])

    def __repr__(self) -> str:
        return f"<Violation({self.number!r}, {self.state})>"


class RewardState(enum.StrEnum):
    DRAFT = "draft"
    PROPOSED = "proposed"  # waiting for HR or the general manager
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Reward(TimestampMixin, db.Model):
    """A reward proposed by a head (or HR) for one person under a reward rule: a commendation, a bonus
    (`amount`) or a promotion recommendation; approved by HR or the general manager."""

    __tablename__ = "rewards"
    __table_args__ = (
        sa.UniqueConstraint("proposed_by_id", "idempotency_key", name="reward_idempotency_key"),
        sa.Index("ix_rewards_department_awarded", "department_id", "awarded_on"),
        sa.Index("ix_rewards_ledger_month", "ledger_month", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(sa.String(20), unique=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id"), index=True)
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id"))
    rule_id: Mapped[int] = mapped_column(sa.ForeignKey("conduct_rules.id"))
    rule_version_id: Mapped[int] = mapped_column(sa.ForeignKey("conduct_rule_versions.id"))
    kind: Mapped[RuleKind] = mapped_column(enum_column(RuleKind, length=24))  # commendation / bonus / promotion
    awarded_on: Mapped[date]
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    amount: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0.00"))
    points: Mapped[Decimal] = mapped_column(POINTS, default=Decimal("0.0"))
    ledger_month: Mapped[str] = mapped_column(sa.String(7))
    state: Mapped[RewardState] = mapped_column(enum_column(RewardState), default=RewardState.DRAFT, index=True)
    source: Mapped[RecordSource] = mapped_column(enum_column(RecordSource), default=RecordSource.WEB)
    idempotency_key: Mapped[str | None] = mapped_column(sa.String(80))
    proposed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    decision_reason: Mapped[str] = mapped_column(sa.Text, default="")
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    staff: Mapped[StaffMember] = relationship()
    department: Mapped[Department] = relationship()
    rule: Mapped[ConductRule] = relationship()
    rule_version: Mapped[ConductRuleVersion] = relationship()
    proposed_by: Mapped[User | None] = relationship(foreign_keys=[proposed_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])

    def __repr__(self) -> str:
        return f"<Reward({self.number!r}, {self.state})>"


class DisciplinaryMeasure(db.Model):
    """A measure on a person's history (warning, demotion, transfer, unpaid suspension, dismissal), usually
    the outcome of a violation. An unpaid suspension covers [starts_on, ends_on]; rostering the person inside it
    is a hard breach. A dismissal records the leaving on the staff record."""

    __tablename__ = "disciplinary_measures"
    __table_args__ = (sa.CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="measure_ends_after_start"),
                      sa.Index("ix_disciplinary_measures_staff_starts", "staff_id", "starts_on"))

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id"))
    kind: Mapped[Measure] = mapped_column(enum_column(Measure))
    starts_on: Mapped[date]
    ends_on: Mapped[date | None]
    violation_id: Mapped[int | None] = mapped_column(sa.ForeignKey("violations.id"), index=True)
    note: Mapped[str] = mapped_column(sa.Text, default="")
    revoked_at: Mapped[datetime | None]
    revoked_reason: Mapped[str] = mapped_column(sa.String(255), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    staff: Mapped[StaffMember] = relationship()
    violation: Mapped[Violation | None] = relationship()
    recorded_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<DisciplinaryMeasure({self.kind}, staff={self.staff_id}, {self.starts_on})>"


class LedgerResolutionKind(enum.StrEnum):
    ADJUSTED = "adjusted"  # HR lowered amounts (the violations carry the new amounts)
    DEFERRED = "deferred"  # HR moved amounts to the next month (the violations carry the new ledger month)
    OVERRIDE = "override"  # HR accepts the month as it is, with a reason


class LedgerResolution(db.Model):
    """How HR resolved a person's month flagged by the legal guard rail (deductions over 20% of the month's
    wage, or leaving less than the local minimum wage). One per person and month; the close checks it."""

    __tablename__ = "conduct_ledger_resolutions"
    __table_args__ = (sa.UniqueConstraint("staff_id", "month", name="ledger_resolution_staff_month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id"))
    month: Mapped[str] = mapped_column(sa.String(7), index=True)
    kind: Mapped[LedgerResolutionKind] = mapped_column(enum_column(LedgerResolutionKind))
    reason: Mapped[str] = mapped_column(sa.Text)
    deductions_amount: Mapped[Decimal] = mapped_column(MONEY)  # what the month deducted when resolved
    resolved_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    resolved_at: Mapped[datetime] = mapped_column(default=utcnow)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    staff: Mapped[StaffMember] = relationship()
    resolved_by: Mapped[User | None] = relationship()


class ConductSettings(TimestampMixin, db.Model):
    """One row: the company's conduct policy (defaults when none was saved)."""

    __tablename__ = "conduct_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    respond_days: Mapped[int] = mapped_column(default=3)  # days to acknowledge or appeal; silence acknowledges
    # A fine above this needs a second approver (None: no cap).
    second_approval_above_amount: Mapped[Decimal | None] = mapped_column(MONEY, default=Decimal("500.00"))
    # The legal guard rail: deductions at most this share of the month's wage (0.20).
    max_deduction_share: Mapped[Decimal] = mapped_column(sa.Numeric(4, 2), default=Decimal("0.20"))
    fines_enabled: Mapped[bool] = mapped_column(default=True)  # off: penalties are points only
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}
