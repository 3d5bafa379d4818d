"""Rostering set-up: shift types, demand, company holidays, rule settings, absences and rest owed."""
import enum
from datetime import date, datetime, time
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.extensions import db
from hrapp.models.base import TimestampMixin, enum_column, utcnow
from hrapp.models.org import Department


class ShiftKind(enum.StrEnum):
    """A working shift, a rest day marker (休) or a leave marker (假)."""

    WORK = "work"
    REST = "rest"
    LEAVE = "leave"


class ShiftType(TimestampMixin, db.Model):
    """A department's shift (早班 07:00-15:00) or marker; a shift ending at or before its start ends the next day."""

    __tablename__ = "shift_types"
    __table_args__ = (
        sa.UniqueConstraint("department_id", "code", name="department_code"),
        sa.CheckConstraint("break_minutes >= 0", name="break_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id"), index=True)
    code: Mapped[str] = mapped_column(sa.String(8))
    name: Mapped[str] = mapped_column(sa.String(40))
    name_en: Mapped[str] = mapped_column(sa.String(80), default="")
    kind: Mapped[ShiftKind] = mapped_column(enum_column(ShiftKind), default=ShiftKind.WORK)
    start_time: Mapped[time | None]
    end_time: Mapped[time | None]
    break_minutes: Mapped[int] = mapped_column(default=0)
    colour: Mapped[str] = mapped_column(sa.String(7), default="#9e9e9e")
    is_night: Mapped[bool] = mapped_column(default=False)
    counts_as_workday: Mapped[bool] = mapped_column(default=True)
    is_active: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    department: Mapped[Department] = relationship()

    def __repr__(self) -> str:
        return f"<ShiftType({self.code!r}, dept={self.department_id})>"


class RosterDemand(db.Model):
    """Staff needed on a shift: a default per weekday (0 = Monday) or a figure for one date, which wins."""

    __tablename__ = "roster_demands"
    __table_args__ = (
        sa.CheckConstraint("required >= 0", name="required_not_negative"),
        sa.CheckConstraint("(weekday IS NULL) <> (on_date IS NULL)", name="weekday_or_date"),
        sa.CheckConstraint("weekday IS NULL OR (weekday >= 0 AND weekday <= 6)", name="weekday_range"),
        sa.UniqueConstraint("shift_type_id", "weekday", "on_date", name="shift_weekday_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id"), index=True)
    shift_type_id: Mapped[int] = mapped_column(sa.ForeignKey("shift_types.id", ondelete="CASCADE"))
    weekday: Mapped[int | None]
    on_date: Mapped[date | None]
    required: Mapped[int] = mapped_column(default=0)

    shift_type: Mapped[ShiftType] = relationship()


class DayKind(enum.StrEnum):
    """A company day: public holiday (休), adjusted working day (调休上班), or normal (HR cancels a library entry)."""

    HOLIDAY = "holiday"
    WORKDAY = "workday"
    NORMAL = "normal"


class HolidaySource(enum.StrEnum):
    LIBRARY = "library"  # the official schedule
    RULES = "rules"  # statutory holidays by rule, provisional until the official schedule has the year
    HR = "hr"


class CompanyHoliday(TimestampMixin, db.Model):
    """A day that differs from the Monday-Friday week; library rows are synced, HR rows are never overwritten."""

    __tablename__ = "company_holidays"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(unique=True)
    kind: Mapped[DayKind] = mapped_column(enum_column(DayKind))
    name: Mapped[str] = mapped_column(sa.String(60), default="")
    in_lieu: Mapped[bool] = mapped_column(default=False)  # a rest day moved by 调休, not a statutory holiday
    source: Mapped[HolidaySource] = mapped_column(enum_column(HolidaySource), default=HolidaySource.LIBRARY)

    def __repr__(self) -> str:
        return f"<CompanyHoliday({self.day}, {self.kind})>"


class RosterRuleSettings(TimestampMixin, db.Model):
    """One row: the company's working-time rules for rosters (defaults apply while it is absent)."""

    __tablename__ = "roster_rule_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    min_rest_minutes: Mapped[int] = mapped_column(default=660)
    max_consecutive_days: Mapped[int] = mapped_column(default=6)
    max_weekly_minutes: Mapped[int] = mapped_column(default=2640)
    # 综合计算工时制: weekly hours are averaged over the roster period instead of checked per week.
    comprehensive_hours: Mapped[bool] = mapped_column(default=False)
    soft_rules: Mapped[list] = mapped_column(sa.JSON, default=lambda: ["understaffed"])
    # Contracted working days: the company default a month (prorated by day) and how far generation may stray.
    working_days_per_month: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2), default=Decimal("21.75"))
    working_days_tolerance: Mapped[Decimal] = mapped_column(sa.Numeric(4, 2), default=Decimal("1.00"))
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}


class RosterWorkTerms(TimestampMixin, db.Model):
    """Who may work which shifts and how many days: for a position's people or one person (which wins).

    An empty field falls back: person -> position -> company rules (any shift, every day, the default days).
    """

    __tablename__ = "roster_work_terms"
    __table_args__ = (sa.CheckConstraint("(position_id IS NULL) <> (staff_id IS NULL)", name="position_or_staff"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    position_id: Mapped[int | None] = mapped_column(sa.ForeignKey("positions.id", ondelete="CASCADE"), unique=True)
    staff_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_members.id", ondelete="CASCADE"), unique=True)
    days_per_month: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    shift_codes: Mapped[list | None] = mapped_column(sa.JSON)  # work shift codes allowed; None: any
    office_days_only: Mapped[bool | None]  # only on the company's working days (Monday-Friday, 调休)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    def __repr__(self) -> str:
        return f"<RosterWorkTerms(position={self.position_id}, staff={self.staff_id})>"


class RestOwedReason(enum.StrEnum):
    WORKED_REST_DAY = "worked_rest_day"
    WORKED_HOLIDAY = "worked_holiday"
    REST_IN_LIEU = "rest_in_lieu"
    ADJUSTMENT = "adjustment"


class RestOwedEntry(db.Model):
    """One line of a person's rest-owed ledger (余假/调休), in days; the balance is the sum."""

    __tablename__ = "rest_owed_entries"
    __table_args__ = (sa.Index("ix_rest_owed_entries_staff_day", "staff_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id", ondelete="CASCADE"))
    day: Mapped[date]
    days: Mapped[Decimal] = mapped_column(sa.Numeric(5, 1))
    reason: Mapped[RestOwedReason] = mapped_column(enum_column(RestOwedReason))
    # Set for lines derived from a roster: recomputed whenever that roster changes.
    roster_id: Mapped[int | None] = mapped_column(sa.ForeignKey("rosters.id", ondelete="CASCADE"), index=True)
    note: Mapped[str] = mapped_column(sa.String(255), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
