"""`flask tick`: run every registered module's time-driven steps once, each under a database lease.

A lease is one `tick_leases` row per task. A tick claims it with one atomic UPDATE (holder empty or
expired -> this tick, until now + TICK_LEASE_SECONDS), which SQLite and PostgreSQL both serialise:
of two ticks started together exactly one gets the row, the other skips the task. The row also
records how the last run went. A task that raises is logged, rolled back and reported; the other
tasks still run. Each task's work is committed with the release of its lease once it returns
(tasks never commit themselves).

This module knows no feature package: the tasks come from `Module.tick_tasks`.
"""
import logging
import os
import socket
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import Flask, current_app
from sqlalchemy.dialects import postgresql, sqlite

from hrapp.core.module import TickTask, modules
from hrapp.extensions import db
from hrapp.models import TickLease, utcnow

logger = logging.getLogger(__name__)
DEFAULT_LEASE_SECONDS = 600


@dataclass(frozen=True)
class TaskOutcome:
    """What one task did in one tick: `status` is "ran", "skipped" (another tick holds it) or "failed"."""

    task: str
    status: str
    count: int = 0
    error: str = ""
    millis: float = 0.0


def registered_tasks(app: Flask | None = None) -> list[TickTask]:
    """Every module's tick tasks, in module order.

    :raise RuntimeError: two tasks share a name (their leases would collide).
    """
    tasks = [task for module in modules(app) for task in module.tick_tasks]
    names = [task.name for task in tasks]
    if len(names) != len(set(names)):
        raise RuntimeError(f"duplicate tick task names: {sorted(n for n in set(names) if names.count(n) > 1)}")
    return tasks


def new_holder() -> str:
    """A name for this tick that no other process uses."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _insert_lease_row(task: str) -> None:
    """Make sure the task's row exists; a row inserted at the same moment by another tick is fine."""
    name = db.session.get_bind().dialect.name
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}.get(name)
    if insert is None:
        raise RuntimeError(f"tick leases support SQLite and PostgreSQL, not {name}")
    db.session.execute(insert(TickLease).values(task=task, last_error="").on_conflict_do_nothing())


def claim(task: str, holder: str, now: datetime, ttl: timedelta) -> bool:
    """Take the lease of `task` for `holder` until `now + ttl`, if it is free or expired; commits.

    True when this holder now owns it; False when another holder's lease is still running.
    """
    _insert_lease_row(task)
    result = db.session.execute(
        sa.update(TickLease)
        .where(TickLease.task == task, sa.or_(TickLease.holder.is_(None), TickLease.expires_at < now))
        .values(holder=holder, expires_at=now + ttl, last_started_at=now)
        .execution_options(synchronize_session=False))
    db.session.commit()
    return result.rowcount == 1


def release(task: str, holder: str, outcome: TaskOutcome) -> bool:
    """Free the lease held by `holder` and record the run (in the current transaction: the caller commits).

    False (and nothing recorded) when the lease expired and another tick took it meanwhile.
    """
    result = db.session.execute(
        sa.update(TickLease).where(TickLease.task == task, TickLease.holder == holder)
        .values(holder=None, expires_at=None, last_finished_at=utcnow(), last_count=outcome.count,
                last_ok=outcome.status == "ran", last_error=outcome.error[:2000])
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        logger.warning("tick task %s outlived its lease (another tick took it over)", task)
    return result.rowcount == 1


def run_task(task: TickTask, now: datetime, holder: str, ttl: timedelta) -> TaskOutcome:
    """Run one task under its lease; its work is committed, or rolled back if it raises."""
    if not claim(task.name, holder, now, ttl):
        return TaskOutcome(task.name, "skipped")
    started = time.perf_counter()
    try:
        outcome = TaskOutcome(task.name, "ran", int(task.run(now) or 0))
    except Exception as exc:  # noqa: BLE001 - one failing task must not stop the others
        db.session.rollback()
        logger.exception("tick task %s failed", task.name)
        outcome = TaskOutcome(task.name, "failed", error=f"{type(exc).__name__}: {exc}")
    outcome = TaskOutcome(outcome.task, outcome.status, outcome.count, outcome.error,
                          (time.perf_counter() - started) * 1000)
    release(task.name, holder, outcome)
    db.session.commit()  # the task's work and the record of its run, together
    return outcome


def run_tick(tasks: Iterable[TickTask] | None = None, now: datetime | None = None,
             holder: str | None = None) -> list[TaskOutcome]:
    """Run each task (every registered one by default) once at `now` (default: the current UTC time).

    Idempotent as far as the tasks are; a task another tick is running is skipped, not waited for.
    """
    tasks = registered_tasks() if tasks is None else list(tasks)
    now = now or utcnow()
    holder = holder or new_holder()
    ttl = timedelta(seconds=current_app.config.get("TICK_LEASE_SECONDS", DEFAULT_LEASE_SECONDS))
    return [run_task(task, now, holder, ttl) for task in tasks]


def last_runs() -> list[TickLease]:
    """Every task's lease row (when it last ran, how it went), by task name."""
    return list(db.session.scalars(sa.select(TickLease).order_by(TickLease.task)))
