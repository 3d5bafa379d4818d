"""Report pages: who may issue, see, download and sign; the /verify page; bulk progress."""
import io
from datetime import date

import pytest
import sqlalchemy as sa

from hrapp.blueprints.org.services import approve_description, start_draft
from hrapp.blueprints.reports import services
from hrapp.blueprints.staff.documents import STAFF_CARD
from hrapp.extensions import db
from hrapp.models import IssuedDocument
from tests.conftest import count


@pytest.fixture
def docs(org):
    desk = services.issue_document(STAFF_CARD, org.desk_staff, org.hr)
    hk = services.issue_document(STAFF_CARD, org.hk_staff, org.hr)
    db.session.commit()
    return desk, hk


@pytest.mark.parametrize("path", ["/reports/", "/reports/documents/{d}", "/reports/documents/{d}/pdf",
                                  "/reports/issue/staff-card/{s}", "/reports/bulk"])
def test_anonymous_is_sent_to_login(client, org, docs, path):
    response = client.get(path.format(d=docs[0].id, s=org.desk_staff.id))
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


@pytest.mark.parametrize("who, desk_status, hk_status", [
    ("hr", 200, 200), ("admin", 200, 200), ("head", 200, 404), ("staff", 200, 404), ("other", 404, 200),
])
def test_download_follows_the_subject(client, auth, docs, who, desk_status, hk_status):
    auth.login(who)
    desk, hk = docs
    assert client.get(f"/reports/documents/{desk.id}/pdf").status_code == desk_status
    response = client.get(f"/reports/documents/{hk.id}/pdf")
    assert response.status_code == hk_status
    if hk_status == 200:
        assert response.mimetype == "application/pdf" and response.data == hk.pdf


def test_document_list_is_scoped(client, auth, docs):
    auth.login("head")
    page = client.get("/reports/").get_data(as_text=True)
    assert docs[0].number in page and docs[1].number not in page


@pytest.mark.parametrize("who", ["head", "staff"])
def test_only_hr_issues(client, auth, org, who):
    auth.login(who)
    assert client.post(f"/reports/issue/staff-card/{org.desk_staff.id}").status_code == 403
    assert client.get("/reports/bulk").status_code == 403


def test_hr_issues_from_the_profile_link(client, auth, org):
    auth.login("hr")
    profile = client.get(f"/staff/{org.desk_staff.id}").get_data(as_text=True)
    assert f"/reports/issue/staff-card/{org.desk_staff.id}" in profile
    assert client.get(f"/reports/issue/staff-card/{org.desk_staff.id}").status_code == 200
    response = client.post(f"/reports/issue/staff-card/{org.desk_staff.id}")
    assert response.status_code == 302 and count(IssuedDocument) == 1


def test_staff_acknowledges_their_card(client, auth, docs):
    auth.login("staff")
    page = client.get("/reports/").get_data(as_text=True)
    assert 'id="awaiting"' in page
    assert client.post(f"/reports/documents/{docs[0].id}/sign").status_code == 302
    assert len(db.session.get(IssuedDocument, docs[0].id).signatures) == 2


def test_someone_else_cannot_sign(client, auth, docs):
    auth.login("hr")
    client.post(f"/reports/documents/{docs[0].id}/sign")
    assert len(db.session.get(IssuedDocument, docs[0].id).signatures) == 1


