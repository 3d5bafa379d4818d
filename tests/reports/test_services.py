"""The registry: issuing, successive signatures, versions and supersession, immutability, access."""
import shutil
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from hrapp.blueprints.org.documents import JOB_DESCRIPTION
from hrapp.blueprints.org.services import approve_description, start_draft
from hrapp.blueprints.reports import jobs, pki, services
from hrapp.blueprints.reports.access import can_view_document
from hrapp.blueprints.reports.checking import verify_upload
from hrapp.blueprints.reports.registry import visible_documents
from hrapp.blueprints.reports.settings import pki_settings
from hrapp.blueprints.reports.types import SlotSpec
from hrapp.blueprints.staff.documents import STAFF_CARD
from hrapp.core import jobs as background
from hrapp.extensions import db
from hrapp.models import (
    AuditEntry,
    DocumentSignature,
    DocumentStatus,
    IssuedDocument,
    Job,
    JobStatus,
    Role,
)
from tests.conftest import count
from tests.reports.conftest import PASSPHRASE, pdfsig


def _card(org, staff=None, actor=None):
    doc = services.issue_document(STAFF_CARD, staff or org.desk_staff, actor or org.hr)
    db.session.commit()
    return doc


def test_hr_issues_a_signed_card(org):
    doc = _card(org)
    assert doc.status == DocumentStatus.ISSUED and doc.number == f"SC-{doc.issued_on.year}-{doc.id:06d}"
    (sig,) = doc.signatures
    assert sig.signer_id == org.hr.id and sig.sha256_after == doc.sha256
    settings = pki_settings()  # a personal certificate, issued on first use, not the organisation's
    assert pki.has_signer(settings, f"user-{org.hr.id}")
    assert sig.certificate_subject != pki.load_credentials(settings, pki.DEFAULT_SIGNER).cert.subject.rfc4514_string()
    verdict = verify_upload(doc.pdf)
    assert verdict.genuine and verdict.document.id == doc.id and verdict.later_signatures == 0
    assert count(AuditEntry) >= 1


def test_reissue_supersedes_and_old_copies_say_so(org):
    first = _card(org)
    old_pdf = first.pdf
    second = _card(org)
    assert (first.status, first.superseded_by_id, second.version) == (DocumentStatus.SUPERSEDED, second.id, 2)
    verdict = verify_upload(old_pdf)
    assert verdict.genuine and verdict.superseded_by.id == second.id


def test_staff_acknowledges_with_a_second_signature(org):
    doc = _card(org)
    hr_copy = doc.pdf
    assert services.can_sign(org.staff, doc) and not services.can_sign(org.other_staff, doc)
    assert not services.can_sign(org.head, doc)
    services.sign_document(doc, org.staff)
    db.session.commit()
    assert [s.sequence for s in doc.signatures] == [1, 2] and doc.pdf.startswith(hr_copy)
    verdict = verify_upload(doc.pdf)
    assert verdict.genuine and len(verdict.result.signatures) == 2
    assert verify_upload(hr_copy).later_signatures == 1  # an older copy is genuine, and told of the newer
    with pytest.raises(services.ReportError):
        services.sign_document(doc, org.staff)


def test_signed_documents_are_immutable(org):
    doc = _card(org)
    doc.pdf = b"%PDF-1.4 rewritten"
    with pytest.raises(RuntimeError, match="only grow"):
        db.session.flush()
    db.session.rollback()
    doc.number = "SC-0000-000001"
    with pytest.raises(RuntimeError, match="immutable"):
        db.session.flush()
    db.session.rollback()
    sig = db.session.scalars(sa.select(DocumentSignature)).first()
    db.session.delete(sig)
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.flush()
    db.session.rollback()


def test_head_and_staff_cannot_issue(org):
    for user in (org.head, org.staff):
        with pytest.raises(services.ReportError):
            services.issue_document(STAFF_CARD, org.desk_staff, user)
    db.session.rollback()
    assert count(IssuedDocument) == 0


@pytest.mark.parametrize("who, desk, hk", [
    ("admin", True, True), ("hr", True, True), ("head", True, False), ("staff", True, False), ("other", False, True),
])
def test_document_access_follows_the_subject(org, who, desk, hk):
    desk_doc, hk_doc = _card(org), _card(org, org.hk_staff)
    user = {"admin": org.admin, "hr": org.hr, "head": org.head, "staff": org.staff, "other": org.other_staff}[who]
    assert (can_view_document(user, desk_doc), can_view_document(user, hk_doc)) == (desk, hk)
    listed = set(db.session.scalars(visible_documents(user)).all())
    assert (desk_doc in listed, hk_doc in listed) == (desk, hk)


def _approved(org, make_position, approver):
    position = make_position("FO-REC", "前台接待", department=org.front)
    draft = start_draft(approver, position)
    draft.summary, draft.duties = "负责前台接待 <b>工作</b>", "1. 接待客人\n2. 办理入住"
    draft.education_required = "大专"
    approve_description(approver, draft, date(2026, 4, 2))
    db.session.commit()
    return draft


