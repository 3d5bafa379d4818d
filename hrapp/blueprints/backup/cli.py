"""`flask --app wsgi backup FILE` and `flask --app wsgi restore FILE`."""
from pathlib import Path

import click
from flask.cli import with_appcontext

from .archive import BackupError
from .services import restore_backup, take_backup


@click.command("backup")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--files-only", is_flag=True, help="Only the signing keys and stored files (PostgreSQL: "
              "the database goes through pg_dump).")
@with_appcontext
def backup_command(target: Path, files_only: bool) -> None:
    """Write a backup archive (tar.gz): the SQLite database, signing keys and stored files."""
    try:
        manifest = take_backup(target, files_only=files_only)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Backup written to {target}: {len(manifest.files)} file(s), "
               f"migration {manifest.migration_head or '-'}, {manifest.created_at}")


@click.command("restore")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite an instance that already holds data.")
@with_appcontext
def restore_command(source: Path, force: bool) -> None:
    """Restore a backup archive into this (empty) instance; then run `flask db upgrade`."""
    try:
        manifest = restore_backup(source, force=force)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Restored {len(manifest.files)} file(s) from {source} (made {manifest.created_at}, "
               f"migration {manifest.migration_head or '-'}). Now run `flask --app wsgi db upgrade`.")
