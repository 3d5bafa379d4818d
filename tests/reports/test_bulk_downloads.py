"""A bulk job's documents in one download: a streamed ZIP of the signed PDFs as they are and one merged,
unsigned print copy, both no-store; only documents the user may see, never through another's job."""
import io
import zipfile

import sqlalchemy as sa
from pypdf import PdfReader

from hrapp.blueprints.reports import bundles, checking
from hrapp.blueprints.reports.pki import load_root
from hrapp.blueprints.reports.settings import pki_settings
from hrapp.blueprints.reports.verify import verify_pdf
from hrapp.extensions import db
from hrapp.models import IssuedDocument, Job


def _run_bulk(client, auth, department, include_sub=True) -> Job:
    auth.login("hr")
    data = {"kind": "staff_card", "department_id": department.id}
    if include_sub:
        data["include_subdepartments"] = "y"
    response = client.post("/reports/bulk", data=data)
    assert response.status_code == 302
    auth.logout()
    return db.session.get(Job, int(response.headers["Location"].rstrip("/").split("/")[-1]))


def _documents(job) -> list[tuple[str, bytes]]:
    """(number, signed bytes) of the job's documents, by number."""
    return list(db.session.execute(sa.select(IssuedDocument.number, IssuedDocument.pdf).where(
        IssuedDocument.id.in_(job.result["document_ids"])).order_by(IssuedDocument.number)).all())


def test_the_zip_holds_every_signed_pdf_unchanged(client, auth, org):
    job = _run_bulk(client, auth, org.front)
    docs = _documents(job)
    assert len(docs) == 2
    auth.login("hr")
    page = client.get(f"/reports/jobs/{job.id}").get_data(as_text=True)
    assert f"/reports/jobs/{job.id}/documents.zip" in page and f"/reports/jobs/{job.id}/print-copy.pdf" in page
    response = client.get(f"/reports/jobs/{job.id}/documents.zip")
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert response.is_streamed
    assert response.headers["Cache-Control"] == "no-store"
    assert "attachment" in response.headers["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        assert archive.namelist() == [f"{number}.pdf" for number, _pdf in docs]
        for number, pdf in docs:
            data = archive.read(f"{number}.pdf")
            assert data == pdf
            assert checking.verify_upload(data).genuine


def test_the_print_copy_merges_every_page_and_is_not_signed(client, auth, org):
    job = _run_bulk(client, auth, org.front)
    docs = _documents(job)
    auth.login("hr")
    response = client.get(f"/reports/jobs/{job.id}/print-copy.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    assert "print-copy-unsigned" in response.headers["Content-Disposition"]
    merged = PdfReader(io.BytesIO(response.data))
    assert len(merged.pages) == sum(len(PdfReader(io.BytesIO(pdf)).pages) for _n, pdf in docs)
    assert merged.metadata.title.startswith("打印副本（未签名）")
    assert not merged.get_fields()
    assert verify_pdf(response.data, load_root(pki_settings())).signatures == ()
    text = "".join(page.extract_text() for page in merged.pages)
    assert all(number in text for number, _pdf in docs)


def test_a_head_cannot_get_another_departments_documents(client, auth, org):
    job = _run_bulk(client, auth, org.housekeeping, include_sub=False)
    assert len(job.result["document_ids"]) == 1
    for who in ("head", "staff", "other"):
        auth.login(who)
        assert client.get(f"/reports/jobs/{job.id}/documents.zip").status_code == 403
        assert client.get(f"/reports/jobs/{job.id}/print-copy.pdf").status_code == 403
        auth.logout()
    # and the bundle itself keeps to the reports access rules, whoever asks for it
    assert bundles.job_documents(job, org.head) == []
    assert len(bundles.job_documents(job, org.hr)) == 1
    front_job = _run_bulk(client, auth, org.front)
    assert {d.subject_staff_id for d in bundles.job_documents(front_job, org.head)} == {
        org.head_staff.id, org.desk_staff.id}


def test_nothing_to_download_is_a_404(client, auth, org):
    job = _run_bulk(client, auth, org.front)
    job.result = {"done": 0, "failed": 0}
    db.session.commit()
    auth.login("hr")
    assert client.get(f"/reports/jobs/{job.id}/documents.zip").status_code == 404
    assert client.get(f"/reports/jobs/{job.id}/print-copy.pdf").status_code == 404
    assert "job-downloads" not in client.get(f"/reports/jobs/{job.id}").get_data(as_text=True)
