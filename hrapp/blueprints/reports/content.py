"""A document's content as plain data: what a builder prints, its fingerprint, and what changed.

Pure: no Flask, no database. The content of a report is the frozen dataclass its `data` function
prepares, without the letterhead (number, date, code) and the signature captions, turned into
JSON-compatible values so that the copy stored at issue time and one computed later compare equal.
"""
import dataclasses
import hashlib
import json
from dataclasses import dataclass

# Fields every report's data carries that describe the document, not its record.
DOCUMENT_FIELDS = ("letterhead", "signature_labels")
# A list item is named by the first of these keys it has (else by its position, 1-based).
IDENTITY_KEYS = ("staff_number", "code", "day", "date", "on", "label")


@dataclass(frozen=True)
class Change:
    """One field that differs: its path (field names and row identities) and both values (None: absent)."""

    path: tuple[str, ...]
    old: object
    new: object


def _normalise(value):
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def content_of(data) -> dict:
    """The record content printed by a report: `data` (a dataclass instance or a dict) without the
    document fields, as JSON-compatible values (dates as ISO strings, tuples as lists)."""
    raw = dataclasses.asdict(data) if dataclasses.is_dataclass(data) else dict(data)
    return _normalise({k: v for k, v in raw.items() if k not in DOCUMENT_FIELDS})


def content_digest(content: dict) -> str:
    """SHA-256 (hex) of the canonical JSON of `content`: equal content, equal digest."""
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _item_key(item, index: int) -> str:
    if isinstance(item, dict):
        for key in IDENTITY_KEYS:
            if item.get(key) not in (None, ""):
                return str(item[key])
    return str(index + 1)


def _keyed(items: list) -> dict[str, object]:
    keyed: dict[str, object] = {}
    for index, item in enumerate(items):
        key = _item_key(item, index)
        keyed[key if key not in keyed else f"{key} ({index + 1})"] = item
    return keyed


def _is_row_list(value) -> bool:
    return isinstance(value, list) and any(isinstance(v, dict | list) for v in value)


def content_changes(old, new, path: tuple[str, ...] = ()) -> list[Change]:
    """Field-level differences from `old` to `new` (content dicts), in field order.

    Dicts are compared key by key; lists of rows by each row's identity (its staff number, code or
    day, else its position); lists of plain values position by position.
    """
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        keys = list(old) + [k for k in new if k not in old]
        return [c for k in keys for c in content_changes(old.get(k), new.get(k), (*path, str(k)))]
    if _is_row_list(old) or _is_row_list(new):
        return content_changes(_keyed(old or []), _keyed(new or []), path)
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [c for i, (a, b) in enumerate(zip(old, new, strict=True))
                for c in content_changes(a, b, (*path, str(i + 1)))]
    return [Change(path, old, new)]
