"""Attachments through the HTTP layer: upload, download headers, delete with confirmation, audit."""
import pytest
import sqlalchemy as sa

from hrapp.core.attachments import FORM_ALLOWANCE
from hrapp.extensions import db
from hrapp.models import Attachment, AuditEntry
from tests.attachments.conftest import EXE, JPEG, PDF, PNG, stored_files, upload
from tests.conftest import count


def _english(client):
    client.post("/auth/locale/en")


def _only_attachment() -> Attachment:
    return db.session.scalars(sa.select(Attachment)).one()


def _actions() -> list[str]:
    return list(db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.action.startswith("attachment."))
                                   .order_by(AuditEntry.id)))


def test_hr_attaches_a_pdf_to_a_staff_record(client, auth, org, store_dir):
    auth.login("hr")
    _english(client)
    response = upload(client, org.desk_staff, PDF, "劳动合同.pdf", note="signed 2024", follow=True)
    assert response.status_code == 200 and "File attached." in response.get_data(as_text=True)
    row = _only_attachment()
    assert (row.owner_type, row.owner_id, row.content_type, row.size_bytes) == ("staff", org.desk_staff.id,
                                                                              "application/pdf", len(PDF))
    assert row.original_name == "劳动合同.pdf" and row.note == "signed 2024" and row.uploaded_by_id == org.hr.id
    assert [p.read_bytes() for p in stored_files(store_dir)] == [PDF]
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "attachment.upload"))
    assert entry.actor_id == org.hr.id and entry.after["sha256"] == row.sha256 and entry.target_label == \
        f"staff#{org.desk_staff.id}"


def test_the_record_page_lists_files_with_details(client, auth, org, store_dir):
    auth.login("hr")
    _english(client)
    upload(client, org.desk_staff, JPEG, "certificate.jpg")
    page = client.get(f"/staff/{org.desk_staff.id}").get_data(as_text=True)
    assert 'id="attachments"' in page and "certificate.jpg" in page and "JPEG" in page
    assert f"{len(JPEG)} B<" in page and ">hr<" in page and 'id="attachment-upload"' in page


def test_a_png_named_pdf_is_stored_as_png(client, auth, org, store_dir):
    auth.login("hr")
    upload(client, org.desk_staff, PNG, "contract.pdf", mimetype="application/pdf")
    assert _only_attachment().content_type == "image/png"
    response = client.get(f"/attachments/{_only_attachment().id}")
    assert response.mimetype == "image/png" and 'filename=contract.png' in response.headers["Content-Disposition"]


def test_an_exe_named_pdf_is_refused_with_a_message(client, auth, org, store_dir):
    auth.login("hr")
    _english(client)
    page = upload(client, org.desk_staff, EXE, "contract.pdf", follow=True).get_data(as_text=True)
    assert "Only JPEG, PNG and PDF files can be attached" in page and "alert-danger" in page
    assert count(Attachment) == 0 and stored_files(store_dir) == [] and _actions() == []


def test_text_claiming_to_be_an_image_is_refused(client, auth, org, store_dir):
    auth.login("hr")
    upload(client, org.desk_staff, b"<html><script>alert(1)</script></html>", "photo.png", mimetype="image/png")
    assert count(Attachment) == 0 and stored_files(store_dir) == []


def test_too_large_is_refused_with_a_message(client, auth, org, store_dir, app, monkeypatch):
    monkeypatch.setitem(app.config, "ATTACHMENT_MAX_BYTES", len(PDF) - 1)
    auth.login("hr")
    _english(client)
    response = upload(client, org.desk_staff, PDF, "big.pdf", follow=True)
    assert response.status_code == 200 and "larger than" in response.get_data(as_text=True)
    assert count(Attachment) == 0 and stored_files(store_dir) == []


def test_a_request_over_the_upload_limit_gets_413_not_500(client, auth, org, store_dir, app, monkeypatch):
    monkeypatch.setitem(app.config, "ATTACHMENT_MAX_BYTES", 1000)
    auth.login("hr")
    response = upload(client, org.desk_staff, PDF + b"0" * (1000 + FORM_ALLOWANCE), "huge.pdf")
    assert response.status_code == 413 and count(Attachment) == 0 and stored_files(store_dir) == []


def test_the_upload_limit_is_the_attachment_limit_not_the_app_wide_one(client, auth, org, store_dir, app,
                                                                        monkeypatch):
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 1000)
    auth.login("hr")
    assert upload(client, org.desk_staff, PDF + b"0" * 5000, "scan.pdf").status_code == 302
    assert count(Attachment) == 1
    # ...while every other form keeps the app-wide limit.
    assert client.post("/auth/locale/en", data={"next": "x" * 5000}).status_code == 413


def test_empty_and_missing_files_are_refused(client, auth, org, store_dir):
    auth.login("hr")
    _english(client)
    page = upload(client, org.desk_staff, b"", "empty.pdf", follow=True).get_data(as_text=True)
    assert "The file is empty." in page
    page = client.post(f"/attachments/staff/{org.desk_staff.id}", data={"note": "x"},
                       follow_redirects=True).get_data(as_text=True)
    assert "Choose a file to attach." in page
    assert count(Attachment) == 0


def test_messages_are_chinese_by_default(client, auth, org, store_dir):
    auth.login("hr")
    page = upload(client, org.desk_staff, EXE, "contract.pdf", follow=True).get_data(as_text=True)
    assert "只能附加 JPEG、PNG 和 PDF 文件" in page
    page = upload(client, org.desk_staff, PDF, "合同.pdf", follow=True).get_data(as_text=True)
    assert "附件" in page and "文件已附加。" in page


