"""Taking and restoring backups of an instance: the embedded SQLite database (copied with SQLite's online
backup API while the app runs), the signing keys and certificates (PKI_DIR) and the stored files
(ATTACHMENTS_DIR). On PostgreSQL the database is pg_dump's business (README, "Backups"); the files and
keys still come from here (`--files-only`)."""
import shutil
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from flask import current_app

from hrapp.extensions import db

from .archive import DATABASE, BackupError, Manifest, area_files, read_archive, write_archive

# Archive area -> the config key of its folder (default: that name under the instance folder).
AREAS = {"pki": "PKI_DIR", "attachments": "ATTACHMENTS_DIR"}
POSTGRES_HINT = ("the database is not the embedded SQLite one: back it up with pg_dump and restore it with "
                 "pg_restore (README, \"Backups\"); `backup --files-only` still saves the keys and stored files")


def area_dir(area: str) -> Path:
    """The folder an archive area is kept in on this instance."""
    return Path(current_app.config.get(AREAS[area]) or Path(current_app.instance_path) / area)


def sqlite_path() -> Path | None:
    """The embedded database's file, or None when the database is not SQLite.

    :raise BackupError: an in-memory SQLite database (nothing to back up).
    """
    url = db.engine.url
    if url.get_backend_name() != "sqlite":
        return None
    if url.database in (None, "", ":memory:"):
        raise BackupError("the database is in memory: there is nothing to back up")
    return Path(url.database).resolve()


def _script_directory() -> ScriptDirectory:
    config = AlembicConfig()
    config.set_main_option("script_location", current_app.extensions["migrate"].directory)
    return ScriptDirectory.from_config(config)


def _stored_head(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def copy_sqlite(source: Path, target: Path) -> str | None:
    """A consistent copy of the live database `source` in `target` (SQLite's online backup: one read
    transaction, so writers committing meanwhile are either wholly in the copy or not at all).
    Returns the copy's migration head. :raise BackupError: the copy fails its integrity check."""
    with sqlite3.connect(source, timeout=60) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    with sqlite3.connect(target) as copy:
        if copy.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError("the copied database fails SQLite's integrity check")
        return _stored_head(copy)


def take_backup(target: Path, files_only: bool = False) -> Manifest:
    """Write a backup archive of this instance to `target` (atomically) and return its manifest.

    :raise BackupError: the database is in memory, or not SQLite and `files_only` was not asked for.
    """
    database = None if files_only else sqlite_path()
    if database is None and not files_only:
        raise BackupError(POSTGRES_HINT)
    created_at = datetime.now(UTC).isoformat(timespec="seconds")
    target.resolve().parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.resolve().parent, prefix=".hrapp-backup-") as scratch:
        members, head = [], None
        if database is not None:
            copy = Path(scratch) / DATABASE
            head = copy_sqlite(database, copy)
            members.append((DATABASE, copy))
        for area in AREAS:
            members.extend(area_files(area, area_dir(area)))
        return write_archive(target, head, created_at, members)


def _has_rows(path: Path) -> bool:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version'")]
        return any(conn.execute(f'SELECT 1 FROM "{t}" LIMIT 1').fetchone() for t in tables)


def occupied(manifest: Manifest) -> list[str]:
    """What of this instance a restore of `manifest` would overwrite: a database holding rows, a
    non-empty key or file folder."""
    found = []
    database = sqlite_path() if manifest.has_database else None
    if database is not None and database.exists() and _has_rows(database):
        found.append(str(database))
    for area in AREAS:
        if any(name.startswith(f"{area}/") for name in manifest.files) and area_files(area, area_dir(area)):
            found.append(str(area_dir(area)))
    return found


def check_revision(head: str | None) -> None:
    """:raise BackupError: the backup's schema is one this version of hrapp does not know (newer)."""
    if head is None:
        return
    try:
        known = _script_directory().get_revision(head)
    except CommandError:
        known = None
    if known is None:
        raise BackupError(f"the backup was made by a newer version of hrapp (migration {head} is unknown "
                          "here): install that version or a later one, then restore")


def restore_backup(source: Path, force: bool = False) -> Manifest:
    """Put the archive `source` back into this instance: every member is checked against the manifest
    before anything is written. Returns the manifest.

    :raise BackupError: damaged or altered archive, a newer schema, a non-SQLite database for a backup
        with one, or (without `force`) an instance that is not empty.
    """
    with tempfile.TemporaryDirectory(prefix=".hrapp-restore-") as scratch:
        manifest = read_archive(source, Path(scratch), tuple(AREAS))
        check_revision(manifest.migration_head)
        if manifest.has_database and sqlite_path() is None:
            raise BackupError(POSTGRES_HINT)
        busy = occupied(manifest)
        if busy and not force:
            raise BackupError("this instance is not empty (" + ", ".join(busy) + "); restore into an empty "
                              "instance, or pass --force to overwrite it")
        if manifest.has_database:
            _restore_database(Path(scratch) / DATABASE, sqlite_path())
        for area in AREAS:
            extracted = Path(scratch) / area
            if extracted.is_dir():
                shutil.copytree(extracted, area_dir(area), dirs_exist_ok=True)
    return manifest


def _restore_database(copy: Path, target: Path) -> None:
    """Write the checked copy over the target database through SQLite's backup API (a page-level copy
    in one write transaction; the app's pooled connections are dropped first)."""
    db.engine.dispose()
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(copy) as src, sqlite3.connect(target, timeout=60) as dst:
        src.backup(dst)
    db.engine.dispose()
