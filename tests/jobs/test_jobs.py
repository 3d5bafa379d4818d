"""The job interface: enqueue, the inline and thread runners, failures, and the stale-job sweep."""
import threading
from datetime import timedelta

import pytest

from hrapp.core import jobs
from hrapp.extensions import db
from hrapp.models import Job, JobStatus, utcnow


def _reload(job: Job) -> Job:
    db.session.expire_all()
    return db.session.get(Job, job.id)


def test_enqueue_adds_a_queued_row(sample, make_user):
    actor = make_user()
    job = jobs.enqueue("sample.add", {"a": 1, "b": 2}, actor, label="x" * 300, total=1)
    assert (job.status, job.params, job.created_by_id, job.total, len(job.label)) == (
        JobStatus.QUEUED, {"a": 1, "b": 2}, actor.id, 1, 160)


def test_enqueue_refuses_an_unregistered_job(sample):
    with pytest.raises(KeyError, match="no.such"):
        jobs.enqueue("no.such", {}, None)


def test_inline_runner_runs_the_job_to_done_with_its_result(sample):
    job = jobs.enqueue("sample.add", {"a": 2, "b": 3}, None)
    db.session.commit()
    jobs.start(job)
    job = _reload(job)
    assert (job.status, job.result, job.done) == (JobStatus.DONE, {"sum": 5}, 1)
    assert job.started_at and job.finished_at and job.heartbeat_at
    assert jobs.progress(job) | {"message": ""} == {
        "id": job.id, "status": "done", "status_label": "Done", "total": 1, "done": 1, "failed": 0, "percent": 100, "finished": True,
        "message": ""}


def test_a_job_runs_once_however_often_it_is_handed_over(sample):
    job = jobs.enqueue("sample.add", {"a": 2, "b": 3}, None)
    db.session.commit()
    assert jobs.run_job(job.id) is True
    assert jobs.run_job(job.id) is False
    assert jobs.run_job(10**6) is False


def test_a_raising_job_ends_failed_with_the_error(sample):
    job = jobs.enqueue("sample.explode", {}, None)
    db.session.commit()
    jobs.start(job)
    job = _reload(job)
    assert job.status == JobStatus.FAILED
    assert job.done == 0  # its uncommitted progress was rolled back
    assert "ValueError: the sample job broke" in job.message
    assert job.finished_at is not None


def test_a_job_may_end_itself_failed(sample):
    job = jobs.enqueue("sample.give_up", {}, None)
    db.session.commit()
    jobs.start(job)
    assert _reload(job).status == JobStatus.FAILED


def test_thread_runner_runs_the_job_in_the_background(app, sample, monkeypatch):
    monkeypatch.setitem(app.config, "JOB_RUNNER", "thread")
    job = jobs.enqueue("sample.add", {"a": 20, "b": 22}, None)
    db.session.commit()
    jobs.start(job)
    worker = next((t for t in threading.enumerate() if t.name == f"job-{job.id}"), None)
    if worker is not None:  # None: it already finished (a quick job on an idle machine)
        worker.join(timeout=30)
        assert not worker.is_alive()
    job = _reload(job)
    assert (job.status, job.result) == (JobStatus.DONE, {"sum": 42})


def test_an_unknown_runner_is_refused(app, sample, monkeypatch):
    monkeypatch.setitem(app.config, "JOB_RUNNER", "celery")
    with pytest.raises(RuntimeError, match="JOB_RUNNER"):
        jobs.runner_name()


def _running(heartbeat_minutes_ago: int) -> Job:
    beat = utcnow() - timedelta(minutes=heartbeat_minutes_ago)
    job = Job(name="sample.add", status=JobStatus.RUNNING, started_at=beat, heartbeat_at=beat, total=10, done=4,
              message="before")
    db.session.add(job)
    db.session.commit()
    return job


def test_sweep_marks_only_jobs_cut_off_by_a_restart_failed_once(sample):
    cut_off, alive = _running(11), _running(1)
    assert progress_status(cut_off) == "failed" and progress_status(alive) == "running"
    now = utcnow()
    assert jobs.sweep_stale(now) == 1
    db.session.commit()
    assert jobs.sweep_stale(now) == 0
    cut_off, alive = _reload(cut_off), _reload(alive)
    assert (cut_off.status, cut_off.finished_at) == (JobStatus.FAILED, now)
    beat = f"{utcnow() - timedelta(minutes=11):%Y-%m-%d}"
    assert cut_off.message.startswith(f"before\n已中断：自 {beat}")  # the company's language, Chinese
    assert alive.status == JobStatus.RUNNING


def test_tick_fails_a_cut_off_job_without_anyone_opening_its_page(runner, sample):
    cut_off = _running(30)
    first = runner.invoke(args=["tick"])
    second = runner.invoke(args=["tick"])
    assert "jobs.sweep_stale: 1 done" in first.output
    assert "jobs.sweep_stale: 0 done" in second.output
    assert _reload(cut_off).status == JobStatus.FAILED


def progress_status(job: Job) -> str:
    return jobs.progress(job)["status"]


def test_bulk_issuing_page_shows_its_department_and_only_its_own_kind_of_job(client, auth, org, sample):
    auth.login("hr")
    response = client.post("/reports/bulk", data={"kind": "staff_card", "department_id": org.front.id,
                                                  "include_subdepartments": "y"})
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert org.front.name in page
    other = jobs.enqueue("sample.add", {"a": 1, "b": 1}, org.hr)
    db.session.commit()
    assert client.get(f"/reports/jobs/{other.id}").status_code == 404
    assert client.get(f"/reports/jobs/{other.id}/status").status_code == 404
