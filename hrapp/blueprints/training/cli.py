"""`flask --app wsgi training ...`: the module's one command group; each part adds its commands to it."""
import click


@click.group("training")
def training_group() -> None:
    """Training: courses, sessions, inductions, certificates."""
