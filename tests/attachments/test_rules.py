"""Pure attachment rules: type from content, acceptance, safe names (no database needed)."""
import pytest

from hrapp.core.attachment_rules import ALLOWED_TYPES, clean_name, download_name, sniff_content_type, upload_problem
from tests.attachments.conftest import EXE, JPEG, PDF, PNG


@pytest.mark.parametrize(("data", "expected"), [
    (PNG, "image/png"), (JPEG, "image/jpeg"), (PDF, "application/pdf"),
    (EXE, "application/x-msdownload"), (b"just some text", None), (b"", None),
])
def test_sniff_content_type_reads_the_bytes(data, expected):
    assert sniff_content_type(data) == expected


def test_sniff_content_type_ignores_a_disguise():
    # The name and claimed type never reach the sniffer: only the bytes do.
    assert sniff_content_type(PNG) not in (None, "application/pdf")


@pytest.mark.parametrize(("size", "kind", "expected"), [
    (1, "image/png", None), (100, "image/jpeg", None), (100, "application/pdf", None),
    (0, "application/pdf", "empty"), (101, "image/png", "too_large"),
    (50, "application/x-msdownload", "type"), (50, None, "type"), (0, None, "empty"),
])
def test_upload_problem(size, kind, expected):
    assert upload_problem(size, kind, max_bytes=100) == expected


def test_allow_list_is_jpeg_png_pdf_only():
    assert set(ALLOWED_TYPES) == {"image/jpeg", "image/png", "application/pdf"}


@pytest.mark.parametrize(("name", "expected"), [
    ("合同.pdf", "合同.pdf"), ("../../etc/passwd", "../../etc/passwd"), ("<script>x</script>", "<script>x</script>"),
    ("  a\x00b\nc.pdf ", "abc.pdf"), ("", ""),
])
def test_clean_name_keeps_text_without_controls(name, expected):
    assert clean_name(name) == expected


@pytest.mark.parametrize(("name", "kind", "expected"), [
    ("合同 扫描.PDF", "image/png", "合同 扫描.png"),          # extension follows the real type
    ('<script>alert("x")</script>.pdf', "application/pdf", "script_alert(_x_)__script.pdf"),
    ("../../evil.exe.pdf", "application/pdf", "evil.exe.pdf"),
    ("C:\\Users\\hr\\scan.png", "image/png", "C__Users_hr_scan.png"),
    ("...", "image/jpeg", "attachment-7.jpg"),
    ("", "application/pdf", "attachment-7.pdf"),
])
def test_download_name_is_safe_and_typed(name, kind, expected):
    assert download_name(name, kind, "attachment-7") == expected
