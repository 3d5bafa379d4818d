"""The public verify page: whoever was handed a document checks it without an account, rate-limited,
and learns only the verdict, the number and title and the signers; one verdict, explained in the UI
language. Signed PDFs carry the verify address and a QR code that opens it."""
import io
import subprocess

import pytest
import zxingcpp
from PIL import Image

from hrapp.blueprints.reports import services
from hrapp.blueprints.reports.checking import outcome_of
from hrapp.blueprints.reports.verify import SignatureReport, VerificationResult
from hrapp.blueprints.staff.documents import STAFF_CARD
from hrapp.core.localtime import local_datetime
from hrapp.extensions import db, limiter


@pytest.fixture
def card(org):
    doc = services.issue_document(STAFF_CARD, org.desk_staff, org.hr)
    db.session.commit()
    return doc


def _upload(client, data: bytes):
    return client.post("/verify", data={"file": (io.BytesIO(data), "doc.pdf")}, content_type="multipart/form-data")


def _tamper(pdf: bytes) -> bytes:
    """Change one byte inside the signed range (the staff number), as a forger would."""
    index = pdf.index(b"/Producer")
    return pdf[:index] + b"/Producex" + pdf[index + 9:]


def test_logged_out_genuine_upload_shows_signers_but_no_personal_data(client, org, card):
    page = _upload(client, card.pdf).get_data(as_text=True)
    assert 'data-outcome="genuine"' in page and "真实有效" in page
    assert card.number in page and "员工档案卡" in page and "hr" in page and "人事专员" in page
    for private in (org.desk_staff.name_zh, org.desk_staff.staff_number, card.subject_label, card.sha256,
                    "人事档案核准"):  # name, number, subject, file hash, signature reason
        assert private not in page


def test_logged_out_code_lookup_shows_the_registry_entry_only(client, org, card):
    page = client.get(f"/verify?code={card.verification_code}").get_data(as_text=True)
    assert 'id="registry-entry"' in page and card.number in page
    assert org.desk_staff.name_zh not in page and f"/reports/documents/{card.id}" not in page


def test_tampered_copy_has_one_verdict(client, card):
    page = _upload(client, _tamper(card.pdf)).get_data(as_text=True)
    assert 'data-outcome="tampered"' in page and "摘要不符" in page
    assert "未被改动" not in page and "真实有效" not in page  # nothing contradicts the verdict


def test_verdict_in_english_after_switching_language(client, card):
    client.post("/auth/locale/en", data={"next": "/verify"})
    page = _upload(client, card.pdf + b"\n% appended\n").get_data(as_text=True)
    assert "The file was changed after it was signed" in page


def _sig(**kw):
    values = dict(field_name="Sig1", signer="x", certificate="x", signed_at=None, reason="", intact=True,
                  valid=True, trusted=True, covers_whole_file=True, revision_sha256="0" * 64)
    values.update(kw)
    return SignatureReport(**values)


@pytest.mark.parametrize("result, registered, outcome", [
    (VerificationResult("h", file_problem="not_pdf"), False, "not_pdf"),
    (VerificationResult("h", (_sig(intact=False, covers_whole_file=False),), modified_after_last_signature=True),
     True, "tampered"),
    (VerificationResult("h", (_sig(trusted=False),)), True, "untrusted"),
    (VerificationResult("h", (_sig(later_changes_ok=False), _sig())), True, "modified"),
    (VerificationResult("h", (_sig(),)), False, "unregistered"),
    (VerificationResult("h", (_sig(),)), True, "genuine"),
])
def test_one_outcome_worst_first(result, registered, outcome):
    assert outcome_of(result, registered) == outcome


def test_verify_is_rate_limited(client, app, card):
    app.config["VERIFY_RATE_LIMIT"] = "3 per minute"
    limiter.reset()
    try:
        statuses = [client.get("/verify").status_code for _ in range(4)]
    finally:
        app.config["VERIFY_RATE_LIMIT"] = "1000 per minute"
        limiter.reset()
    assert statuses == [200, 200, 200, 429]


def test_footer_qr_code_opens_the_documents_verify_page(app, org, tmp_path):
    app.config["PUBLIC_BASE_URL"] = "https://hr.example.com/"
    try:
        doc = services.issue_document(STAFF_CARD, org.desk_staff, org.hr)
    finally:
        app.config["PUBLIC_BASE_URL"] = ""
    pdf = tmp_path / "card.pdf"
    pdf.write_bytes(doc.pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True)
    (page,) = tmp_path.glob("page*.png")
    texts = [r.text for r in zxingcpp.read_barcodes(Image.open(page))]
    assert texts == [f"https://hr.example.com/verify?code={doc.verification_code}"]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "扫码验真" in text and f"https://hr.example.com/verify?code={doc.verification_code}" in text


def test_signature_times_are_shown_in_the_company_zone(client, auth, card):
    sig = card.signatures[0]
    local = local_datetime(sig.signed_at, "Asia/Shanghai", seconds=True)
    auth.login("hr")
    page = client.get(f"/reports/documents/{card.id}").get_data(as_text=True)
    assert local in page and "Asia/Shanghai" in page and "UTC" not in page
