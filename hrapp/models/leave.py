"""Leave (请假): the types HR edits (PRC defaults), each person's yearly entitlements, requests on the shared
workflow, and the blackout periods a department sets.

A `LeaveRequest` is the one notion of leave: the roster reads approved requests as absences (a shift on such a
day is a breach), reconciliation marks the day 假, the monthly sheet counts it by type. Days are local dates;
`days` is the leave the request uses (working days, or calendar days where the type counts them; halves allowed).
"""
import enum
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.extensions import db
from hrapp.models.base import TimestampMixin, enum_column
from hrapp.models.org import Department
from hrapp.models.staff import StaffMember
from hrapp.models.user import User

LEAVE_DAYS = sa.Numeric(5, 1)  # leave is counted in half days


class LeaveBalanceKind(enum.StrEnum):
    """Where a type's days come from."""

    ENTITLEMENT = "entitlement"  # a yearly entitlement (annual leave): LeaveEntitlement rows
    REST_OWED = "rest_owed"  # the roster's rest-owed ledger (调休: compensatory rest)
    NONE = "no_balance"  # no balance; `max_days` caps one request (marriage, bereavement, maternity, ...)


class LeaveType(TimestampMixin, db.Model):
    """A kind of leave HR edits; `code` is stable (the defaults' codes are what migrations and rules know)."""

    __tablename__ = "leave_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(20), unique=True)
    name: Mapped[str] = mapped_column(sa.String(40))
    name_en: Mapped[str] = mapped_column(sa.String(80), default="")
    paid: Mapped[bool] = mapped_column(default=True)
    balance_kind: Mapped[LeaveBalanceKind] = mapped_column(enum_column(LeaveBalanceKind),
                                                           default=LeaveBalanceKind.NONE)
    # Annual leave: the statutory days by cumulative years of service (5 / 10 / 15) unless this fixes them.
    yearly_days: Mapped[Decimal | None] = mapped_column(LEAVE_DAYS)
    max_days: Mapped[Decimal | None] = mapped_column(LEAVE_DAYS)  # one request at most (None: no cap)
    counts_calendar_days: Mapped[bool] = mapped_column(default=False)  # maternity: every day counts
    half_days: Mapped[bool] = mapped_column(default=True)
    needs_hr_approval: Mapped[bool] = mapped_column(default=False)  # after the head, HR approves too
    note_after_days: Mapped[Decimal | None] = mapped_column(LEAVE_DAYS)  # sick: a note (attachment) beyond this
    ignores_blackouts: Mapped[bool] = mapped_column(default=False)  # sick, bereavement, maternity, injury
    carry_over_cap: Mapped[Decimal] = mapped_column(LEAVE_DAYS, default=Decimal("0"))  # days into next year
    carry_over_months: Mapped[int] = mapped_column(default=3)  # carried days expire after this many months
    active: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    def __repr__(self) -> str:
        return f"<LeaveType({self.code!r})>"


class LeaveEntitlement(TimestampMixin, db.Model):
    """One person's days of one type for one calendar year: granted (prorated for a new hire), carried over
    from the year before (usable until `carry_expires_on`) and adjusted by HR (with a reason, audited)."""

    __tablename__ = "leave_entitlements"
    __table_args__ = (sa.UniqueConstraint("staff_id", "leave_type_id", "year", name="leave_entitlement_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id", ondelete="CASCADE"), index=True)
    leave_type_id: Mapped[int] = mapped_column(sa.ForeignKey("leave_types.id"))
    year: Mapped[int]
    granted_days: Mapped[Decimal] = mapped_column(LEAVE_DAYS, default=Decimal("0"))
    carried_days: Mapped[Decimal] = mapped_column(LEAVE_DAYS, default=Decimal("0"))
    carry_expires_on: Mapped[date | None]
    adjusted_days: Mapped[Decimal] = mapped_column(LEAVE_DAYS, default=Decimal("0"))
    note: Mapped[str] = mapped_column(sa.String(255), default="")  # how the grant was worked out
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    staff: Mapped[StaffMember] = relationship()
    leave_type: Mapped[LeaveType] = relationship()


