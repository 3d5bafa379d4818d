"""`flask --app wsgi attendance device add SERIAL --name NAME [--timezone ZONE] [--department CODE]`."""
import click
import sqlalchemy as sa

from hrapp.blueprints.attendance.cli import attendance_group
from hrapp.blueprints.attendance.clocks.services import create_device
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import Department


@attendance_group.group("device")
def device_group() -> None:
    """Time clocks (ZKTeco ADMS terminals and integrations)."""


@device_group.command("add")
@click.argument("serial")
@click.option("--name", required=True, help="Where it hangs, e.g. 'FO staff entrance'.")
@click.option("--timezone", default="Asia/Shanghai", show_default=True, help="The zone of the device's clock.")
@click.option("--department", "department_code", default=None, help="The department code it belongs to.")
def add_device_command(serial: str, name: str, timezone: str, department_code: str | None) -> None:
    """Register a time clock by its serial number and print its id."""
    department_id = None
    if department_code:
        department_id = db.session.scalar(sa.select(Department.id).where(Department.code == department_code))
        if department_id is None:
            raise click.ClickException(f"No department with code {department_code!r}.")
    try:
        device = create_device(None, serial, name, timezone, department_id)
        db.session.commit()
    except ValidationFailed as exc:
        db.session.rollback()
        raise click.ClickException("; ".join(f"{field}: {', '.join(str(m) for m in messages)}"
                                             for field, messages in exc.errors.items())) from None
    click.echo(device.id)
