"""`flask --app wsgi conduct seed-catalogue`: load the standard catalogue (rules whose codes are missing)."""
import click

from hrapp.blueprints.conduct.catalogue.services import load_standard_catalogue
from hrapp.blueprints.conduct.cli import conduct_group
from hrapp.extensions import db


@conduct_group.command("seed-catalogue")
def seed_catalogue_command() -> None:
    """Add the rules of code_of_conduct.yaml whose codes are not in the catalogue (HR's edits are kept)."""
    added = load_standard_catalogue(None)
    db.session.commit()
    click.echo(f"Standard catalogue: {added} rules added.")