class LeaveStatus(enum.StrEnum):
    PENDING = "pending"  # waiting for the head
    AWAITING_HR = "awaiting_hr"  # the head approved; the type needs HR too
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"  # the person withdrew it before a decision
    CANCELLED = "cancelled"  # approved, then cancelled before it started


OPEN_LEAVE = (LeaveStatus.PENDING, LeaveStatus.AWAITING_HR, LeaveStatus.APPROVED)  # count against balances


class LeaveRequest(TimestampMixin, db.Model):
    """A request for leave from `starts_on` to `ends_on` (inclusive, local dates), half days at either end.

    Approved leave is what the roster, reconciliation and the sheet read. Cut short after it started, it keeps
    the original end in `original_ends_on` and `ends_on` becomes the last day taken (`days` recomputed).
    """

    __tablename__ = "leave_requests"
    __table_args__ = (sa.CheckConstraint("ends_on >= starts_on", name="leave_ends_after_start"),
                      sa.Index("ix_leave_requests_staff_dates", "staff_id", "starts_on", "ends_on"),
                      sa.UniqueConstraint("requested_by_id", "idempotency_key", name="leave_idempotency_key"))

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id", ondelete="CASCADE"))
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id"), index=True)
    leave_type_id: Mapped[int] = mapped_column(sa.ForeignKey("leave_types.id"))
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    starts_afternoon: Mapped[bool] = mapped_column(default=False)  # the first day is a half (afternoon) day
    ends_at_noon: Mapped[bool] = mapped_column(default=False)  # the last day is a half (morning) day
    days: Mapped[Decimal] = mapped_column(LEAVE_DAYS, default=Decimal("0"))
    reason: Mapped[str] = mapped_column(sa.String(500), default="")
    status: Mapped[LeaveStatus] = mapped_column(enum_column(LeaveStatus), default=LeaveStatus.PENDING, index=True)
    requested_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))  # the head (or HR for a head)
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str] = mapped_column(sa.String(500), default="")
    hr_decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    hr_decided_at: Mapped[datetime | None]
    cancelled_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    cancelled_at: Mapped[datetime | None]
    cancel_note: Mapped[str] = mapped_column(sa.String(500), default="")
    original_ends_on: Mapped[date | None]  # cut short after it started
    idempotency_key: Mapped[str | None] = mapped_column(sa.String(80))  # the API's Idempotency-Key (per requester)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    staff: Mapped[StaffMember] = relationship()
    department: Mapped[Department] = relationship()
    leave_type: Mapped[LeaveType] = relationship()
    requested_by: Mapped[User | None] = relationship(foreign_keys=[requested_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    hr_decided_by: Mapped[User | None] = relationship(foreign_keys=[hr_decided_by_id])

    def __repr__(self) -> str:
        return f"<LeaveRequest(staff={self.staff_id}, {self.starts_on}..{self.ends_on}, {self.status})>"


class LeaveBlackout(TimestampMixin, db.Model):
    """A period a department (None: the whole company) takes no leave (peak season), except the types that
    ignore blackouts."""

    __tablename__ = "leave_blackouts"
    __table_args__ = (sa.CheckConstraint("ends_on >= starts_on", name="blackout_ends_after_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int | None] = mapped_column(sa.ForeignKey("departments.id", ondelete="CASCADE"),
                                                      index=True)
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    reason: Mapped[str] = mapped_column(sa.String(255), default="")
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    department: Mapped[Department | None] = relationship()


__all__ = ["LEAVE_DAYS", "OPEN_LEAVE", "LeaveBalanceKind", "LeaveBlackout", "LeaveEntitlement", "LeaveRequest",
           "LeaveStatus", "LeaveType"]
