"""The signed training certificate: `report training-certificate RESULT_ID` for a passed attempt at a certifying
course, verified by the project's command and poppler's pdfsig, bilingual; refused for a failed attempt (CLI,
page) and for a course that certifies nothing."""
from decimal import Decimal

import pytest

from hrapp.blueprints.training.results import assessment
from hrapp.extensions import db
from hrapp.models import IssuedDocument, Presence
from tests.access_matrix import login
from tests.conftest import count
from tests.reports.conftest import _pki_config, nss_db, pdfsig, pdftotext, pki_settings_  # noqa: F401
from tests.training.fixtures import write_course, write_enrolment, write_session


@pytest.fixture
def attempts(scene):
    scene.desk.presence = Presence.PRESENT
    hk = write_enrolment(scene.session, scene.hk_staff, presence=Presence.PRESENT)
    db.session.flush()
    scene.passed = assessment.record_attempt(scene.hr, scene.desk, Decimal("88"))
    scene.failed = assessment.record_attempt(scene.hr, hk, Decimal("30"))
    db.session.commit()
    return scene


def test_cli_certificate_signed_by_hr_verifies(runner, attempts, tmp_path, nss_db):  # noqa: F811
    out = tmp_path / "certificate.pdf"
    result = runner.invoke(args=["report", "training-certificate", str(attempts.passed.id), "--signer", "hr",
                                 "--out", str(out)])
    assert result.exit_code == 0 and "(issued, signed)" in result.output, result.output
    assert runner.invoke(args=["verify-pdf", str(out)]).exit_code == 0
    (report,) = pdfsig(nss_db, out)
    assert report["valid"] and report["trusted"] and report["total"]
    text = pdftotext(out)
    number = db.session.get(type(attempts.passed), attempts.passed.id).certificate.number
    for expected in ("培训证书", "Training certificate", number, "李前台", "消防安全", "Fire safety", "88 / 100"):
        assert expected in text, expected


def test_cli_refuses_a_failed_attempt(runner, attempts):
    result = runner.invoke(args=["report", "training-certificate", str(attempts.failed.id), "--signer", "hr"])
    assert result.exit_code == 1 and count(IssuedDocument) == 0


def test_cli_refuses_an_unknown_result(runner, attempts):
    result = runner.invoke(args=["report", "training-certificate", "99999", "--signer", "hr"])
    assert result.exit_code != 0 and count(IssuedDocument) == 0


def test_the_issue_page_refuses_a_failed_attempt(app, attempts):
    hr = login(app, "hr")
    page = hr.get(f"/reports/issue/training-certificate/{attempts.failed.id}")
    assert page.status_code == 200
    hr.post(f"/reports/issue/training-certificate/{attempts.failed.id}", data={})
    assert count(IssuedDocument) == 0
    assert hr.post(f"/reports/issue/training-certificate/{attempts.passed.id}", data={}).status_code == 302
    assert count(IssuedDocument) == 1


def test_a_course_that_certifies_nothing_is_refused(runner, scene):
    course = write_course(code="C-TEAM", title="团队协作", certificate_months=None)
    session = write_session(course, starts_at=scene.now, department=scene.front)
    row = write_enrolment(session, scene.desk_staff, presence=Presence.PRESENT)
    attempt = assessment.record_attempt(scene.hr, row, Decimal("90"))
    db.session.commit()
    assert attempt.passed and attempt.certificate is None
    result = runner.invoke(args=["report", "training-certificate", str(attempt.id), "--signer", "hr"])
    assert result.exit_code == 1 and count(IssuedDocument) == 0


def test_the_person_reads_their_certificate(app, attempts):
    from hrapp.blueprints.reports import services
    from hrapp.blueprints.training.results.documents import TRAINING_CERTIFICATE
    doc = services.issue_document(TRAINING_CERTIFICATE, attempts.passed, attempts.hr)
    db.session.commit()
    doc_id = doc.id
    assert login(app, "staff").get(f"/reports/documents/{doc_id}/pdf").status_code == 200
    assert login(app, "other").get(f"/reports/documents/{doc_id}/pdf").status_code == 404
