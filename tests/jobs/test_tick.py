"""`tick`: leases, last-run records, failing tasks, and the command through Click."""
from datetime import timedelta

import pytest

from hrapp.core import tick
from hrapp.core.module import EXTENSION_KEY, Module, TickTask
from hrapp.extensions import db
from hrapp.models import TickLease, utcnow

TTL = timedelta(minutes=10)


def test_claim_takes_a_free_lease_once():
    now = utcnow()
    assert tick.claim("t.one", "a", now, TTL) is True
    assert tick.claim("t.one", "b", now, TTL) is False
    assert tick.claim("t.one", "a", now, TTL) is False  # not re-entrant either
    assert db.session.get(TickLease, "t.one").holder == "a"


def test_claim_takes_over_an_expired_lease():
    now = utcnow()
    assert tick.claim("t.one", "a", now, TTL)
    assert not tick.claim("t.one", "b", now + TTL - timedelta(seconds=1), TTL)
    assert tick.claim("t.one", "b", now + TTL + timedelta(seconds=1), TTL)


def test_release_frees_the_lease_and_records_the_run():
    now = utcnow()
    tick.claim("t.one", "a", now, TTL)
    assert tick.release("t.one", "a", tick.TaskOutcome("t.one", "ran", 4))
    db.session.commit()
    db.session.expire_all()
    lease = db.session.get(TickLease, "t.one")
    assert (lease.holder, lease.expires_at, lease.last_count, lease.last_ok) == (None, None, 4, True)
    assert lease.last_started_at == now and lease.last_finished_at >= now
    assert tick.claim("t.one", "b", now, TTL)


def test_release_by_a_holder_whose_lease_was_taken_over_records_nothing():
    now = utcnow()
    tick.claim("t.one", "a", now, TTL)
    tick.claim("t.one", "b", now + 2 * TTL, TTL)
    assert not tick.release("t.one", "a", tick.TaskOutcome("t.one", "ran", 1))
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(TickLease, "t.one").holder == "b"


def test_a_failing_task_is_recorded_and_the_others_still_run(caplog):
    done = []

    def broken(now):
        db.session.add(TickLease(task="written-then-rolled-back", last_error=""))
        db.session.flush()
        raise RuntimeError("boom")

    tasks = [TickTask("t.broken", broken), TickTask("t.fine", lambda now: done.append(now) or 2)]
    outcomes = tick.run_tick(tasks)
    assert [(o.task, o.status, o.count) for o in outcomes] == [("t.broken", "failed", 0), ("t.fine", "ran", 2)]
    assert "RuntimeError: boom" in outcomes[0].error
    assert "tick task t.broken failed" in caplog.text
    assert len(done) == 1
    db.session.expire_all()
    assert db.session.get(TickLease, "written-then-rolled-back") is None
    broken_lease = db.session.get(TickLease, "t.broken")
    assert (broken_lease.holder, broken_lease.last_ok, broken_lease.last_error) == (None, False, "RuntimeError: boom")


def test_a_task_held_by_another_tick_is_skipped_not_run():
    ran = []
    tick.claim("t.held", "someone-else", utcnow(), TTL)
    outcomes = tick.run_tick([TickTask("t.held", lambda now: ran.append(now) or 1)])
    assert [(o.task, o.status) for o in outcomes] == [("t.held", "skipped")]
    assert ran == []


def test_duplicate_task_names_are_refused(app, monkeypatch):
    twice = Module(name="twice", tick_tasks=(TickTask("jobs.sweep_stale", lambda now: 0),))
    monkeypatch.setitem(app.extensions, EXTENSION_KEY, [*app.extensions[EXTENSION_KEY], twice])
    with pytest.raises(RuntimeError, match="jobs.sweep_stale"):
        tick.registered_tasks()


def test_tick_command_runs_every_registered_task(runner):
    result = runner.invoke(args=["tick"])
    assert result.exit_code == 0, result.output
    assert "jobs.sweep_stale: 0 done" in result.output
    assert f"tick: {len(tick.registered_tasks())} ok, 0 failed" in result.output  # every module's tasks
    assert db.session.get(TickLease, "jobs.sweep_stale").last_ok is True
    assert "jobs.sweep_stale" in [lease.task for lease in tick.last_runs()]


def test_tick_command_reports_a_failure_with_a_non_zero_status(app, runner, monkeypatch):
    def broken(now):
        raise ValueError("no can do")

    failing = Module(name="failing", tick_tasks=(TickTask("t.failing", broken),))
    monkeypatch.setitem(app.extensions, EXTENSION_KEY, [*app.extensions[EXTENSION_KEY], failing])
    result = runner.invoke(args=["tick"])
    assert result.exit_code == 1
    assert "t.failing: FAILED: ValueError: no can do" in result.output
    assert "jobs.sweep_stale: 0 done" in result.output  # ran before, and was not undone
    assert f"tick: {len(tick.registered_tasks()) - 1} ok, 1 failed" in result.output


def test_tick_command_runs_only_the_named_task(runner, sample):
    result = runner.invoke(args=["tick", "--task", "jobs.sweep_stale"])
    assert result.exit_code == 0, result.output
    assert "sample.slow" not in result.output
    refused = runner.invoke(args=["tick", "--task", "no.such"])
    assert refused.exit_code != 0 and "Unknown task no.such" in refused.output
