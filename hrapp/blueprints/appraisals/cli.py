"""`flask --app wsgi appraisals ...`: the module's one command group; each part adds its commands to it."""
import click


@click.group("appraisals")
def appraisals_group() -> None:
    """Appraisals: cycles, metrics, KPI imports."""