def test_job_description_is_signed_by_its_approver(org, make_position):
    jd = _approved(org, make_position, org.admin)
    pending = services.issue_document(JOB_DESCRIPTION, jd, org.hr)  # HR issues, the approver must sign
    db.session.commit()
    assert pending.status == DocumentStatus.PENDING and not pending.signatures
    assert not services.can_sign(org.hr, pending) and services.can_sign(org.admin, pending)
    services.sign_document(pending, org.admin)
    db.session.commit()
    assert pending.status == DocumentStatus.ISSUED and verify_upload(pending.pdf).genuine
    assert pending.signatures[0].signer_id == org.admin.id


def test_missing_certificate_issues_nothing(org, app, tmp_path):
    app.config["PKI_DIR"] = str(tmp_path / "empty")
    with pytest.raises(pki.PkiError, match="No signing certificate"):
        services.issue_document(STAFF_CARD, org.desk_staff, org.hr)
    db.session.rollback()
    assert count(IssuedDocument) == 0


def test_wrong_passphrase_issues_nothing(org, app):
    app.config["PKI_PASSPHRASE"] = "wrong"
    with pytest.raises(pki.PkiError, match="PKI_PASSPHRASE"):
        services.issue_document(STAFF_CARD, org.desk_staff, org.hr)
    db.session.rollback()
    assert count(IssuedDocument) == 0


def test_bulk_job_issues_a_department(org, make_staff):
    make_staff(org.front_desk)
    job = jobs.create_bulk_job(org.hr, STAFF_CARD, org.front, include_subdepartments=True)
    db.session.commit()
    background.start(job)  # inline under TESTING
    job = db.session.get(Job, job.id)
    assert (job.status, job.total, job.done, job.failed) == (JobStatus.DONE, 3, 3, 0)
    assert background.progress(job)["percent"] == 100
    assert count(IssuedDocument) == 3


def test_bulk_job_refused_for_a_type_without_a_bulk_source(org):
    assert JOB_DESCRIPTION.bulk is None
    with pytest.raises(services.ReportError):
        jobs.create_bulk_job(org.hr, JOB_DESCRIPTION, org.front, include_subdepartments=True)


def test_bulk_job_refused_outside_scope(org):
    with pytest.raises(services.ReportError):
        jobs.create_bulk_job(org.head, STAFF_CARD, org.housekeeping, include_subdepartments=False)


HEAD_HR_STAFF = replace(STAFF_CARD, slots=(
    SlotSpec("部门经理 Head", "head", "部门审核 Reviewed by the head"),
    SlotSpec("人事部 HR", "issuer", "人事核准 Certified by HR"),
    SlotSpec("员工确认 Staff", "subject", "本人确认 Acknowledged", required=False),
))


def test_head_then_hr_then_staff_sign_in_turn(org, nss_db, tmp_path):
    doc = services.issue_document(HEAD_HR_STAFF, org.desk_staff, org.hr)  # HR issues; the head signs first
    db.session.commit()
    assert doc.status == DocumentStatus.PENDING and not doc.signatures
    assert not services.can_sign(org.hr, doc) and services.can_sign(org.head, doc)
    for user in (org.head, org.hr):
        assert services.can_sign(user, doc)
        services.sign_document(doc, user)
        db.session.commit()
    assert doc.status == DocumentStatus.ISSUED  # the staff signature is optional
    services.sign_document(doc, org.staff)
    db.session.commit()
    verdict = verify_upload(doc.pdf)
    assert verdict.genuine and [s.sequence for s in doc.signatures] == [1, 2, 3]
    path = tmp_path / "three.pdf"
    path.write_bytes(doc.pdf)
    reports = pdfsig(nss_db, path)
    assert len(reports) == 3 and all(r["valid"] and r["trusted"] for r in reports)
    assert [r["total"] for r in reports if r["field"] == "Sig3"] == [True]


def test_a_head_of_another_department_cannot_sign(org, make_user):
    other_head = make_user(Role.HEAD, "hkhead", departments=[org.housekeeping])
    doc = services.issue_document(HEAD_HR_STAFF, org.desk_staff, org.hr)
    assert not services.can_sign(other_head, doc)
    with pytest.raises(services.ReportError):
        services.sign_document(doc, other_head)


def test_expired_personal_certificate_issues_nothing(org, app, tmp_path, pki_settings_):
    directory = tmp_path / "pki"
    shutil.copytree(pki_settings_.directory, directory)
    app.config["PKI_DIR"] = str(directory)
    settings = pki.PkiSettings(directory, PASSPHRASE)
    pki.issue_signer(settings, f"user-{org.hr.id}", "hr", years=1,
                     valid_from=datetime.now(UTC) - timedelta(days=800))
    with pytest.raises(pki.PkiError, match="expired"):
        services.issue_document(STAFF_CARD, org.desk_staff, org.hr)
    db.session.rollback()
    assert count(IssuedDocument) == 0
