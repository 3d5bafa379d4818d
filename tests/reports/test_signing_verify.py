"""Signing and verification, checked three ways: our verify_pdf, pyHanko against the root, and
poppler's pdfsig with the root in an NSS database. Every tamper case must be detected."""
import asyncio
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from io import BytesIO

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature

from hrapp.blueprints.reports import pki
from hrapp.blueprints.reports.eventloop import call_outside_loop
from hrapp.blueprints.reports.signing import SignatureFailed, StampText, sign_pdf
from hrapp.blueprints.reports.verify import _context, verify_pdf
from hrapp.blueprints.staff.pdf import build_staff_card
from tests.reports.conftest import PASSPHRASE, card_data, pdfsig, pdftotext

STAMP = StampText("李人事 (hr)", "人事专员 HR clerk", "2026-05-01 10:00:00 CST", "人事档案核准 Staff record certified")
ACK = StampText("王小明 (staff)", "员工 Staff", "2026-05-02 09:30:00 CST", "本人确认 Acknowledged")


@pytest.fixture(scope="module")
def built():
    return build_staff_card(card_data(rows=30))


@pytest.fixture(scope="module")
def signed1(built, creds):
    return sign_pdf(built.data, creds, slots=built.slots, index=0, stamp=STAMP, reason=STAMP.reason)


@pytest.fixture(scope="module")
def signed2(built, signed1, creds2):
    return sign_pdf(signed1, creds2, slots=built.slots, index=1, stamp=ACK, reason=ACK.reason)


def _root(pki_settings_):
    return pki.load_root(pki_settings_)


def _append_update(data: bytes, change) -> bytes:
    writer = IncrementalPdfFileWriter(BytesIO(data))
    change(writer)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _add_visible_text(writer):
    page_ref = writer.root["/Pages"]["/Kids"][0]
    page = page_ref.get_object()
    name = generic.NameObject
    font = writer.add_object(generic.DictionaryObject({name("/Type"): name("/Font"), name("/Subtype"): name("/Type1"),
                                                        name("/BaseFont"): name("/Helvetica")}))
    resources = page["/Resources"]
    fonts = resources["/Font"]
    fonts[name("/FX")] = font
    for container in (fonts, resources):
        if container.container_ref is not None:
            writer.update_container(container)
    extra = writer.add_object(generic.StreamObject(stream_data=b"BT /FX 24 Tf 100 400 Td (FORGED 0 CNY) Tj ET"))
    contents = page["/Contents"]
    page["/Contents"] = generic.ArrayObject(
        [*(contents if isinstance(contents, generic.ArrayObject) else [page.raw_get("/Contents")]), extra])
    writer.update_container(page)


def _change_metadata(writer):
    writer.trailer["/Info"] = writer.add_object(generic.DictionaryObject(
        {generic.NameObject("/Title"): generic.TextStringObject("Forged title")}))


def test_one_signature_verifies(signed1, pki_settings_):
    result = verify_pdf(signed1, _root(pki_settings_))
    assert result.ok, result.all_problems
    (sig,) = result.signatures
    assert sig.signer == "李人事 (hr)" and sig.intact and sig.valid and sig.trusted and sig.covers_whole_file
    assert sig.reason == STAMP.reason and sig.signed_at is not None


def test_two_successive_signatures_verify(signed1, signed2, pki_settings_):
    assert signed2.startswith(signed1)  # an incremental update
    result = verify_pdf(signed2, _root(pki_settings_))
    assert result.ok, result.all_problems
    assert [s.signer for s in result.signatures] == ["李人事 (hr)", "王小明 (staff)"]
    assert [s.covers_whole_file for s in result.signatures] == [False, True]


def test_pyhanko_against_the_root(signed2, pki_settings_):
    reader = PdfFileReader(BytesIO(signed2))
    statuses = [call_outside_loop(validate_pdf_signature, e, _context(_root(pki_settings_)))
                for e in reader.embedded_signatures]
    assert all(s.bottom_line and s.trusted and s.intact for s in statuses)


def test_pdfsig_valid_trusted_and_total(signed2, nss_db, tmp_path):
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed2)
    reports = pdfsig(nss_db, path)
    assert len(reports) == 2, reports
    assert all(r["valid"] and r["trusted"] for r in reports), reports
    newest = next(r for r in reports if r["field"] == "Sig2")
    assert newest["total"], newest["text"]


def test_stamp_text_is_on_the_page(signed2, tmp_path):
    path = tmp_path / "signed.pdf"
    path.write_bytes(signed2)
    text = pdftotext(path)
    assert "签名人 Signed by: 李人事 (hr)" in text and "角色 Role: 员工 Staff" in text
    assert "事由 Reason: 本人确认 Acknowledged" in text and "2026-05-01 10:00:00 CST" in text


