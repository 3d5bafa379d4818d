"""Training (培训): the course catalogue, each position's required training, sessions with enrolment and sign-in, assessment attempts, certificates with expiry, feedback, and induction assignments.

Times of a session are UTC (naive, like punches and violations); the days people see are the company's local
days (hrapp.company). Hours and scores are exact decimals; cost is money (Decimal).
"""
import enum
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.extensions import db
from hrapp.models.base import TimestampMixin, enum_column, utcnow
from hrapp.models.conduct import ConductRule
from hrapp.models.org import Department, Position
from hrapp.models.staff import StaffMember

HOURS = sa.Numeric(6, 1)
SCORE = sa.Numeric(5, 1)


class CourseCategory(enum.StrEnum):
    PRODUCT_KNOWLEDGE = "product_knowledge"  # 产品知识
    COMMUNICATION = "communication"  # 沟通技巧
    LAWS = "laws_regulations"  # 法律法规
    TEAMWORK = "teamwork"  # 团队协作
    COMPLAINTS = "complaint_handling"  # 投诉处理
    ETIQUETTE = "etiquette_grooming"  # 礼仪与仪容仪表
    SERVICE = "service_awareness"  # 服务意识
    SAFETY = "safety"  # 安全


course_rules = sa.Table(
    "training_course_rules",
    db.metadata,
    sa.Column("course_id", sa.ForeignKey("training_courses.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("rule_id", sa.ForeignKey("conduct_rules.id", ondelete="CASCADE"), primary_key=True),
)
"""The conduct rules a course is meant to improve (complaint handling -> guest complaints): its effect page counts
attendees' violations under them before and after."""


class Course(TimestampMixin, db.Model):
    """A course in the catalogue. Assessed when `pass_score` is set (out of `max_score`, `retakes` further
    attempts allowed after the first); certifying when `certificate_months` is set (a pass issues a certificate
    valid that long). `open_enrolment`: staff may enrol themselves in its sessions."""

    __tablename__ = "training_courses"
    __table_args__ = (
        sa.CheckConstraint("hours > 0", name="course_hours_positive"),
        sa.CheckConstraint("max_score > 0", name="course_max_score_positive"),
        sa.CheckConstraint("pass_score IS NULL OR (pass_score >= 0 AND pass_score <= max_score)",
                           name="course_pass_score_in_range"),
        sa.CheckConstraint("retakes >= 0", name="course_retakes_not_negative"),
        sa.CheckConstraint("certificate_months IS NULL OR certificate_months > 0", name="course_months_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(20), unique=True)
    title: Mapped[str] = mapped_column(sa.String(120))
    title_en: Mapped[str] = mapped_column(sa.String(160), default="")
    category: Mapped[CourseCategory] = mapped_column(enum_column(CourseCategory, length=24), index=True)
    description: Mapped[str] = mapped_column(sa.Text, default="")
    hours: Mapped[Decimal] = mapped_column(HOURS, default=Decimal("1.0"))
    trainer_staff_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_members.id"))
    trainer_name: Mapped[str] = mapped_column(sa.String(80), default="")  # an outside trainer
    max_score: Mapped[Decimal] = mapped_column(SCORE, default=Decimal("100"))
    pass_score: Mapped[Decimal | None] = mapped_column(SCORE)  # None: not assessed
    retakes: Mapped[int] = mapped_column(default=1)  # further attempts after the first
    certificate_months: Mapped[int | None]  # None: not certifying
    open_enrolment: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    trainer: Mapped[StaffMember | None] = relationship()
    rules: Mapped[list[ConductRule]] = relationship(secondary=course_rules, order_by=ConductRule.sort_order)

    @property
    def assessed(self) -> bool:
        return self.pass_score is not None

    @property
    def certifying(self) -> bool:
        return self.certificate_months is not None

    def __repr__(self) -> str:
        return f"<Course({self.code!r})>"


class RequiredTrainingKind(enum.StrEnum):
    """The job description's three kinds of required training."""

    INDUCTION = "induction"  # 入职培训: department business and etiquette
    PRE_POST = "pre_post"  # 岗前培训: procedures, skills, tools
    GENERAL = "general"  # 综合职业素质培训


class PositionCourse(db.Model):
    """A course a position requires: assigned to whoever is hired or transferred into it, due `due_days` later."""

    __tablename__ = "training_position_courses"
    __table_args__ = (sa.UniqueConstraint("position_id", "course_id", name="position_course_once"),
                      sa.CheckConstraint("due_days > 0", name="position_course_due_positive"))

    id: Mapped[int] = mapped_column(primary_key=True)
    position_id: Mapped[int] = mapped_column(sa.ForeignKey("positions.id", ondelete="CASCADE"), index=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("training_courses.id", ondelete="CASCADE"), index=True)
    kind: Mapped[RequiredTrainingKind] = mapped_column(enum_column(RequiredTrainingKind),
                                                      default=RequiredTrainingKind.INDUCTION)
    due_days: Mapped[int] = mapped_column(default=30)

    position: Mapped[Position] = relationship()
    course: Mapped[Course] = relationship()


class SessionStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class TrainingSession(TimestampMixin, db.Model):
    """One delivery of a course: when (UTC), where, how many seats, by whom. Attendees sign in with
    `signin_code` while the session runs; `on_roster`: the session is put on attendees' rosters as a training
    shift."""

    __tablename__ = "training_sessions"
    __table_args__ = (sa.CheckConstraint("ends_at > starts_at", name="session_ends_after_start"),
                      sa.CheckConstraint("capacity > 0", name="session_capacity_positive"),
                      sa.Index("ix_training_sessions_starts", "starts_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("training_courses.id"), index=True)
    department_id: Mapped[int | None] = mapped_column(sa.ForeignKey("departments.id"), index=True)  # None: all
    plan_item_id: Mapped[int | None] = mapped_column(sa.ForeignKey("training_plan_items.id", ondelete="SET NULL"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    place: Mapped[str] = mapped_column(sa.String(120), default="")
    capacity: Mapped[int] = mapped_column(default=20)
    # The class hours it gives those present, the course's when it was set up: records and signed documents
    # count these, so changing the course later never rewrites a past year.
    hours: Mapped[Decimal] = mapped_column(HOURS)
    trainer_staff_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_members.id"))
    trainer_name: Mapped[str] = mapped_column(sa.String(80), default="")
    status: Mapped[SessionStatus] = mapped_column(enum_column(SessionStatus), default=SessionStatus.SCHEDULED)
    signin_code: Mapped[str] = mapped_column(sa.String(8), default="")
    on_roster: Mapped[bool] = mapped_column(default=False)
    reminded_at: Mapped[datetime | None]  # the day-before reminder was sent
    note: Mapped[str] = mapped_column(sa.Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    course: Mapped[Course] = relationship()
    department: Mapped[Department | None] = relationship()
    trainer: Mapped[StaffMember | None] = relationship()
    enrolments: Mapped[list["Enrolment"]] = relationship(back_populates="session", order_by="Enrolment.id")

    def __repr__(self) -> str:
        return f"<TrainingSession({self.id}, course={self.course_id}, {self.starts_at})>"


@sa.event.listens_for(TrainingSession, "before_insert")
def _hours_of_the_course(_mapper, connection, session: TrainingSession) -> None:
    """A session set up without hours takes its course's hours of the moment."""
    if session.hours is None:
        session.hours = connection.scalar(sa.select(Course.hours).where(Course.id == session.course_id))


class EnrolmentStatus(enum.StrEnum):
    ENROLLED = "enrolled"
    WAITING = "waiting"  # on the waiting list (first come, first served by `enrolled_at`)
    CANCELLED = "cancelled"


class Presence(enum.StrEnum):
    UNMARKED = "unmarked"
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"  # absent with leave or the head's excuse


class Enrolment(TimestampMixin, db.Model):
    """A person's place in a session (or on its waiting list) and whether they came."""

    __tablename__ = "training_enrolments"
    __table_args__ = (sa.UniqueConstraint("session_id", "staff_id", name="enrolment_once"),
                      sa.Index("ix_training_enrolments_staff", "staff_id", "status"))

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(sa.ForeignKey("training_sessions.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id", ondelete="CASCADE"))
    status: Mapped[EnrolmentStatus] = mapped_column(enum_column(EnrolmentStatus), default=EnrolmentStatus.ENROLLED)
    enrolled_at: Mapped[datetime] = mapped_column(default=utcnow)
    enrolled_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    self_enrolled: Mapped[bool] = mapped_column(default=False)
    presence: Mapped[Presence] = mapped_column(enum_column(Presence), default=Presence.UNMARKED)
    signed_in_at: Mapped[datetime | None]
    signed_in_with_code: Mapped[bool] = mapped_column(default=False)  # False: marked by the trainer / HR
    marked_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    invited_at: Mapped[datetime | None]
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    session: Mapped[TrainingSession] = relationship(back_populates="enrolments")
    staff: Mapped[StaffMember] = relationship()


class Attempt(TimestampMixin, db.Model):
    """One assessment attempt: a score out of the course's maximum, passed against its pass mark. `number` counts
    the person's attempts at the course (1 is the first; at most 1 + the course's retakes)."""

    __tablename__ = "training_attempts"
    __table_args__ = (sa.UniqueConstraint("staff_id", "course_id", "number", name="attempt_number_once"),
                      sa.CheckConstraint("score >= 0", name="attempt_score_not_negative"),
                      sa.CheckConstraint("number >= 1", name="attempt_number_positive"))

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id", ondelete="CASCADE"), index=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("training_courses.id"), index=True)
    session_id: Mapped[int] = mapped_column(sa.ForeignKey("training_sessions.id"), index=True)
    number: Mapped[int] = mapped_column(default=1)
    score: Mapped[Decimal] = mapped_column(SCORE)
    max_score: Mapped[Decimal] = mapped_column(SCORE)  # the course's at the time
    pass_score: Mapped[Decimal] = mapped_column(SCORE)  # the course's at the time
    passed: Mapped[bool] = mapped_column(default=False)
    taken_on: Mapped[date]
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    staff: Mapped[StaffMember] = relationship()
    course: Mapped[Course] = relationship()
    session: Mapped[TrainingSession] = relationship()
    certificate: Mapped["Certificate | None"] = relationship(back_populates="attempt", uselist=False)


class Certificate(TimestampMixin, db.Model):
    """What a passed attempt at a certifying course earns: numbered, valid until `expires_on` (None: no expiry).
    The signed certificate PDF is issued from the attempt through the report registry."""

    __tablename__ = "training_certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(sa.String(30), unique=True)
    attempt_id: Mapped[int] = mapped_column(sa.ForeignKey("training_attempts.id", ondelete="CASCADE"), unique=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id", ondelete="CASCADE"), index=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("training_courses.id"), index=True)
    issued_on: Mapped[date]
    expires_on: Mapped[date | None] = mapped_column(index=True)
    reminded_30_at: Mapped[datetime | None]
    reminded_7_at: Mapped[datetime | None]
    superseded: Mapped[bool] = mapped_column(default=False)  # a later certificate of the same course replaced it

    attempt: Mapped[Attempt] = relationship(back_populates="certificate")
    staff: Mapped[StaffMember] = relationship()
    course: Mapped[Course] = relationship()


class FeedbackRating(enum.IntEnum):
    """The sources' five-level scale, 5 best."""

    VERY_SATISFIED = 5  # 高度满意
    SATISFIED = 4  # 一般满意
    NEUTRAL = 3  # 无意见
    SOMEWHAT_DISSATISFIED = 2  # 有些不满意
    VERY_DISSATISFIED = 1  # 极不满意


class Feedback(db.Model):
    """An attendee's rating of a session and a short comment (once per enrolment)."""

    __tablename__ = "training_feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(sa.ForeignKey("training_enrolments.id", ondelete="CASCADE"),
                                              unique=True)
    session_id: Mapped[int] = mapped_column(sa.ForeignKey("training_sessions.id", ondelete="CASCADE"), index=True)
    rating: Mapped[int]  # FeedbackRating
    comment: Mapped[str] = mapped_column(sa.String(500), default="")
    given_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (sa.CheckConstraint("rating BETWEEN 1 AND 5", name="feedback_rating_range"),)

    enrolment: Mapped[Enrolment] = relationship()


class InductionReason(enum.StrEnum):
    HIRE = "hire"
    TRANSFER = "transfer"


class InductionStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"  # attended (and passed, where assessed)
    WAIVED = "waived"  # HR waived it with a reason


class InductionAssignment(TimestampMixin, db.Model):
    """A required course assigned to a person on hire or on a transfer into a position, due by `due_on`."""

    __tablename__ = "training_inductions"
    __table_args__ = (sa.UniqueConstraint("staff_id", "position_id", "course_id", name="induction_once"),
                      sa.Index("ix_training_inductions_open", "status", "due_on"))

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("staff_members.id", ondelete="CASCADE"), index=True)
    position_id: Mapped[int] = mapped_column(sa.ForeignKey("positions.id", ondelete="CASCADE"))
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("training_courses.id", ondelete="CASCADE"))
    kind: Mapped[RequiredTrainingKind] = mapped_column(enum_column(RequiredTrainingKind))
    reason: Mapped[InductionReason] = mapped_column(enum_column(InductionReason))
    assigned_on: Mapped[date]
    due_on: Mapped[date]
    status: Mapped[InductionStatus] = mapped_column(enum_column(InductionStatus), default=InductionStatus.OPEN)
    completed_on: Mapped[date | None]
    waived_reason: Mapped[str] = mapped_column(sa.String(255), default="")
    version_id: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version_id}

    staff: Mapped[StaffMember] = relationship()
    position: Mapped[Position] = relationship()
    course: Mapped[Course] = relationship()


__all__ = ["Attempt", "Certificate", "Course", "CourseCategory", "Enrolment", "EnrolmentStatus", "Feedback",
           "FeedbackRating", "InductionAssignment", "InductionReason", "InductionStatus", "PositionCourse", "Presence",
           "RequiredTrainingKind", "SessionStatus", "TrainingSession", "course_rules"]
