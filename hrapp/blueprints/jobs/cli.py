"""`flask --app wsgi tick` (run what is due, once) and `flask --app wsgi jobs worker` (the RQ worker)."""
import click
from flask import current_app
from flask.cli import with_appcontext
from rq import SimpleWorker

from hrapp.core.jobs import rq_queue
from hrapp.core.tick import registered_tasks, run_tick


@click.command("tick")
@click.option("--task", "only", multiple=True, help="Run only this task (repeatable).")
@with_appcontext
def tick_command(only: tuple[str, ...]) -> None:
    """Run every module's time-driven tasks once (cron: every minute). Exit status 1 if any failed."""
    tasks = registered_tasks()
    if only:
        unknown = set(only) - {task.name for task in tasks}
        if unknown:
            raise click.ClickException(f"Unknown task {', '.join(sorted(unknown))}")
        tasks = [task for task in tasks if task.name in only]
    outcomes = run_tick(tasks)
    for outcome in outcomes:
        if outcome.status == "ran":
            click.echo(f"{outcome.task}: {outcome.count} done ({outcome.millis:.0f} ms)")
        elif outcome.status == "skipped":
            click.echo(f"{outcome.task}: skipped, another tick is running it")
        else:
            click.echo(f"{outcome.task}: FAILED: {outcome.error}", err=True)
    failed = sum(outcome.status == "failed" for outcome in outcomes)
    click.echo(f"tick: {len(outcomes) - failed} ok, {failed} failed")
    if failed:
        raise SystemExit(1)


@click.group("jobs")
def jobs_group() -> None:
    """Background jobs."""


@jobs_group.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run the RQ worker for JOB_RUNNER=rq: takes jobs from REDIS_URL and runs them in this app."""
    queue = rq_queue()
    click.echo(f"RQ worker on {current_app.config['REDIS_URL']} queue {queue.name}")
    # SimpleWorker runs each job in this process, inside the app context pushed above (a forking
    # worker would share the database connections of its parent).
    SimpleWorker([queue], connection=queue.connection).work(burst=burst)
