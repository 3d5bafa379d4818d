"""`flask --app wsgi appraisals compute-metrics CYCLE_NAME`: compute a cycle's system metrics (as HR's button on
the KPI page does), e.g. from a nightly job while the cycle is under way."""
import click
import sqlalchemy as sa

from hrapp.blueprints.appraisals.cli import appraisals_group
from hrapp.extensions import db
from hrapp.models import AppraisalCycle

from . import services


@appraisals_group.command("compute-metrics")
@click.argument("cycle_name")
def compute_metrics_command(cycle_name: str) -> None:
    """Compute the system metrics of the cycle named CYCLE_NAME (e.g. 2026-Q3) and score the items."""
    cycle = db.session.scalar(sa.select(AppraisalCycle).where(AppraisalCycle.name == cycle_name))
    if cycle is None:
        raise click.BadParameter(f"no cycle {cycle_name}", param_hint="CYCLE_NAME")
    try:
        result = services.refresh_metrics(cycle, None)
    except services.MetricsRefused:
        db.session.rollback()
        raise click.ClickException(f"{cycle.name}: the results are published; the metrics no longer change.") from None
    db.session.commit()
    click.echo(f"{cycle.name}: {result.appraisals} appraisals, {result.items} items changed.")
