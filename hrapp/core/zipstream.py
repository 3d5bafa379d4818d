"""A ZIP archive written as a stream of chunks: each member goes out as soon as it is added, so a download
of many files never holds them all in memory. Plain Python (no Flask)."""
import io
import zipfile
from collections.abc import Iterable, Iterator
from datetime import datetime


class _Chunks(io.RawIOBase):
    """A write-only, unseekable sink that hands back what was written since it was last asked."""

    def __init__(self):
        self._parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        out = b"".join(self._parts)
        self._parts.clear()
        return out


def zip_chunks(members: Iterable[tuple[str, bytes, datetime]], compress: bool = False) -> Iterator[bytes]:
    """The bytes of a ZIP of `members` (name, content, modified), chunk by chunk; names are made unique
    ("a.pdf", "a (2).pdf"). Already-compressed content (PDFs) is stored as it is unless `compress`."""
    sink, used = _Chunks(), set()
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(sink, mode="w", compression=method) as archive:
        for name, data, modified in members:
            unique, n = name, 1
            while unique in used:
                n += 1
                stem, dot, ext = name.rpartition(".")
                unique = f"{stem} ({n}).{ext}" if dot else f"{name} ({n})"
            used.add(unique)
            info = zipfile.ZipInfo(unique, date_time=modified.timetuple()[:6])
            info.compress_type = method
            archive.writestr(info, data)
            yield sink.take()
    yield sink.take()
