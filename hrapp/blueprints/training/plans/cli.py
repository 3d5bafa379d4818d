"""`flask --app wsgi training fill-plans YEAR [--department CODE]`: start each department's draft plan of YEAR
(where it has none) and fill the draft or returned ones from the sources, as HR would with the page's button."""
import click
import sqlalchemy as sa

from hrapp.blueprints.training.cli import training_group
from hrapp.extensions import db
from hrapp.models import Department

from . import rules
from .services import create_plan, fill_from_sources, find_plan


@training_group.command("fill-plans")
@click.argument("year", type=click.IntRange(2000, 2100))
@click.option("--department", "department_code", default=None, help="Only this department's plan.")
def fill_plans_command(year: int, department_code: str | None) -> None:
    """Create the missing plans of YEAR and fill the editable ones (idempotent: nothing is added twice)."""
    query = sa.select(Department).order_by(Department.path)
    if department_code:
        query = query.where(Department.code == department_code.strip().upper())
    departments = db.session.scalars(query).all()
    if department_code and not departments:
        raise click.BadParameter(f"no department {department_code}", param_hint="--department")
    created = filled = skipped = 0
    for department in departments:
        plan = find_plan(department, year)
        if plan is None:
            plan = create_plan(None, department, year, 0, 0)
            created += 1
        if not rules.is_editable(plan.status):
            skipped += 1
            continue
        filled += len(fill_from_sources(None, plan, plan.version_id))
    db.session.commit()
    click.echo(f"Training plans {year}: {created} created, {filled} items added or grown, "
               f"{skipped} submitted or approved left as they are.")