def _upload(client, data: bytes, name="doc.pdf"):
    return client.post("/verify", data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def test_verify_genuine_upload(client, auth, docs):
    auth.login("other")  # anyone logged in may verify
    page = _upload(client, docs[0].pdf).get_data(as_text=True)
    assert 'id="verdict"' in page and "alert-success" in page and docs[0].number in page
    assert docs[0].subject_label not in page  # the subject is not revealed to someone outside its scope


def test_verify_tampered_upload(client, auth, docs):
    auth.login("staff")
    tampered = docs[0].pdf + b"\n% appended\n"
    page = _upload(client, tampered).get_data(as_text=True)
    assert "alert-danger" in page and 'data-outcome="modified"' in page and "文件在签署后被改动" in page


@pytest.mark.parametrize("data", [b"not a pdf at all", b"%PDF-1.7 truncated", b""])
def test_verify_bad_uploads_get_a_message(client, auth, org, data):
    auth.login("staff")
    page = _upload(client, data).get_data(as_text=True)
    assert "alert-danger" in page and ("这不是 PDF 文件" in page or "PDF 文件已损坏" in page)


def test_verify_huge_upload_is_refused(client, auth, org, app):
    auth.login("staff")
    limit = app.config["MAX_CONTENT_LENGTH"]
    response = _upload(client, b"%PDF-1.7\n" + b"0" * (limit + 10))
    assert response.status_code == 413


def test_verify_by_code_and_superseded_notice(client, auth, org, docs):
    services.issue_document(STAFF_CARD, org.desk_staff, org.hr)
    db.session.commit()
    auth.login("staff")
    code = docs[0].verification_code.lower().replace("-", " ")
    page = client.post("/verify", data={"code": code}).get_data(as_text=True)
    assert 'id="registry-entry"' in page and 'id="superseded"' in page
    missing = client.post("/verify", data={"code": "0000-0000-0000"}).get_data(as_text=True)
    assert 'id="registry-entry"' not in missing and "alert-warning" in missing


def test_root_certificate_is_public(client, org):
    response = client.get("/reports/root.pem")
    assert response.status_code == 200 and response.data.startswith(b"-----BEGIN CERTIFICATE-----")


def test_bulk_page_runs_and_reports_progress(client, auth, org):
    auth.login("hr")
    response = client.post("/reports/bulk", data={"kind": "staff_card", "department_id": org.front.id,
                                                  "include_subdepartments": "y"})
    assert response.status_code == 302
    status = client.get(response.headers["Location"] + "/status").get_json()
    assert status["finished"] and status["done"] == 2 and status["percent"] == 100
    auth.logout()
    auth.login("admin")
    assert client.get(response.headers["Location"]).status_code == 200


def test_document_detail_shows_signatures_and_versions(client, auth, org, docs):
    services.issue_document(STAFF_CARD, org.desk_staff, org.hr)
    db.session.commit()
    auth.login("staff")
    page = client.get(f"/reports/documents/{docs[0].id}").get_data(as_text=True)
    assert docs[0].verification_code in page and docs[0].sha256 in page
    assert f"/reports/documents/{docs[0].id}/sign" not in page  # superseded: nothing left to sign


def test_job_description_issued_by_hr_then_signed_by_its_approver(client, auth, org, make_position):
    position = make_position("FO-REC", "前台接待", department=org.front)
    draft = start_draft(org.admin, position)
    draft.summary, draft.duties = "前台接待", "1. 接待客人"
    approve_description(org.admin, draft, date(2026, 4, 2))
    db.session.commit()
    auth.login("hr")
    jd_page = client.get(f"/org/descriptions/{draft.id}").get_data(as_text=True)
    assert f"/reports/issue/job-description/{draft.id}" in jd_page
    assert client.get(f"/reports/issue/job-description/{draft.id}").status_code == 200
    location = client.post(f"/reports/issue/job-description/{draft.id}").headers["Location"]
    doc = db.session.scalar(sa.select(IssuedDocument))
    assert doc.status.value == "pending" and location.endswith(f"/reports/documents/{doc.id}")
    auth.logout()
    auth.login("admin")
    assert f"/reports/documents/{doc.id}/sign" in client.get(location).get_data(as_text=True)
    client.post(f"/reports/documents/{doc.id}/sign")
    db.session.expire_all()
    assert db.session.get(IssuedDocument, doc.id).status.value == "issued"
    auth.logout()
    auth.login("other")  # housekeeping staff: not their department's job description
    assert client.get(f"/reports/documents/{doc.id}").status_code == 404


def test_draft_job_description_cannot_be_issued(client, auth, org, make_position):
    draft = start_draft(org.admin, make_position("FO-X", "草稿", department=org.front))
    db.session.commit()
    auth.login("hr")
    for response in (client.get(f"/reports/issue/job-description/{draft.id}"),
                     client.post(f"/reports/issue/job-description/{draft.id}")):
        page = response.get_data(as_text=True)
        assert response.status_code == 200 and "只能签发现行的已批准版本。" in page
        assert "签发并签署" not in page and f"/org/descriptions/{draft.id}" in page  # no button; a way back
    assert count(IssuedDocument) == 0
