"""Bulk issuing: every record of a department, for any report type that declares a `BulkSource`, as a job
function on the shared job interface (hrapp.core.jobs).

`create_bulk_job` queues the job row; `run_bulk_issue` is what the runner (a thread, RQ's worker or inline
in tests) executes, committing after every document so the progress page moves.
"""
import logging

from flask_babel import lazy_gettext as _l

from hrapp.blueprints.reports import services
from hrapp.blueprints.reports.access import can_issue_for
from hrapp.blueprints.reports.pki import PkiError
from hrapp.blueprints.reports.types import ReportType, report_type
from hrapp.core import jobs
from hrapp.extensions import db
from hrapp.models import Department, Job, JobStatus, User

logger = logging.getLogger(__name__)
BULK_ISSUE_JOB = "reports.bulk_issue"
MAX_MESSAGES = 20
CHUNK = 100


def create_bulk_job(actor: User, rtype: ReportType, department: Department, include_subdepartments: bool) -> Job:
    """Queue `rtype` documents for every record of `department` (sub-departments optional); never commits.

    :raise services.ReportError: `actor` may not issue documents for that department, or `rtype` has no bulk.
    """
    if rtype.bulk is None:
        raise services.ReportError(_l("This kind of document is issued one at a time."))
    if not can_issue_for(actor, department=department):
        raise services.ReportError(_l("You may not issue documents for this department."))
    params = {"kind": rtype.kind, "department_id": department.id, "include_subdepartments": include_subdepartments}
    return jobs.enqueue(BULK_ISSUE_JOB, params, actor, label=f"{rtype.title} · {department.name}",
                        total=len(rtype.bulk.ids(department, include_subdepartments)))


def run_bulk_issue(job: Job) -> dict:
    """Issue every document of the job, one transaction each; failures are counted, not fatal.

    A PKI error stops the job (the same certificate problem would fail every document). The job ends
    failed when no document could be issued. Returns the counters.
    """
    session = db.session()
    expire_on_commit, session.expire_on_commit = session.expire_on_commit, False  # keep the loaded records
    try:
        document_ids = _run(job)
    finally:
        session.expire_on_commit = expire_on_commit
    # The documents it issued: the job's page offers them as one ZIP and one print copy (bundles.py).
    return {"done": job.done, "failed": job.failed, "document_ids": document_ids}


def _run(job: Job) -> list[int]:
    rtype = report_type(job.params["kind"])
    department = db.session.get(Department, job.params["department_id"])
    include_sub = bool(job.params.get("include_subdepartments"))
    ids = rtype.bulk.ids(department, include_sub) if rtype is not None and department is not None else []
    job.total, messages, issued = len(ids), [], []
    queue = (r for start in range(0, len(ids), CHUNK) for r in rtype.bulk.load(ids[start:start + CHUNK]))
    for record in queue:
        try:
            doc = services.issue_document(rtype, record, job.created_by)
            db.session.flush()
            issued.append(doc.id)
            job.done += 1
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the job
            logger.warning("report job %s: record %s failed: %s", job.id, record.id, exc)
            db.session.rollback()
            job.failed += 1
            if len(messages) < MAX_MESSAGES:
                messages.append(f"{rtype.bulk.label(record)}: {exc}")
            if isinstance(exc, PkiError):
                job.failed = job.total - job.done
                jobs.checkpoint(job)
                break
        jobs.checkpoint(job)
    job.message = "\n".join(messages)
    if job.failed and not job.done:
        job.status = JobStatus.FAILED
    return issued