def test_same_file_uploaded_twice_is_stored_once(client, auth, org, store_dir):
    auth.login("hr")
    upload(client, org.desk_staff, PDF, "a.pdf")
    upload(client, org.hk_staff, PDF, "b.pdf")
    rows = db.session.scalars(sa.select(Attachment).order_by(Attachment.id)).all()
    assert len(rows) == 2 and rows[0].sha256 == rows[1].sha256
    assert len(stored_files(store_dir)) == 1


def test_download_headers(client, auth, org, store_dir):
    auth.login("hr")
    upload(client, org.desk_staff, PDF, "合同 2024.pdf")
    response = client.get(f"/attachments/{_only_attachment().id}")
    assert response.status_code == 200 and response.data == PDF
    assert response.mimetype == "application/pdf"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and "filename*=UTF-8''%E5%90%88%E5%90%8C%202024.pdf" in disposition
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "ETag" not in response.headers


def test_script_file_name_is_escaped_everywhere(client, auth, org, store_dir):
    name = "<script>alert(1)</script>.png"
    auth.login("hr")
    upload(client, org.desk_staff, PNG, name)
    assert _only_attachment().original_name == name  # kept as text...
    for url in (f"/staff/{org.desk_staff.id}", f"/attachments/{_only_attachment().id}/delete"):
        page = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;.png" in page, url
    disposition = client.get(f"/attachments/{_only_attachment().id}").headers["Content-Disposition"]
    assert "<" not in disposition and "/" not in disposition.split("filename", 1)[1]


def test_downloads_are_audited(client, auth, org, store_dir):
    auth.login("hr")
    upload(client, org.desk_staff, PDF)
    auth.logout()
    auth.login("staff")
    assert client.get(f"/attachments/{_only_attachment().id}").status_code == 200
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "attachment.download"))
    assert entry.actor_id == org.staff.id and entry.target_id == _only_attachment().id


@pytest.mark.committed  # the store checks for other users of the content on a connection of its own
def test_delete_asks_first_then_deletes_and_removes_the_file(client, auth, org, store_dir):
    auth.login("hr")
    _english(client)
    upload(client, org.desk_staff, PDF, "old contract.pdf")
    row = _only_attachment()
    confirm = client.get(f"/attachments/{row.id}/delete").get_data(as_text=True)
    assert 'id="attachment-delete"' in confirm and "old contract.pdf" in confirm and count(Attachment) == 1
    response = client.post(f"/attachments/{row.id}/delete", data={"version_id": row.version_id}, follow_redirects=True)
    assert "Attachment deleted." in response.get_data(as_text=True)
    assert count(Attachment) == 0 and stored_files(store_dir) == []
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "attachment.delete"))
    assert entry.actor_id == org.hr.id and entry.before["original_name"] == "old contract.pdf"


@pytest.mark.committed  # the store checks for other users of the content on a connection of its own
def test_deleting_one_of_two_uses_keeps_the_shared_file(client, auth, org, store_dir):
    auth.login("hr")
    upload(client, org.desk_staff, PDF, "a.pdf")
    upload(client, org.hk_staff, PDF, "b.pdf")
    first = db.session.scalars(sa.select(Attachment).order_by(Attachment.id)).first()
    client.post(f"/attachments/{first.id}/delete", data={"version_id": first.version_id})
    assert count(Attachment) == 1 and len(stored_files(store_dir)) == 1
    assert client.get(f"/attachments/{_only_attachment().id}").data == PDF


def test_delete_with_a_stale_version_is_refused(client, auth, org, store_dir):
    auth.login("hr")
    _english(client)
    upload(client, org.desk_staff, PDF)
    row = _only_attachment()
    page = client.post(f"/attachments/{row.id}/delete", data={"version_id": row.version_id + 1},
                       follow_redirects=True).get_data(as_text=True)
    assert "Someone else changed this record" in page and count(Attachment) == 1
    client.post(f"/attachments/{row.id}/delete", data={"version_id": "x"})
    assert count(Attachment) == 1 and len(stored_files(store_dir)) == 1


def test_unknown_attachment_owner_type_and_record_are_404(client, auth, org, store_dir):
    auth.login("hr")
    assert client.get("/attachments/999999").status_code == 404
    assert client.get("/attachments/999999/delete").status_code == 404
    assert upload(client, org.desk_staff, PDF).status_code == 302
    assert client.post("/attachments/nosuchthing/1", data={}).status_code == 404
    assert client.post("/attachments/staff/999999", data={}).status_code == 404


def test_a_row_whose_owner_type_is_no_longer_registered_is_404(client, auth, org, store_dir):
    auth.login("hr")
    upload(client, org.desk_staff, PDF)
    row = _only_attachment()
    row.owner_type = "retired"
    db.session.commit()
    assert client.get(f"/attachments/{row.id}").status_code == 404


def test_a_missing_stored_file_is_404_not_500(client, auth, org, store_dir):
    auth.login("hr")
    upload(client, org.desk_staff, PDF)
    for path in stored_files(store_dir):
        path.unlink()
    assert client.get(f"/attachments/{_only_attachment().id}").status_code == 404


def test_sizes_read_in_kb_and_mb(client, auth, org, store_dir):
    auth.login("hr")
    upload(client, org.desk_staff, PDF + b"0" * (3 * 1024), "kb.pdf")
    upload(client, org.desk_staff, PDF + b"1" * (2 * 1024 * 1024), "mb.pdf")
    page = client.get(f"/staff/{org.desk_staff.id}").get_data(as_text=True)
    assert f"{(len(PDF) + 3 * 1024) / 1024:.1f} KB" in page and "2.0 MB" in page
