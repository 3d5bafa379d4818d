"""A fictitious module for the job and tick tests: job functions and tick tasks that record what they do."""
import os
import time
from pathlib import Path

from hrapp.core import jobs
from hrapp.core.module import Module, TickTask
from hrapp.models import JobStatus


def add(job) -> dict:
    """Adds params a and b, counting one step."""
    job.total, job.done = 1, 1
    jobs.checkpoint(job)
    return {"sum": job.params["a"] + job.params["b"]}


def explode(job) -> None:
    job.done = 1
    raise ValueError("the sample job broke")


def give_up(job) -> None:
    """Ends itself as failed, without raising."""
    job.failed, job.status = 1, JobStatus.FAILED


def slow(now) -> int:
    """Records this process in HRAPP_TEST_TICK_LOG, then waits for HRAPP_TEST_TICK_RELEASE to exist."""
    with open(os.environ["HRAPP_TEST_TICK_LOG"], "a") as log:
        log.write(f"{os.getpid()}\n")
    release, deadline = Path(os.environ["HRAPP_TEST_TICK_RELEASE"]), time.monotonic() + 120
    while not release.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return 1


MODULE = Module(
    name="sample",
    jobs={"sample.add": add, "sample.explode": explode, "sample.give_up": give_up},
    tick_tasks=(TickTask("sample.slow", slow),),
)
