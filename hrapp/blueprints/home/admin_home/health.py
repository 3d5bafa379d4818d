"""What the administrator's health page reads: the tick's leases, the job queue, the time clocks, the failed
outward deliveries (one statement each, the counts grouped) and the report-signing certificate (files)."""
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from hrapp.blueprints.notifications.outward.services import failed_delivery_count
from hrapp.blueprints.reports.pki import DEFAULT_SIGNER, PkiError, load_credentials
from hrapp.blueprints.reports.settings import pki_settings
from hrapp.core.tick import last_runs, registered_tasks
from hrapp.extensions import db
from hrapp.models import AttendanceDevice, Job, JobStatus, TickLease

from . import rules

RECENT_FAILURES = 5


@dataclass(frozen=True)
class TickState:
    """Every registered tick task with its lease row (None: never run), and when a tick last finished."""

    tasks: list[tuple[str, TickLease | None]]
    last_finished_at: datetime | None
    is_late: bool


@dataclass(frozen=True)
class SigningCertificate:
    """The default signer's certificate: its subject and expiry, or the problem that stops signing."""

    subject: str
    not_after: datetime | None
    days_left: int | None
    problem: str
    state: str


def tick_state(now: datetime) -> TickState:
    """The tick's tasks, the registered ones first (in module order), then leases of tasks no longer declared."""
    leases = {lease.task: lease for lease in last_runs()}
    names = [task.name for task in registered_tasks()]
    tasks = [(name, leases.get(name)) for name in names] + [(n, lease) for n, lease in leases.items() if n not in names]
    finished = [lease.last_finished_at for lease in leases.values() if lease.last_finished_at is not None]
    last = max(finished, default=None)
    return TickState(tasks, last, rules.is_late(last, now, rules.TICK_LATE))


def job_counts() -> dict[JobStatus, int]:
    """Job status -> how many (every status, zero included)."""
    counted = dict(db.session.execute(sa.select(Job.status, sa.func.count()).group_by(Job.status)).all())
    return {status: counted.get(status, 0) for status in JobStatus}


def recent_failed_jobs() -> list[Job]:
    return list(db.session.scalars(sa.select(Job).where(Job.status == JobStatus.FAILED)
                                   .order_by(Job.finished_at.desc().nulls_last(), Job.id.desc()).limit(RECENT_FAILURES)))


def devices(now: datetime) -> list[tuple[AttendanceDevice, bool]]:
    """The active time clocks, longest silent first, each with whether it is stale."""
    found = db.session.scalars(sa.select(AttendanceDevice).where(AttendanceDevice.active.is_(True))
                               .order_by(AttendanceDevice.last_seen_at.asc().nulls_first(), AttendanceDevice.serial))
    return [(device, rules.is_late(device.last_seen_at, now, rules.DEVICE_STALE)) for device in found]


def failed_deliveries() -> int:
    """The outward deliveries that gave up (the outward module's own count, one statement)."""
    return failed_delivery_count()


def signing_certificate(now: datetime) -> SigningCertificate:
    """(`now`: naive UTC, as stored.) The default signer's certificate as the reports load it; a missing or invalid one is a problem stated,
    never an error."""
    aware = now.replace(tzinfo=UTC)  # the PKI compares with the certificates' aware times
    try:
        cert = load_credentials(pki_settings(), DEFAULT_SIGNER, aware).cert
    except (PkiError, OSError, ValueError) as exc:
        return SigningCertificate("", None, None, str(exc), rules.certificate_state(None))
    days = rules.days_left(cert.not_valid_after_utc, aware)
    return SigningCertificate(cert.subject.rfc4514_string(), cert.not_valid_after_utc, days, "",
                              rules.certificate_state(days))
