"""Staged imports: validated rows kept in a JSON file between the preview and the confirmation.

The file is named by a random token and records its owner; only that user may confirm it.
"""
import json
import os
import re
import secrets
import time
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from hrapp.blueprints.staff_import_export.columns import COLUMN_BY_KEY
from hrapp.models.staff import EmploymentStatus, Gender

TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
MAX_AGE_SECONDS = 24 * 3600


class StagedImportMissing(LookupError):
    """No staged import for this token (bad token, expired, or already committed)."""


class StagedImportForbidden(PermissionError):
    """The staged import belongs to another user."""


@dataclass(frozen=True)
class StagedImport:
    token: str
    user_id: int
    filename: str
    header_names: dict[str, str]
    rows: list[dict]  # {"line": int, "values": values_to_json(...)}
    extra: dict | None = None  # what else the importer keeps between its steps (JSON-safe)


def values_to_json(values: dict[str, object]) -> dict[str, object]:
    """Typed row values as JSON-safe values (dates ISO, Decimal as text, enums by value)."""
    out: dict[str, object] = {}
    for key, value in values.items():
        if isinstance(value, Gender | EmploymentStatus):
            value = value.value
        elif isinstance(value, date | Decimal):
            value = str(value)
        out[key] = value
    return out


def values_from_json(data: dict[str, object]) -> dict[str, object]:
    """Inverse of values_to_json. :raise KeyError/ValueError: on data it did not write."""
    values: dict[str, object] = {}
    for key, value in data.items():
        kind = COLUMN_BY_KEY[key].kind
        if value is not None and kind == "date":
            value = date.fromisoformat(value)
        elif value is not None and kind == "money":
            value = Decimal(value)
        elif kind == "gender":
            value = Gender(value)
        elif kind == "status":
            value = EmploymentStatus(value)
        values[key] = value
    return values


def _path(import_dir: str, token: str) -> Path:
    if not TOKEN_RE.match(token or ""):
        raise StagedImportMissing(token)
    return Path(import_dir) / f"{token}.json"


def _purge_old(directory: Path) -> None:
    """Remove staged files nobody confirmed within MAX_AGE_SECONDS."""
    limit = time.time() - MAX_AGE_SECONDS
    for path in directory.glob("*.json"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass  # another request removed it first


def stage_import(import_dir: str, user_id: int, filename: str, header_names: dict[str, str],
                 rows: list[dict], extra: dict | None = None) -> str:
    """Write the rows (and `extra`, JSON-safe) to a new private file and return its token."""
    directory = Path(import_dir)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    _purge_old(directory)
    token = secrets.token_urlsafe(32)
    payload = {"user_id": user_id, "filename": filename, "header_names": header_names, "rows": rows, "extra": extra}
    fd = os.open(_path(import_dir, token), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(payload, handle, ensure_ascii=False)
    return token


def load_staged(import_dir: str, token: str, user_id: int) -> StagedImport:
    """The staged import for `token`, if it belongs to `user_id`.

    :raise StagedImportMissing: unknown, malformed or expired token.
    :raise StagedImportForbidden: the file was staged by someone else.
    """
    path = _path(import_dir, token)
    try:
        if path.stat().st_mtime < time.time() - MAX_AGE_SECONDS:
            raise StagedImportMissing(token)
        with open(path, encoding="utf-8") as handle:
            payload = json.load(handle)
    except (OSError, ValueError):
        raise StagedImportMissing(token) from None
    if payload.get("user_id") != user_id:
        raise StagedImportForbidden(token)
    return StagedImport(token, user_id, payload["filename"], payload["header_names"], payload["rows"],
                        payload.get("extra"))


def discard_staged(import_dir: str, token: str) -> None:
    """Delete a staged import (no error if it is already gone)."""
    try:
        _path(import_dir, token).unlink()
    except (OSError, StagedImportMissing):
        pass
