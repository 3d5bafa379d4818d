"""`flask --app wsgi conduct ...`: the module's one command group; each part adds its commands to it
(`@conduct_group.command(...)` in its own cli module, imported by its `__init__`)."""
import click


@click.group("conduct")
def conduct_group() -> None:
    """Code of conduct: the catalogue, the monthly ledger."""
