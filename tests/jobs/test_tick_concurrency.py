"""Two `flask tick` processes started together against one real database: a task runs in one of them only.

The sample module's slow task records its process and then waits for a release file, so the first
tick holds the task's lease while the second runs: the second must skip it and end first. Without
the lease both would wait in the task and the test would time out. The database is the
DATABASE_URL server (PostgreSQL pass) or a temporary SQLite file.
"""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import TickLease

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 180  # two app start-ups on a busy machine


@pytest.fixture
def database_url(app, tmp_path):
    """A database with the schema that both tick processes share."""
    url = os.environ.get("DATABASE_URL")
    if url:  # the session app's database already has the schema; the db fixture empties it after the test
        return url
    url = f"sqlite:///{tmp_path / 'tick.sqlite'}"
    engine = sa.create_engine(url)
    db.metadata.create_all(engine)
    engine.dispose()
    return url


def _tick(url: str, log: Path, release: Path) -> subprocess.Popen:
    env = os.environ | {"DATABASE_URL": url, "HRAPP_TEST_TICK_LOG": str(log),
                        "HRAPP_TEST_TICK_RELEASE": str(release)}
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "tests.jobs.tick_app", "tick"], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _first_to_end(processes: list[subprocess.Popen]) -> subprocess.Popen:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                return process
        time.sleep(0.1)
    for process in processes:
        process.kill()
    pytest.fail("neither tick ended: both are running the slow task (the lease did not keep them apart)")


def test_two_ticks_at_once_run_a_task_once(database_url, tmp_path):
    log, release = tmp_path / "ran.log", tmp_path / "release"
    log.touch()
    ticks = [_tick(database_url, log, release), _tick(database_url, log, release)]
    try:
        skipper = _first_to_end(ticks)
        skipper_output = skipper.stdout.read()
        release.touch()
        runner = next(t for t in ticks if t is not skipper)
        runner_output, _ = runner.communicate(timeout=TIMEOUT)
    finally:
        release.touch()
        for process in ticks:
            if process.poll() is None:
                process.kill()
    assert skipper.returncode == 0, skipper_output
    assert "sample.slow: skipped, another tick is running it" in skipper_output
    assert runner.returncode == 0, runner_output
    assert "sample.slow: 1 done" in runner_output
    assert log.read_text().split() == [str(runner.pid)]
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        lease = conn.execute(sa.select(TickLease.holder, TickLease.last_count).where(
            TickLease.task == "sample.slow")).one()
    engine.dispose()
    assert tuple(lease) == (None, 1)
