"""Rosters (排班表): a department's grid of cells for a period, its tracked changes and shift swaps."""
import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.extensions import db
from hrapp.models.base import OpenKeyMixin, TimestampMixin, enum_column, utcnow
from hrapp.models.org import Department
from hrapp.models.shift import ShiftType
from hrapp.models.staff import StaffMember
from hrapp.models.user import User


class RosterStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    LOCKED = "locked"


class PeriodKind(enum.StrEnum):
    WEEK = "week"
    MONTH = "month"


class Roster(TimestampMixin, db.Model):
    """One department's roster for [starts_on, ends_on]; periods of a department never overlap.

    The unique (department, period kind, period start) constraint backs the overlap check for identical
    creations on every database; `create_roster` serialises the rest (see its docstring).

    `version_id` changes with every edit of the roster or its cells: bulk operations check it.
    """

    __tablename__ = "rosters"
    __table_args__ = (sa.CheckConstraint("ends_on >= starts_on", name="ends_after_start"),
                      sa.UniqueConstraint("department_id", "period_kind", "starts_on", name="roster_department_period"),
                      sa.Index("ix_rosters_department_period", "department_id", "starts_on", "ends_on"))

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id"))
    period_kind: Mapped[PeriodKind] = mapped_column(enum_column(PeriodKind))
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    status: Mapped[RosterStatus] = mapped_column(enum_column(RosterStatus), default=RosterStatus.DRAFT)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    published_at: Mapped[datetime | None]
    published_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    locked_at: Mapped[datetime | None]
    override_reason: Mapped[str] = mapped_column(sa.Text, default="")
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    department: Mapped[Department] = relationship(lazy="joined")  # every roster page checks its department
    cells: Mapped[list["RosterCell"]] = relationship(back_populates="roster", cascade="all, delete-orphan",
                                                     passive_deletes=True)

    def __repr__(self) -> str:
        return f"<Roster(dept={self.department_id}, {self.starts_on}..{self.ends_on}, {self.status})>"


