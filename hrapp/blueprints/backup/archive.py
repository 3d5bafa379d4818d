"""The backup archive: a gzip'd tar whose first member, `manifest.json`, lists every other member with
its SHA-256. Plain Python (no Flask, no database): the services decide what goes in and where it lands.

Member names are `database.sqlite` and `<area>/<path inside the area>` (areas such as `pki` and
`attachments`); reading refuses anything else, so an archive can never write outside its targets.
"""
import hashlib
import io
import json
import os
import tarfile
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MANIFEST = "manifest.json"
DATABASE = "database.sqlite"
FORMAT = "hrapp-backup"
FORMAT_VERSION = 1
_CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore was refused or failed; the message says why, for the operator."""


@dataclass(frozen=True)
class Manifest:
    """What an archive holds: its schema (Alembic head), when it was made, and every member's checksum."""

    migration_head: str | None
    created_at: str
    has_database: bool
    files: dict[str, str] = field(default_factory=dict)  # member name -> SHA-256
    app: str = "hrapp"

    def to_json(self) -> bytes:
        return json.dumps({"format": FORMAT, "format_version": FORMAT_VERSION, "app": self.app,
                           "migration_head": self.migration_head, "created_at": self.created_at,
                           "database": DATABASE if self.has_database else None, "files": self.files},
                          indent=2, sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes) -> "Manifest":
        """:raise BackupError: not an hrapp backup manifest, or one of a format this version cannot read."""
        try:
            raw = json.loads(data)
            if raw.get("format") != FORMAT:
                raise BackupError("this archive is not an hrapp backup (its manifest has another format)")
            if raw.get("format_version") != FORMAT_VERSION:
                raise BackupError(f"backup format version {raw.get('format_version')!r} is not supported")
            files = {str(k): str(v) for k, v in raw["files"].items()}
            manifest = cls(migration_head=raw.get("migration_head"), created_at=str(raw["created_at"]),
                           has_database=raw.get("database") == DATABASE, files=files, app=str(raw.get("app")))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BackupError(f"the backup's manifest is unreadable ({exc})") from exc
        if manifest.has_database and DATABASE not in files:
            raise BackupError("the backup's manifest names a database but lists no checksum for it")
        return manifest


def sha256_file(path: Path) -> str:
    """Lower-case hex SHA-256 of a file's content, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def area_files(area: str, root: Path) -> list[tuple[str, Path]]:
    """(member name, path) of every regular file below `root` (none when it does not exist), sorted."""
    if not root.is_dir():
        return []
    found = [(f"{area}/{path.relative_to(root).as_posix()}", path)
             for path in root.rglob("*") if path.is_file() and not path.is_symlink()]
    return sorted(found)


def write_archive(target: Path, migration_head: str | None, created_at: str,
                  members: list[tuple[str, Path]]) -> Manifest:
    """Write `members` (name, path) and their manifest to `target`, atomically (a temporary file in the
    same folder, renamed into place). Returns the manifest written."""
    files = {name: sha256_file(path) for name, path in members}
    manifest = Manifest(migration_head, created_at, DATABASE in files, files)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            data = manifest.to_json()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mode = len(data), 0o600
            tar.addfile(info, io.BytesIO(data))
            for name, path in members:
                tar.add(path, arcname=name, recursive=False)
        os.chmod(temporary, 0o600)  # it holds the keys and personal data
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return manifest


def member_path(name: str, areas: tuple[str, ...]) -> PurePosixPath:
    """The relative path a member name stands for. :raise BackupError: a name outside the known areas."""
    path = PurePosixPath(name)
    if (path.is_absolute() or ".." in path.parts or not path.parts
            or (name != DATABASE and (path.parts[0] not in areas or len(path.parts) < 2))):
        raise BackupError(f"the archive holds an unexpected member {name!r}; refusing it")
    return path


def read_archive(source: Path, into: Path, areas: tuple[str, ...]) -> Manifest:
    """Extract `source` into the empty folder `into`, checking every member against the manifest.

    :raise BackupError: unreadable or damaged archive, a member missing, extra, not a file, or whose
        checksum differs from the manifest's.
    """
    try:
        with tarfile.open(source, mode="r:gz") as tar:
            return _extract(tar, into, areas)
    except FileNotFoundError as exc:
        raise BackupError(f"no such file: {source}") from exc
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise BackupError(f"the archive is damaged or not a backup ({exc}); nothing was restored") from exc


def _extract(tar: tarfile.TarFile, into: Path, areas: tuple[str, ...]) -> Manifest:
    first = tar.next()
    if first is None or first.name != MANIFEST or not first.isfile():
        raise BackupError("the archive does not start with a backup manifest; nothing was restored")
    manifest = Manifest.from_json(tar.extractfile(first).read())
    seen = set()
    while (member := tar.next()) is not None:  # streaming: iterating would start over
        if member.name not in manifest.files or member.name in seen or not member.isfile():
            raise BackupError(f"the archive holds a member its manifest does not list: {member.name!r}")
        destination = into / member_path(member.name, areas)
        destination.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with tar.extractfile(member) as data, open(destination, "wb") as out:
            while chunk := data.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
        os.chmod(destination, member.mode & 0o700 or 0o600)
        if digest.hexdigest() != manifest.files[member.name]:
            raise BackupError(f"checksum mismatch for {member.name}: the archive was altered or damaged; "
                              "nothing was restored")
        seen.add(member.name)
    missing = sorted(set(manifest.files) - seen)
    if missing:
        raise BackupError(f"the archive lacks {len(missing)} file(s) its manifest lists (first: {missing[0]}); "
                          "nothing was restored")
    return manifest
