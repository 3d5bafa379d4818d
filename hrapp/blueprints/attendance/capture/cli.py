"""`flask --app wsgi attendance import FILE`: a device's tab-separated log or a user_id,timestamp[,state] CSV."""
import sys
from pathlib import Path

import click
import sqlalchemy as sa

from hrapp.blueprints.attendance.cli import attendance_group
from hrapp.company import company_settings
from hrapp.extensions import db
from hrapp.models import AttendanceDevice

from .file_import import FileProblem, parse_upload
from .services import store_parsed


@attendance_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--timezone", "zone", default="", help="Time zone of the file's times (default: the company's).")
@click.option("--device", "serial", default="", help="Serial number of the time clock the file came from.")
def import_command(file: Path, zone: str, serial: str) -> None:
    """Import punches from FILE; a malformed file stores nothing and exits non-zero."""
    device_id = None
    if serial:
        device_id = db.session.scalar(sa.select(AttendanceDevice.id).where(AttendanceDevice.serial == serial))
        if device_id is None:
            raise click.ClickException(f"no time clock with serial {serial}")
    try:
        parsed = parse_upload(file.name, file.read_bytes(), zone or company_settings().timezone)
    except FileProblem as exc:
        raise click.ClickException(f"cannot read {file}: {exc.code} {exc.detail}") from None
    if parsed.mapping is None:
        raise click.ClickException(f"{file}: no user_id and timestamp columns")
    errors = parsed.errors
    if errors:
        for error in errors[:20]:
            click.echo(f"line {error.line}: {error.code}: {error.raw}", err=True)
        click.echo(f"{len(errors)} malformed lines; nothing stored", err=True)
        sys.exit(1)
    result = store_parsed(parsed.punches, None, device_id, file.name)
    db.session.commit()
    click.echo(f"stored {result.stored}, duplicates {result.duplicates}, refused {len(result.refused)}, "
               f"unmapped {len(result.unmapped)}"
               + (f" ({', '.join(sorted(result.unmapped)[:20])})" if result.unmapped else ""))
