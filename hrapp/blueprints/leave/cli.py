"""`flask --app wsgi leave ...`: the module's one command group; each part adds its commands to it."""
import click


@click.group("leave")
def leave_group() -> None:
    """Leave: types, entitlements, requests."""
