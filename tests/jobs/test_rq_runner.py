"""The `rq` runner through a real queue: a real Redis server (started by scripts/with_redis.sh, which
scripts/run_tests.sh wraps around every pass) and RQ's own worker in burst mode (`flask jobs worker`)."""
import os
import uuid

import pytest

from hrapp.core import jobs
from hrapp.extensions import db
from hrapp.models import Job, JobStatus

HOW_TO_RUN = ("REDIS_URL is not set: this test needs a real Redis server. Run it as "
              "`scripts/with_redis.sh .venv/bin/python -m pytest tests/jobs` (a throw-away redis-server; "
              "`make install-test-deps` installs it), or through `make test` / scripts/run_tests.sh, which do that.")


@pytest.fixture
def rq_app(app, monkeypatch):
    """The app with JOB_RUNNER=rq on the test Redis, on a queue of its own (removed afterwards)."""
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.fail(HOW_TO_RUN)
    queue = f"hrapp-test-{uuid.uuid4().hex[:8]}"
    monkeypatch.setitem(app.config, "JOB_RUNNER", "rq")
    monkeypatch.setitem(app.config, "REDIS_URL", url)
    monkeypatch.setitem(app.config, "RQ_QUEUE", queue)
    yield app
    jobs.rq_queue().delete(delete_jobs=True)


def test_a_job_runs_through_rq_and_a_burst_worker(rq_app, runner, sample):
    job = jobs.enqueue("sample.add", {"a": 40, "b": 2}, None)
    db.session.commit()
    jobs.start(job)
    queue = jobs.rq_queue()
    assert queue.count == 1
    assert db.session.get(Job, job.id).status == JobStatus.QUEUED  # nothing ran in this process
    result = runner.invoke(args=["jobs", "worker", "--burst"])
    assert result.exit_code == 0, result.output
    assert queue.count == 0
    db.session.expire_all()
    job = db.session.get(Job, job.id)
    assert (job.status, job.result, job.done, job.total) == (JobStatus.DONE, {"sum": 42}, 1, 1)
    assert queue.finished_job_registry.get_job_ids() == [f"hrapp-job-{job.id}"]


def test_a_failing_job_through_rq_is_recorded_on_its_row(rq_app, runner, sample):
    job = jobs.enqueue("sample.explode", {}, None)
    db.session.commit()
    jobs.start(job)
    assert runner.invoke(args=["jobs", "worker", "--burst"]).exit_code == 0
    db.session.expire_all()
    job = db.session.get(Job, job.id)
    assert job.status == JobStatus.FAILED and "the sample job broke" in job.message

