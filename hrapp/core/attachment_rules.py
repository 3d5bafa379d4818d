"""Pure rules for attached files: what a file is (from its bytes), whether it is accepted, its download name.

No Flask, no database. The type is decided from the content with the `filetype` library (magic
numbers), never from the name or the type the browser claims.
"""
import re
import unicodedata

import filetype

# The allow-list: content type -> the extension a download gets.
ALLOWED_TYPES: dict[str, str] = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"}
SNIFF_BYTES = 8192  # filetype reads no further than this
NAME_MAX = 255
_UNSAFE = re.compile(r'[\x00-\x1f\x7f"\\/:*?<>|;]')


def sniff_content_type(head: bytes) -> str | None:
    """The content type the bytes show (their magic number), or None when not recognised."""
    kind = filetype.guess(bytes(head[:SNIFF_BYTES])) if head else None
    return kind.mime if kind else None


def upload_problem(size_bytes: int, content_type: str | None, max_bytes: int) -> str | None:
    """Why a file may not be attached, as a code, or None when it may.

    "empty": no bytes; "too_large": more than `max_bytes`; "type": the content is not in ALLOWED_TYPES
    (None, unrecognised, counts as not allowed).
    """
    if size_bytes <= 0:
        return "empty"
    if size_bytes > max_bytes:
        return "too_large"
    if content_type not in ALLOWED_TYPES:
        return "type"
    return None


def clean_name(original_name: str) -> str:
    """The uploaded name as it will be kept, as text: without control characters, trimmed, at most 255
    characters. It never names a file on disk, so slashes and markup stay (and are escaped on output)."""
    name = unicodedata.normalize("NFC", original_name or "")
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    return name.strip()[:NAME_MAX]


def download_name(original_name: str, content_type: str, fallback: str) -> str:
    """A safe file name for Content-Disposition: the kept name without characters that mean something to a
    shell or file system, its extension replaced by the one of the real type (a PNG named .pdf downloads
    as .png); `fallback` (e.g. "attachment-12") when nothing is left of the name."""
    name = _UNSAFE.sub("_", clean_name(original_name))
    stem = (name.rsplit(".", 1)[0] if "." in name else name).strip(" ._") or fallback
    return f"{stem[:100]}.{ALLOWED_TYPES.get(content_type, 'bin')}"
