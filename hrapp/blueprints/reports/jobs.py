"""Bulk issuing of record cards: a job function on the shared job interface (hrapp.core.jobs).

`create_staff_card_job` queues the job row; `run_staff_cards` is what the runner (a thread, RQ's
worker or inline in tests) executes, committing after every document so the progress page moves.
"""
import logging

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload, selectinload

from hrapp.blueprints.reports import services
from hrapp.blueprints.reports.access import can_issue_for
from hrapp.blueprints.reports.pki import PkiError
from hrapp.blueprints.reports.types import report_type
from hrapp.core import jobs
from hrapp.extensions import db
from hrapp.models import Department, EmploymentEvent, EmploymentStatus, Job, JobStatus, StaffMember, User

logger = logging.getLogger(__name__)
STAFF_CARDS_JOB = "reports.staff_cards"
MAX_MESSAGES = 20
CHUNK = 100
STAFF_CARD_KIND = "staff_card"  # the staff module's record card (found through the registry)


def create_staff_card_job(actor: User, department: Department, include_subdepartments: bool) -> Job:
    """Queue the record cards of a department's current staff (sub-departments optional); never commits.

    :raise services.ReportError: `actor` may not issue documents for that department.
    """
    if not can_issue_for(actor, department=department):
        raise services.ReportError(_l("You may not issue documents for this department."))
    params = {"department_id": department.id, "include_subdepartments": include_subdepartments}
    return jobs.enqueue(STAFF_CARDS_JOB, params, actor, label=department.name,
                        total=len(_staff_ids(department, include_subdepartments)))


def _staff_ids(department: Department, include_sub: bool) -> list[int]:
    where = Department.path.startswith(department.path) if include_sub else Department.id == department.id
    return list(db.session.scalars(
        sa.select(StaffMember.id).join(Department, StaffMember.department_id == Department.id)
        .where(where, StaffMember.status != EmploymentStatus.LEFT).order_by(StaffMember.staff_number)))


def _load_staff(ids: list[int]) -> list[StaffMember]:
    """Staff with everything a record card prints, in a handful of queries."""
    events = selectinload(StaffMember.events)
    return list(db.session.scalars(sa.select(StaffMember).where(StaffMember.id.in_(ids)).options(
        joinedload(StaffMember.department), joinedload(StaffMember.position), joinedload(StaffMember.superior),
        events.joinedload(EmploymentEvent.from_department), events.joinedload(EmploymentEvent.to_department),
        events.joinedload(EmploymentEvent.from_position), events.joinedload(EmploymentEvent.to_position),
    ).order_by(StaffMember.staff_number)))


def run_staff_cards(job: Job) -> dict:
    """Issue every card of the job, one transaction each; failures are counted, not fatal.

    A PKI error stops the job (the same certificate problem would fail every card). The job ends
    failed when no card could be issued. Returns the counters.
    """
    session = db.session()
    expire_on_commit, session.expire_on_commit = session.expire_on_commit, False  # keep the loaded staff
    try:
        _run(job)
    finally:
        session.expire_on_commit = expire_on_commit
    return {"done": job.done, "failed": job.failed}


def _run(job: Job) -> None:
    department = db.session.get(Department, job.params["department_id"])
    ids = _staff_ids(department, bool(job.params.get("include_subdepartments"))) if department else []
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
            if isinstance(exc, PkiError):
                job.failed = job.total - job.done
                jobs.checkpoint(job)
                break
        jobs.checkpoint(job)
    job.message = "\n".join(messages)
    if job.failed and not job.done:
        job.status = JobStatus.FAILED
