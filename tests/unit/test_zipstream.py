"""The streamed ZIP writer: members come out as they are added, intact, with unique names."""
import io
import zipfile
from datetime import datetime

from hrapp.core.zipstream import zip_chunks

WHEN = datetime(2026, 5, 1, 8, 30)


def test_zip_chunks_yields_a_readable_archive_member_by_member():
    members = [("a.pdf", b"%PDF-1 first", WHEN), ("b.pdf", b"%PDF-1 second" * 1000, WHEN)]
    chunks = list(zip_chunks(iter(members)))
    assert len(chunks) >= len(members)  # one chunk per member, then the central directory
    assert chunks[0].startswith(b"PK\x03\x04") and b"first" in chunks[0]
    with zipfile.ZipFile(io.BytesIO(b"".join(chunks))) as archive:
        assert archive.testzip() is None
        assert archive.read("b.pdf") == members[1][1]
        assert archive.getinfo("a.pdf").compress_type == zipfile.ZIP_STORED
        assert archive.getinfo("a.pdf").date_time == (2026, 5, 1, 8, 30, 0)


def test_zip_chunks_makes_repeated_names_unique():
    data = b"".join(zip_chunks([("x.pdf", b"1", WHEN), ("x.pdf", b"2", WHEN), ("x.pdf", b"3", WHEN)]))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["x.pdf", "x (2).pdf", "x (3).pdf"]
        assert archive.read("x (3).pdf") == b"3"
