"""`flask --app wsgi leave grant YEAR [--department CODE]`: grant or refresh a year's entitlements."""
import click
import sqlalchemy as sa

from hrapp.blueprints.leave.cli import leave_group
from hrapp.blueprints.leave.setup.granting import grant_year
from hrapp.blueprints.staff.services import department_subtree_ids
from hrapp.extensions import db
from hrapp.models import Department, StaffMember


@leave_group.command("grant")
@click.argument("year", type=click.IntRange(2000, 2100))
@click.option("--department", "department_code", default=None,
              help="Only the people of this department (and its sub-departments).")
def grant_command(year: int, department_code: str | None) -> None:
    """Grant YEAR's entitlements (re-running recomputes grant and carry-over and keeps HR's adjustments)."""
    staff_ids = None
    if department_code:
        department = db.session.scalar(sa.select(Department).where(Department.code == department_code))
        if department is None:
            raise click.BadParameter(f"no department {department_code}", param_hint="--department")
        staff_ids = list(db.session.scalars(sa.select(StaffMember.id).where(
            StaffMember.department_id.in_(department_subtree_ids(department.id)))))
    changed = grant_year(None, year, staff_ids)
    db.session.commit()
    click.echo(f"Leave {year}: {changed} entitlements granted or refreshed.")
