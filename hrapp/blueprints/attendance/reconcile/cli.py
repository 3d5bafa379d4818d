"""`flask --app wsgi attendance reconcile YYYY-MM [--department CODE]`: reconcile a month, print counts per status."""
import click
import sqlalchemy as sa

from hrapp.blueprints.attendance.cli import attendance_group
from hrapp.core.periods import MONTH, parse_period
from hrapp.extensions import db
from hrapp.models import DayStatus, Department, Roster, RosterCell, StaffMember

from .services import reconcile


@attendance_group.command("reconcile")
@click.argument("month")
@click.option("--department", "code", default=None, help="Only this department's staff (by code).")
def reconcile_command(month: str, code: str | None) -> None:
    """Reconcile the month's punches against the roster (idempotent)."""
    try:
        period = parse_period(month, (MONTH,))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="MONTH") from exc
    staff_ids = None
    if code:
        department = db.session.scalar(sa.select(Department).where(Department.code == code))
        if department is None:
            raise click.BadParameter(f"no department {code!r}", param_hint="--department")
        staff_ids = set(db.session.scalars(sa.select(StaffMember.id).where(StaffMember.department_id == department.id)))
        staff_ids |= set(db.session.scalars(
            sa.select(RosterCell.staff_id).join(Roster, Roster.id == RosterCell.roster_id)
            .where(Roster.department_id == department.id, RosterCell.day.between(period.first, period.last))))
    counts = reconcile(period.first, period.last, staff_ids=staff_ids)
    db.session.commit()
    click.echo(f"{period.first:%Y-%m}: {counts['changed']} days changed")
    for status in DayStatus:
        click.echo(f"  {status.value:<15} {counts[status.value]}")
