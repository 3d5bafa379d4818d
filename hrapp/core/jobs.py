"""One interface for long work: `enqueue` a job row, `start` it on the configured runner, and
let the job function report progress on the row.

Job functions are registered by modules (`Module.jobs`: name -> `run(job) -> dict | None`). A
function reads `job.params`, updates `job.total/done/failed/message` and calls `checkpoint(job)`
(heartbeat + commit) as it goes; what it returns is stored as `job.result`. When it returns the
job is done (unless it set `job.status` itself); when it raises, the job is failed with the error.

Runners (Config `JOB_RUNNER`), interchangeable because a runner only carries the job id:
- `inline`: right away, in the caller (tests);
- `thread`: a daemon thread of this process (the embedded default, `make run`);
- `rq`: an RQ queue on `REDIS_URL`, for production with several app servers. RQ because it is the
  simplest well-kept task queue for Python: one Redis and nothing else, no broker to configure,
  and one worker command (`flask --app wsgi jobs worker`, which runs RQ's worker inside the app).

A job whose heartbeat stops for `JOB_STALE_MINUTES` (its process was restarted) is marked failed
by the `jobs.sweep_stale` tick task (`sweep_stale`), and reads as failed on its page before that.
"""
import logging
import threading
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import Flask, current_app
from flask_babel import force_locale, gettext
from redis import Redis
from rq import Queue

from hrapp.core.module import modules
from hrapp.extensions import db
from hrapp.labels import label
from hrapp.models import Job, JobStatus, utcnow

logger = logging.getLogger(__name__)
RUNNERS = ("inline", "thread", "rq")
DEFAULT_STALE_MINUTES = 10
MAX_MESSAGE = 4000


def job_functions(app: Flask | None = None) -> dict[str, Callable]:
    """Every registered job function by name.

    :raise RuntimeError: two modules register the same name.
    """
    functions: dict[str, Callable] = {}
    for module in modules(app):
        for name, function in module.jobs.items():
            if name in functions:
                raise RuntimeError(f"job {name!r} is registered twice")
            functions[name] = function
    return functions


def enqueue(name: str, params: Mapping, actor, *, label: str = "", total: int = 0) -> Job:
    """Add a queued job row for the registered function `name` (flushed, not committed).

    Commit, then `start(job)` to hand it to the runner. `actor` is the user it runs for (or None).
    :raise KeyError: no module registers a job called `name`.
    """
    if name not in job_functions():
        raise KeyError(f"no job function registered as {name!r}")
    job = Job(name=name, params=dict(params), created_by_id=getattr(actor, "id", None), label=label[:160],
              total=total, status=JobStatus.QUEUED, message="")
    db.session.add(job)
    db.session.flush()
    return job


def runner_name(app: Flask | None = None) -> str:
    """The configured runner (`JOB_RUNNER`).

    :raise RuntimeError: an unknown runner name.
    """
    app = app or current_app
    runner = app.config.get("JOB_RUNNER") or ("inline" if app.testing else "thread")
    if runner not in RUNNERS:
        raise RuntimeError(f"JOB_RUNNER must be one of {', '.join(RUNNERS)}, not {runner!r}")
    return runner


def start(job: Job) -> None:
    """Hand the committed, queued `job` to the configured runner (inline runs it before returning)."""
    runner = runner_name()
    if runner == "inline":
        run_job(job.id)
    elif runner == "thread":
        app = current_app._get_current_object()
        threading.Thread(target=_thread_main, args=(app, job.id), daemon=True, name=f"job-{job.id}").start()
    else:
        rq_queue().enqueue_call(perform, args=(job.id,), job_id=f"hrapp-job-{job.id}",
                                timeout=current_app.config.get("JOB_TIMEOUT_SECONDS", 3600))


def rq_queue() -> Queue:
    """The RQ queue on `REDIS_URL` (queue name `RQ_QUEUE`)."""
    config = current_app.config
    return Queue(config.get("RQ_QUEUE", "hrapp"), connection=Redis.from_url(config["REDIS_URL"]))


def perform(job_id: int) -> None:
    """The RQ entry point: run the job inside the worker's app context (`flask jobs worker`)."""
    try:
        run_job(job_id)
    finally:
        db.session.remove()


