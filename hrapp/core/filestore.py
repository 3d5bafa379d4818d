"""A content-addressed file store on disk: each distinct content is kept once, named by its SHA-256.

Plain Python (no Flask, no database): the attachments mechanism gives it its folder. A file's path is
`<root>/<first two hex digits>/<the other 62>`, so no folder grows past 256 entries per level and no
name a user typed ever reaches the file system.
"""
import hashlib
import os
import re
import tempfile
from pathlib import Path

_SHA256 = re.compile(r"[0-9a-f]{64}")


def sha256_of(data: bytes) -> str:
    """Lower-case hex SHA-256 of `data`."""
    return hashlib.sha256(data).hexdigest()


def is_inside(path: str | os.PathLike, folder: str | os.PathLike) -> bool:
    """Whether `path` is `folder` or lies below it, symbolic links resolved."""
    return Path(path).resolve().is_relative_to(Path(folder).resolve())


class FileStore:
    """Files under `root`, addressed by the SHA-256 of their content."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        """Where the content with this hash lives. :raise ValueError: not a lower-case hex SHA-256."""
        if not _SHA256.fullmatch(sha256 or ""):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:]

    def put(self, data: bytes) -> str:
        """Store `data` unless the same content is already there; returns its SHA-256.

        The write is atomic: the bytes go to a temporary file in the target folder, are flushed to
        disk, then renamed into place, so a reader never sees half a file, and two writers of the
        same content both end with the one complete file.
        """
        sha256 = sha256_of(data)
        path = self.path_for(sha256)
        if path.is_file():
            return sha256
        path.parent.mkdir(mode=0o750, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, 0o640)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return sha256

    def exists(self, sha256: str) -> bool:
        """Whether the content with this hash is stored."""
        return self.path_for(sha256).is_file()

    def discard(self, sha256: str) -> bool:
        """Remove the content with this hash; False if it was not there."""
        try:
            self.path_for(sha256).unlink()
        except FileNotFoundError:
            return False
        return True
