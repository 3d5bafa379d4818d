"""Attendance (考勤): time clocks, clock punches from every source, device user ids, the windows that tie punches to
rostered shifts, and the reconciled person-day.

A punch is stored once: the unique (clock_id, punched_at) refuses the same punch delivered again (a replayed
batch, a re-imported file, the same person on two terminals in the same second). `clock_id` is what the person is
known as to clocks: the staff number by default, or their `DeviceUserId` override; a punch whose id maps to no
one keeps `staff_id` NULL and waits in HR's list of unmapped ids. Times are naive UTC like every timestamp here;
`AttendanceDay.day` is the company's local date (Asia/Shanghai by default), never a UTC date.
"""
import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.extensions import db
from hrapp.models.base import OpenKeyMixin, TimestampMixin, enum_column, utcnow
from hrapp.models.shift import ShiftType
from hrapp.models.staff import StaffMember


class PunchSource(enum.StrEnum):
    WEB = "web"  # the staff member's punch button
    DEVICE = "device"  # a terminal pushing over the ZKTeco ADMS protocol (/iclock)
    FILE = "file"  # an imported device export
    API = "api"  # POST /api/v1/attendance/punches
    CORRECTION = "correction"  # a missing punch supplied by a correction (补卡)
    DEMO = "demo"


class PunchState(enum.IntEnum):
    """The terminal's punch state (ATTLOG's status column); 255 means the terminal does not say."""

    CHECK_IN = 0
    CHECK_OUT = 1
    BREAK_OUT = 2
    BREAK_IN = 3
    OVERTIME_IN = 4
    OVERTIME_OUT = 5
    UNDEFINED = 255


class AttendanceDevice(TimestampMixin, db.Model):
    """A registered time clock (or integration): only registered serial numbers may deliver punches.

    `timezone` is the zone of the device's clock (its lines carry local times without a zone). `token_hash` is
    the SHA-256 of the token an integration presents to the punches API (None: none issued). The stamps are
    what the device last delivered (the handshake hands them back so it resumes there).
    """

    __tablename__ = "attendance_devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(sa.String(64), unique=True)
    name: Mapped[str] = mapped_column(sa.String(80), default="")
    timezone: Mapped[str] = mapped_column(sa.String(64), default="Asia/Shanghai")
    department_id: Mapped[int | None] = mapped_column(sa.ForeignKey("departments.id"))
    active: Mapped[bool] = mapped_column(default=True)
    token_hash: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    last_seen_at: Mapped[datetime | None]
    last_seen_ip: Mapped[str] = mapped_column(sa.String(45), default="")
    attlog_stamp: Mapped[str] = mapped_column(sa.String(20), default="0")
    operlog_stamp: Mapped[str] = mapped_column(sa.String(20), default="0")
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    def __repr__(self) -> str:
        return f"<AttendanceDevice({self.serial!r})>"