class RosterMember(db.Model):
    """A row of a published roster: who was on it at publication, and anyone the head added since (a person
    joining the department later is not added by itself)."""

    __tablename__ = "roster_members"

    roster_id: Mapped[int] = mapped_column(sa.ForeignKey("rosters.id", ondelete="CASCADE"), primary_key=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id", ondelete="CASCADE"), primary_key=True)
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    added_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    def __repr__(self) -> str:
        return f"<RosterMember(roster={self.roster_id}, staff={self.staff_id})>"


class RosterCell(db.Model):
    """What one person works on one day of a roster; a missing cell is an empty (unplanned) day."""

    __tablename__ = "roster_cells"
    __table_args__ = (sa.UniqueConstraint("roster_id", "staff_id", "day", name="roster_staff_day"),
                      sa.Index("ix_roster_cells_staff_day", "staff_id", "day"),
                      # covers the grid's per-day staffing counts (GROUP BY day, shift type) of large rosters
                      sa.Index("ix_roster_cells_roster_day_type", "roster_id", "day", "shift_type_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    roster_id: Mapped[int] = mapped_column(sa.ForeignKey("rosters.id", ondelete="CASCADE"))
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id"))
    day: Mapped[date]
    shift_type_id: Mapped[int] = mapped_column(sa.ForeignKey("shift_types.id"))
    # Set by the head: generation keeps it as it is.
    is_fixed: Mapped[bool] = mapped_column(default=False)
    updated_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    roster: Mapped[Roster] = relationship(back_populates="cells")
    shift_type: Mapped[ShiftType] = relationship()
    staff: Mapped[StaffMember] = relationship()

    def __repr__(self) -> str:
        return f"<RosterCell(staff={self.staff_id}, {self.day}, type={self.shift_type_id})>"


class RosterChange(db.Model):
    """A change to a published roster's cell: who, when, why, the old and the new shift code."""

    __tablename__ = "roster_changes"
    __table_args__ = (sa.Index("ix_roster_changes_staff_day", "staff_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    roster_id: Mapped[int] = mapped_column(sa.ForeignKey("rosters.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id"))
    day: Mapped[date]
    old_code: Mapped[str] = mapped_column(sa.String(8), default="")
    new_code: Mapped[str] = mapped_column(sa.String(8), default="")
    reason: Mapped[str] = mapped_column(sa.String(255))
    changed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    swap_id: Mapped[int | None] = mapped_column(sa.ForeignKey("shift_swaps.id"))

    changed_by: Mapped[User | None] = relationship()


class DayOffStatus(enum.StrEnum):
    REQUESTED = "requested"  # stands: generation honours it where it can
    WITHDRAWN = "withdrawn"  # taken back by the person, their head or HR (asking again reopens the row)


class SwapStatus(enum.StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    APPROVED = "approved"
    DECLINED = "declined"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


class ShiftSwap(OpenKeyMixin, TimestampMixin, db.Model):
    """A proposed exchange: requester and partner swap their cells on requester_day and partner_day.

    proposed -> accepted (by the partner) -> approved (by the head, after a rule recheck) | rejected;
    the partner may decline and the requester cancel while it is open. Identical open proposals (same roster,
    people and days) cannot exist twice: `open_key` (OpenKeyMixin).
    """

    __tablename__ = "shift_swaps"

    id: Mapped[int] = mapped_column(primary_key=True)
    roster_id: Mapped[int] = mapped_column(sa.ForeignKey("rosters.id", ondelete="CASCADE"), index=True)
    requester_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id"), index=True)
    partner_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id"), index=True)
    requester_day: Mapped[date]
    partner_day: Mapped[date]
    status: Mapped[SwapStatus] = mapped_column(enum_column(SwapStatus), default=SwapStatus.PROPOSED)
    note: Mapped[str] = mapped_column(sa.String(255), default="")
    accepted_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str] = mapped_column(sa.String(255), default="")
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    roster: Mapped[Roster] = relationship()
    requester: Mapped[StaffMember] = relationship(foreign_keys=[requester_id])
    partner: Mapped[StaffMember] = relationship(foreign_keys=[partner_id])

    def open_key_value(self) -> str:
        return (f"{self.roster_id}:{self.requester_id}:{self.requester_day.isoformat()}:"
                f"{self.partner_id}:{self.partner_day.isoformat()}")

    def is_open(self) -> bool:
        return self.status in (SwapStatus.PROPOSED, SwapStatus.ACCEPTED)


class DayOffRequest(TimestampMixin, db.Model):
    """A person's wish to rest on a day (期望休息日), entered by them or by their head before the roster is
    published. Generation honours it where demand and the rules allow; it is not leave and promises nothing."""

    __tablename__ = "day_off_requests"
    __table_args__ = (sa.UniqueConstraint("staff_id", "day", name="day_off_staff_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(index=True)
    note: Mapped[str] = mapped_column(sa.String(200), default="")
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    # Moves through the roster's DAY_OFF_WORKFLOW (hrapp.blueprints.roster.workflow).
    status: Mapped[DayOffStatus] = mapped_column(enum_column(DayOffStatus), default=DayOffStatus.REQUESTED,
                                                 server_default=DayOffStatus.REQUESTED.value)
    version_id: Mapped[int] = mapped_column(default=1, server_default="1")

    staff: Mapped[StaffMember] = relationship()
    created_by: Mapped[User | None] = relationship()

    __mapper_args__ = {"version_id_col": version_id}

    def __repr__(self) -> str:
        return f"<DayOffRequest(staff={self.staff_id}, {self.day}, {self.status})>"


class CalendarFeedToken(db.Model):
    """A per-user secret for the ICS feed URL, stored as SHA-256; revoking it kills the URL."""

    __tablename__ = "calendar_feed_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()
