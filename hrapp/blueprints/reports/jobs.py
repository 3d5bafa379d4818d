"""Bulk issuing in the background: a job row holds the counters, a worker fills them in.

The embedded default runs each job in a daemon thread of the web process, committing after
every document so the progress page (which polls the row) moves. To scale out, enqueue
`run_job(job_id)` on a task queue (RQ, Celery, a cron'd `flask report-jobs run`) instead of
starting a thread: the worker needs nothing but the job id and the database. A job whose
heartbeat stops for JOB_STALE_AFTER (a restarted server) is reported as failed.
"""
import logging
import threading
from datetime import timedelta

import sqlalchemy as sa
from flask import Flask, current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload, selectinload

from hrapp.blueprints.reports import services
from hrapp.blueprints.reports.access import can_issue_for
from hrapp.blueprints.reports.pki import PkiError
from hrapp.blueprints.reports.settings import job_runner
from hrapp.blueprints.reports.types import report_type
from hrapp.extensions import db
from hrapp.models import Department, EmploymentEvent, EmploymentStatus, JobStatus, ReportJob, StaffMember, User, utcnow

logger = logging.getLogger(__name__)
JOB_STALE_AFTER = timedelta(minutes=10)
MAX_MESSAGES = 20
CHUNK = 100
STAFF_CARD_KIND = "staff_card"  # the staff module's record card (found through the registry)


def create_staff_card_job(actor: User, department: Department, include_subdepartments: bool) -> ReportJob:
    """Queue the record cards of a department's current staff (sub-departments optional).

    :raise services.ReportError: `actor` may not issue documents for that department.
    """
    if not can_issue_for(actor, department=department):
        raise services.ReportError(_l("You may not issue documents for this department."))
    job = ReportJob(kind=STAFF_CARD_KIND, created_by_id=actor.id, department_id=department.id,
                    params={"include_subdepartments": include_subdepartments}, status=JobStatus.QUEUED)
    job.total = len(_staff_ids(department, include_subdepartments))
    db.session.add(job)
    db.session.flush()
    return job


def _staff_ids(department: Department, include_sub: bool) -> list[int]:
    where = Department.path.startswith(department.path) if include_sub else Department.id == department.id
    return list(db.session.scalars(
        sa.select(StaffMember.id).join(Department, StaffMember.department_id == Department.id)
        .where(where, StaffMember.status != EmploymentStatus.LEFT).order_by(StaffMember.staff_number)))


def start(job: ReportJob) -> None:
    """Run the committed `job` in a thread, or right away when REPORTS_JOB_RUNNER is "inline"."""
    if job_runner() == "inline":
        run_job(job.id)
        return
    app: Flask = current_app._get_current_object()
    threading.Thread(target=_thread_main, args=(app, job.id), daemon=True, name=f"report-job-{job.id}").start()


def _thread_main(app: Flask, job_id: int) -> None:
    with app.app_context():
        try:
            run_job(job_id)
        finally:
            db.session.remove()


def _load_staff(ids: list[int]) -> list[StaffMember]:
    """Staff with everything a record card prints, in a handful of queries."""
    events = selectinload(StaffMember.events)
    return list(db.session.scalars(sa.select(StaffMember).where(StaffMember.id.in_(ids)).options(
        joinedload(StaffMember.department), joinedload(StaffMember.position), joinedload(StaffMember.superior),
        events.joinedload(EmploymentEvent.from_department), events.joinedload(EmploymentEvent.to_department),
        events.joinedload(EmploymentEvent.from_position), events.joinedload(EmploymentEvent.to_position),
    ).order_by(StaffMember.staff_number)))


def run_job(job_id: int) -> None:
    """Issue every document of the job, one transaction each; failures are counted, not fatal."""
    job = db.session.get(ReportJob, job_id)
    if job is None or job.status != JobStatus.QUEUED:
        return
    job.status, job.started_at, job.heartbeat_at = JobStatus.RUNNING, utcnow(), utcnow()
    db.session.commit()
    session = db.session()
    expire_on_commit, session.expire_on_commit = session.expire_on_commit, False  # keep the loaded staff
    try:
        _run(job)
    finally:
        session.expire_on_commit = expire_on_commit


def _run(job: ReportJob) -> None:
    ids = _staff_ids(job.department, bool(job.params.get("include_subdepartments")))
    job.total, messages = len(ids), []
    card = report_type(STAFF_CARD_KIND)
    staff_queue = (s for start in range(0, len(ids), CHUNK) for s in _load_staff(ids[start:start + CHUNK]))
    for staff in staff_queue:
        try:
            services.issue_document(card, staff, job.created_by)
            db.session.flush()
            job.done += 1
        except Exception as exc:  # noqa: BLE001 - one bad card must not stop the job
            logger.warning("report job %s: staff %s failed: %s", job.id, staff.id, exc)
            db.session.rollback()
            job.failed += 1
            if len(messages) < MAX_MESSAGES:
                messages.append(f"{staff.staff_number}: {exc}")
            if isinstance(exc, PkiError):  # the same certificate problem would fail every card
                job.failed = job.total - job.done
                job.heartbeat_at = utcnow()
                break
        job.heartbeat_at = utcnow()
        db.session.commit()
    job.message = "\n".join(messages)
    job.status = JobStatus.FAILED if job.failed and not job.done else JobStatus.DONE
    job.finished_at = utcnow()
    db.session.commit()


def progress(job: ReportJob) -> dict:
    """The counters the progress page polls; a job with a stale heartbeat reads as failed."""
    status = job.status
    if status == JobStatus.RUNNING and job.heartbeat_at and utcnow() - job.heartbeat_at > JOB_STALE_AFTER:
        status = JobStatus.FAILED
    finished = job.done + job.failed
    return {"id": job.id, "status": status.value, "total": job.total, "done": job.done, "failed": job.failed,
            "percent": round(100 * finished / job.total) if job.total else 100,
            "finished": status in (JobStatus.DONE, JobStatus.FAILED), "message": job.message}