class DeviceUserId(db.Model):
    """A person's id on the clocks when it is not their staff number (one per person, unique across people)."""

    __tablename__ = "attendance_device_user_ids"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id", ondelete="CASCADE"), unique=True)
    clock_id: Mapped[str] = mapped_column(sa.String(32), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    staff: Mapped[StaffMember] = relationship()


class Punch(db.Model):
    """One clock punch, stored once, with where it came from and the device's raw line."""

    __tablename__ = "attendance_punches"
    __table_args__ = (sa.UniqueConstraint("clock_id", "punched_at", name="punch_once"),
                      sa.Index("ix_attendance_punches_staff_time", "staff_id", "punched_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    clock_id: Mapped[str] = mapped_column(sa.String(32))  # the id the clock knows the person by
    staff_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_members.id"))  # None: unmapped id
    punched_at: Mapped[datetime]  # UTC
    source: Mapped[PunchSource] = mapped_column(enum_column(PunchSource))
    device_id: Mapped[int | None] = mapped_column(sa.ForeignKey("attendance_devices.id"), index=True)
    state: Mapped[int] = mapped_column(default=PunchState.UNDEFINED)
    verify_mode: Mapped[int | None]
    raw_line: Mapped[str] = mapped_column(sa.Text, default="")
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))  # web, file, correction
    note: Mapped[str] = mapped_column(sa.String(255), default="")
    # HR set the punch aside (a wrong punch: someone else's finger, a test): kept, never read by reconciliation.
    excluded_at: Mapped[datetime | None]
    # who set it aside (no foreign key: adding one would rebuild this large table on SQLite; the audit row has it)
    excluded_by_id: Mapped[int | None]
    exclude_reason: Mapped[str] = mapped_column(sa.String(255), default="", server_default="")

    staff: Mapped[StaffMember | None] = relationship()
    device: Mapped[AttendanceDevice | None] = relationship()

    def __repr__(self) -> str:
        return f"<Punch({self.clock_id!r}, {self.punched_at}, {self.source})>"


class PenaltyRoute(enum.StrEnum):
    """How lateness, leaving early and absence cost money: never both ways for the same minutes."""

    CONDUCT = "conduct"  # proposed violations under the code of conduct (fines); the payroll export deducts nothing
    PAYROLL = "payroll"  # the payroll export deducts the minutes; no violations are proposed


class AttendanceSettings(TimestampMixin, db.Model):
    """One row: the company's attendance policy and the default windows every shift type starts from."""

    __tablename__ = "attendance_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Web punching only from these networks (CIDRs, one per line; empty: from anywhere).
    web_punch_networks: Mapped[str] = mapped_column(sa.Text, default="")
    checkin_opens_minutes: Mapped[int] = mapped_column(default=120)  # how early before the start a check-in counts
    checkout_closes_minutes: Mapped[int] = mapped_column(default=360)  # how late after the end a check-out counts
    grace_minutes: Mapped[int] = mapped_column(default=5)
    half_day_minutes: Mapped[int] = mapped_column(default=120)  # late or early beyond this: half a day missed
    overtime_needs_approval: Mapped[bool] = mapped_column(default=True)
    overtime_minimum_minutes: Mapped[int] = mapped_column(default=30)
    corrections_per_month: Mapped[int] = mapped_column(default=3)
    penalties_via: Mapped[PenaltyRoute] = mapped_column(enum_column(PenaltyRoute), default=PenaltyRoute.CONDUCT)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}


class ShiftWindow(db.Model):
    """A shift type's own windows where they differ from the company's (None: the company's setting)."""

    __tablename__ = "attendance_shift_windows"

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_type_id: Mapped[int] = mapped_column(sa.ForeignKey("shift_types.id", ondelete="CASCADE"), unique=True)
    checkin_opens_minutes: Mapped[int | None]
    checkout_closes_minutes: Mapped[int | None]
    grace_minutes: Mapped[int | None]
    half_day_minutes: Mapped[int | None]
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    shift_type: Mapped[ShiftType] = relationship()


class DayStatus(enum.StrEnum):
    """What a reconciled person-day came to (the sheet's marks: √ 迟 早 旷 假 休 加 缺)."""

    PRESENT = "present"  # √ on time
    LATE = "late"  # 迟
    EARLY = "early"  # 早 left early
    LATE_AND_EARLY = "late_and_early"
    ABSENT = "absent"  # 旷 no punch, no approved leave
    MISSING_PUNCH = "missing_punch"  # 缺 one of the two punches missing
    LEAVE = "leave"  # 假
    REST = "rest"  # 休 rostered rest, no punch
    REST_WORKED = "rest_worked"  # 加 worked a rest day or holiday
    PENDING = "pending"  # the check-out window is still open
    UNROSTERED = "unrostered"  # punches on a day without a roster cell


