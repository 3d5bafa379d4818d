"""Attachment fixtures: a private store folder per test, sample files of each kind, and upload helpers."""
import io

import pytest
from PIL import Image


def _image(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(out, fmt)
    return out.getvalue()


PNG = _image("PNG")
JPEG = _image("JPEG")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program cannot be run in DOS mode."


@pytest.fixture
def store_dir(app, tmp_path, monkeypatch):
    """Each test stores its files in its own temporary folder."""
    folder = tmp_path / "attachments"
    monkeypatch.setitem(app.config, "ATTACHMENTS_DIR", str(folder))
    return folder


def stored_files(folder) -> list:
    """The content files in the store (temporary files of an interrupted write would show up too)."""
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def upload(client, staff, data: bytes, name: str = "scan.pdf", note: str = "", follow: bool = False,
           mimetype: str = "application/pdf"):
    """Post the staff page's upload form."""
    return client.post(f"/attachments/staff/{staff.id}", follow_redirects=follow, content_type="multipart/form-data",
                       data={"file": (io.BytesIO(data), name, mimetype), "note": note})