def test_one_byte_changed_inside_the_signed_range(signed1, pki_settings_, nss_db, tmp_path):
    tampered = bytearray(signed1)
    tampered[signed1.index(b"Generated PDF")] ^= 0x01  # inside the first revision: still a readable PDF
    result = verify_pdf(bytes(tampered), _root(pki_settings_))
    assert not result.ok and not result.signatures[0].intact
    path = tmp_path / "t.pdf"
    path.write_bytes(bytes(tampered))
    assert not any(r["valid"] for r in pdfsig(nss_db, path))  # pdfsig exits 0: its text says so


def test_appended_update_changing_visible_text(signed1, pki_settings_, tmp_path):
    tampered = _append_update(signed1, _add_visible_text)
    path = tmp_path / "t.pdf"
    path.write_bytes(tampered)
    assert "FORGED" in pdftotext(path)
    result = verify_pdf(tampered, _root(pki_settings_))
    assert not result.ok and result.modified_after_last_signature
    assert result.signatures[0].intact and result.signatures[0].valid  # the old bytes are untouched


def test_appended_update_changing_only_metadata(signed1, pki_settings_):
    tampered = _append_update(signed1, _change_metadata)
    # pyHanko's own verdict accepts this trailing update; the whole-file rule does not.
    reader = PdfFileReader(BytesIO(tampered))
    status = call_outside_loop(validate_pdf_signature, reader.embedded_signatures[0], _context(_root(pki_settings_)))
    assert status.intact and status.valid and status.bottom_line, status.pretty_print_details()
    result = verify_pdf(tampered, _root(pki_settings_))
    assert not result.ok and result.modified_after_last_signature


def test_visible_change_between_two_signatures_is_caught(built, signed1, creds2, pki_settings_):
    tampered = _append_update(signed1, _add_visible_text)
    resigned = sign_pdf(tampered, creds2, slots=built.slots, index=1, stamp=ACK, reason=ACK.reason)
    result = verify_pdf(resigned, _root(pki_settings_))
    assert not result.ok
    assert "later revisions change more than signature fields" in result.signatures[0].problems


def test_look_alike_root_with_the_same_name(tmp_path, built, pki_settings_, nss_db):
    fake = pki.PkiSettings(tmp_path / "fake", PASSPHRASE)
    real_root = _root(pki_settings_)
    organisation = real_root.subject.get_attributes_for_oid(pki.NameOID.ORGANIZATION_NAME)[0].value
    fake_root = pki.create_root(fake, organisation)
    assert fake_root.subject == real_root.subject  # same name, different key
    pki.issue_signer(fake, "org", "测试旅行社 Test Travel document signing", organisation=organisation)
    forged = sign_pdf(built.data, pki.load_credentials(fake, "org"), slots=built.slots, index=0, stamp=STAMP,
                      reason=STAMP.reason)
    result = verify_pdf(forged, real_root)
    assert not result.ok and not result.signatures[0].trusted and result.signatures[0].intact
    path = tmp_path / "forged.pdf"
    path.write_bytes(forged)
    (report,) = pdfsig(nss_db, path)
    assert report["valid"] and not report["trusted"]


@pytest.mark.parametrize("data, message", [
    (b"hello world", "not a PDF"), (b"%PDF-1.7\n garbage", "damaged"), (b"", "not a PDF"),
])
def test_bad_input_gets_a_clear_message(data, message, pki_settings_):
    result = verify_pdf(data, _root(pki_settings_))
    assert not result.ok and message in result.problems[0]


def test_unsigned_and_truncated_files(built, signed1, pki_settings_):
    assert "no signature" in verify_pdf(built.data, _root(pki_settings_)).problems[0]
    assert not verify_pdf(signed1[:-40], _root(pki_settings_)).ok
    assert "larger than" in verify_pdf(signed1, _root(pki_settings_), max_bytes=1000).problems[0]


def test_a_slot_cannot_be_signed_twice(built, signed1, creds):
    with pytest.raises(SignatureFailed):
        sign_pdf(signed1, creds, slots=built.slots, index=0, stamp=STAMP, reason="again")


def test_expired_certificate_is_refused(tmp_path, pki_settings_):
    old = datetime.now(UTC) - timedelta(days=365 * 5)
    pki.issue_signer(pki_settings_, "expired", "过期 Expired", years=1, valid_from=old)
    with pytest.raises(pki.PkiError, match="expired"):
        pki.load_credentials(pki_settings_, "expired")


def test_signing_and_verifying_inside_a_running_event_loop(built, creds, pki_settings_):
    """pyHanko's sync API uses asyncio.run(); an app running inside an event loop must still sign."""
    async def inside():
        signed = sign_pdf(built.data, creds, slots=built.slots, index=0, stamp=STAMP, reason=STAMP.reason)
        return verify_pdf(signed, _root(pki_settings_))

    with ThreadPoolExecutor(max_workers=1) as pool:  # this thread may already run a loop (browser tests)
        assert pool.submit(asyncio.run, inside()).result().ok
