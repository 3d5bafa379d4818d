"""Background work: the one job row every long task shares, and the lease each `tick` task holds while it runs."""
import enum
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.extensions import db
from hrapp.models.base import enum_column, utcnow

if TYPE_CHECKING:
    from hrapp.models.user import User


class JobStatus(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class Job(db.Model):
    """A long task run by the configured runner (hrapp.core.jobs): its function's registered `name`,
    its parameters, progress counters, messages and a heartbeat the pages poll and `tick` checks."""

    __tablename__ = "jobs"
    __table_args__ = (sa.Index("ix_jobs_status_heartbeat", "status", "heartbeat_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(80), index=True)  # a key of some Module.jobs
    status: Mapped[JobStatus] = mapped_column(enum_column(JobStatus), default=JobStatus.QUEUED)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    params: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    label: Mapped[str] = mapped_column(sa.String(160), default="")  # what it works on, for people
    total: Mapped[int] = mapped_column(default=0)
    done: Mapped[int] = mapped_column(default=0)
    failed: Mapped[int] = mapped_column(default=0)
    message: Mapped[str] = mapped_column(sa.Text, default="")
    result: Mapped[dict | None] = mapped_column(sa.JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    heartbeat_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]

    created_by: Mapped["User | None"] = relationship()

    def __repr__(self) -> str:
        return f"<Job({self.id}, {self.name!r}, {self.status}, {self.done}/{self.total})>"


class TickLease(db.Model):
    """One row per `tick` task: who holds it until when (so two ticks never run it at once), and
    how its last run went (for the admin health view)."""

    __tablename__ = "tick_leases"

    task: Mapped[str] = mapped_column(sa.String(80), primary_key=True)
    holder: Mapped[str | None] = mapped_column(sa.String(80))
    expires_at: Mapped[datetime | None]
    last_started_at: Mapped[datetime | None]
    last_finished_at: Mapped[datetime | None]
    last_count: Mapped[int | None]
    last_ok: Mapped[bool | None]
    last_error: Mapped[str] = mapped_column(sa.Text, default="")

    def __repr__(self) -> str:
        return f"<TickLease({self.task!r}, holder={self.holder!r})>"