class AttendanceDay(db.Model):
    """The reconciled result of one person's local day: re-reconciling replaces it (one row per person and day)."""

    __tablename__ = "attendance_days"
    __table_args__ = (sa.UniqueConstraint("staff_id", "day", name="attendance_day_once"),
                      # A range of days counted by department, shift and status from the index alone (the charts,
                      # the attendance rates); any lookup by day uses it too.
                      sa.Index("ix_attendance_days_day_counts", "day", "department_id", "shift_type_id", "status",
                               "late_minutes"))

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id"))
    day: Mapped[date]  # the company's local date the shift starts on
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id"))
    shift_type_id: Mapped[int | None] = mapped_column(sa.ForeignKey("shift_types.id"))
    status: Mapped[DayStatus] = mapped_column(enum_column(DayStatus))
    late_minutes: Mapped[int] = mapped_column(default=0)
    early_minutes: Mapped[int] = mapped_column(default=0)
    worked_minutes: Mapped[int] = mapped_column(default=0)
    overtime_minutes: Mapped[int] = mapped_column(default=0)
    overtime_approved: Mapped[bool] = mapped_column(default=False)
    in_punch_id: Mapped[int | None] = mapped_column(sa.ForeignKey("attendance_punches.id"))
    out_punch_id: Mapped[int | None] = mapped_column(sa.ForeignKey("attendance_punches.id"))
    flags: Mapped[list] = mapped_column(sa.JSON, default=list)  # e.g. ["overtime_day_over_3h"]
    reconciled_at: Mapped[datetime] = mapped_column(default=utcnow)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    staff: Mapped[StaffMember] = relationship()
    shift_type: Mapped[ShiftType | None] = relationship()
    in_punch: Mapped[Punch | None] = relationship(foreign_keys=[in_punch_id])
    out_punch: Mapped[Punch | None] = relationship(foreign_keys=[out_punch_id])

    def __repr__(self) -> str:
        return f"<AttendanceDay(staff={self.staff_id}, {self.day}, {self.status})>"



class CorrectionKind(enum.StrEnum):
    MISSING_IN = "missing_in"  # the check-in punch is missing
    MISSING_OUT = "missing_out"  # the check-out punch is missing


class CorrectionStatus(enum.StrEnum):
    PENDING = "pending"  # waiting for the head
    ACCEPTED = "accepted"  # the punch was supplied (Punch.source CORRECTION)
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class AttendanceCorrection(OpenKeyMixin, TimestampMixin, db.Model):
    """A correction (补卡): a person explains a missing punch on a local day and the head accepts or rejects it;
    HR may correct directly (`by_hr`, with a reason). Accepting stores the punch (`punch_id`) through the punch
    store, which re-reconciles the day. One open (pending) correction per person, day and kind (`open_key`)."""

    __tablename__ = "attendance_corrections"
    __table_args__ = (sa.Index("ix_attendance_corrections_staff_day", "staff_id", "day"),
                      sa.UniqueConstraint("requested_by_id", "idempotency_key", name="correction_idempotency_key"))

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id", ondelete="CASCADE"))
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id"), index=True)
    day: Mapped[date]  # the local day whose punch is missing
    kind: Mapped[CorrectionKind] = mapped_column(enum_column(CorrectionKind))
    punched_at: Mapped[datetime]  # the claimed time, UTC
    reason: Mapped[str] = mapped_column(sa.String(500), default="")
    status: Mapped[CorrectionStatus] = mapped_column(enum_column(CorrectionStatus), default=CorrectionStatus.PENDING,
                                                     index=True)
    by_hr: Mapped[bool] = mapped_column(default=False)
    requested_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str] = mapped_column(sa.String(500), default="")
    punch_id: Mapped[int | None] = mapped_column(sa.ForeignKey("attendance_punches.id"))
    idempotency_key: Mapped[str | None] = mapped_column(sa.String(80))  # the API's Idempotency-Key
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    staff: Mapped[StaffMember] = relationship()
    punch: Mapped[Punch | None] = relationship()

    def open_key_value(self) -> str:
        return f"{self.staff_id}:{self.day.isoformat()}:{self.kind}"

    def is_open(self) -> bool:
        return self.status == CorrectionStatus.PENDING

    def __repr__(self) -> str:
        return f"<AttendanceCorrection(staff={self.staff_id}, {self.day}, {self.kind}, {self.status})>"


class OvertimeApproval(db.Model):
    """A head's (or HR's) approval of a person-day's overtime, up to `minutes`: where the company says overtime
    needs approval, reconciliation counts the day's overtime as approved while it stays within them. Kept apart
    from the reconciled day so re-reconciling never loses it."""

    __tablename__ = "attendance_overtime_approvals"
    __table_args__ = (sa.UniqueConstraint("staff_id", "day", name="overtime_approval_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id", ondelete="CASCADE"))
    day: Mapped[date]  # the local day of the AttendanceDay
    minutes: Mapped[int]
    note: Mapped[str] = mapped_column(sa.String(255), default="")
    approved_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    approved_at: Mapped[datetime] = mapped_column(default=utcnow)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    staff: Mapped[StaffMember] = relationship()