def _thread_main(app: Flask, job_id: int) -> None:
    with app.app_context():
        perform(job_id)


def run_job(job_id: int) -> bool:
    """Run a queued job to its end, in this process; commits as it goes.

    Claims the row with one atomic UPDATE (queued -> running), so a job handed over twice runs once.
    Returns False when the job was not queued (already taken, finished or gone).
    """
    now = utcnow()
    claimed = db.session.execute(
        sa.update(Job).where(Job.id == job_id, Job.status == JobStatus.QUEUED)
        .values(status=JobStatus.RUNNING, started_at=now, heartbeat_at=now)
        .execution_options(synchronize_session=False)).rowcount
    db.session.commit()
    if not claimed:
        return False
    job = db.session.get(Job, job_id)
    db.session.refresh(job)
    try:
        result = job_functions()[job.name](job)
    except Exception as exc:  # noqa: BLE001 - recorded on the row, which is what the page shows
        logger.exception("job %s (%s) failed", job_id, job.name)
        db.session.rollback()
        job = db.session.get(Job, job_id)
        job.status = JobStatus.FAILED
        job.message = _append(job.message, f"{type(exc).__name__}: {exc}")
    else:
        job.result = result
        if job.status == JobStatus.RUNNING:
            job.status = JobStatus.DONE
    job.finished_at = job.heartbeat_at = utcnow()
    db.session.commit()
    return True


def checkpoint(job: Job) -> None:
    """Record that `job` is alive and commit its progress (job functions call it after each step)."""
    job.heartbeat_at = utcnow()
    db.session.commit()


def stale_after(app: Flask | None = None) -> timedelta:
    """How long a running job may go without a heartbeat before it counts as cut off."""
    return timedelta(minutes=(app or current_app).config.get("JOB_STALE_MINUTES", DEFAULT_STALE_MINUTES))


def is_stale(job: Job, now: datetime | None = None) -> bool:
    """A running job whose heartbeat is older than the stale limit (its process died)."""
    return (job.status == JobStatus.RUNNING and job.heartbeat_at is not None
            and (now or utcnow()) - job.heartbeat_at > stale_after())


def sweep_stale(now: datetime) -> int:
    """Mark failed every running job whose heartbeat is older than the stale limit at `now`.

    The tick task of the jobs package; idempotent (each row is updated only while still running
    and stale, so two sweeps at once mark it once). Returns how many jobs it marked. Never commits.
    """
    cutoff = now - stale_after()
    stale = db.session.execute(sa.select(Job.id, Job.message, Job.heartbeat_at).where(
        Job.status == JobStatus.RUNNING, Job.heartbeat_at < cutoff)).all()
    marked = 0
    for job_id, message, heartbeat_at in stale:
        note = _stopped_note(heartbeat_at)
        marked += db.session.execute(
            sa.update(Job).where(Job.id == job_id, Job.status == JobStatus.RUNNING, Job.heartbeat_at < cutoff)
            .values(status=JobStatus.FAILED, finished_at=now, message=_append(message, note))
            .execution_options(synchronize_session=False)).rowcount
    return marked


def _stopped_note(heartbeat_at: datetime) -> str:
    """The line a swept job gets, in the company's default language (it is stored, not rendered per reader)."""
    with force_locale(current_app.config.get("BABEL_DEFAULT_LOCALE", "zh")):
        return gettext("Stopped: no sign of life since %(time)s UTC (the server was probably restarted).",
                       time=f"{heartbeat_at:%Y-%m-%d %H:%M}")


def progress(job: Job) -> dict:
    """The counters a progress page polls; a stale running job reads as failed."""
    status = JobStatus.FAILED if is_stale(job) else job.status
    finished = job.done + job.failed
    return {"id": job.id, "status": status.value, "status_label": label(status), "total": job.total, "done": job.done, "failed": job.failed,
            "percent": round(100 * finished / job.total) if job.total else 100,
            "finished": status in (JobStatus.DONE, JobStatus.FAILED), "message": job.message}


def _append(message: str | None, line: str) -> str:
    return "\n".join(filter(None, [message or "", line]))[-MAX_MESSAGE:]
