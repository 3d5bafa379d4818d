"""The signed training record through the report registry: `flask report training-record STAFF_NUMBER` by HR,
the PDF verifies with verify-pdf and pdfsig and prints the record bilingually; refused for heads and for an
unknown number; rebuilding gives the same bytes; the person's acknowledgement refused once they have left."""
from datetime import date, timedelta

import sqlalchemy as sa

from hrapp.blueprints.reports import services
from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.blueprints.training.records.documents import TRAINING_RECORD, record_sign_refusal
from hrapp.blueprints.training.records.induction import assign_inductions
from hrapp.extensions import db
from hrapp.models import EmploymentStatus, InductionReason, IssuedDocument
from tests.reports.conftest import _pki_config, nss_db, pdfsig, pdftotext, pki_settings_  # noqa: F401

from .conftest import attend


def issue(runner, signer, number, out=None):
    return runner.invoke(args=["report", "training-record", number, "--signer", signer]
                         + (["--out", str(out)] if out else []))


def scene(site):
    attend(site.etiquette, site.desk_staff, site.today - timedelta(days=30), score="82")
    attend(site.safety, site.desk_staff, site.today - timedelta(days=20))
    assign_inductions(site.desk_staff, site.desk_job.id, site.today - timedelta(days=40), InductionReason.HIRE)
    db.session.commit()


def test_hr_issues_the_record_and_it_verifies(runner, site, tmp_path, nss_db):  # noqa: F811
    scene(site)
    out = tmp_path / "record.pdf"
    result = issue(runner, "hr", site.desk_staff.staff_number, out)
    assert result.exit_code == 0, result.output
    doc = db.session.scalar(sa.select(IssuedDocument))
    assert doc.number.startswith("TR-") and doc.subject_key == f"training_record:{site.desk_staff.id}"
    assert out.read_bytes().startswith(b"%PDF")
    verified = runner.invoke(args=["verify-pdf", str(out)])
    assert verified.exit_code == 0 and "GENUINE" in verified.output, verified.output
    reports = pdfsig(nss_db, out)
    assert len(reports) == 1 and all(r["valid"] and r["trusted"] for r in reports)
    text = pdftotext(out)
    assert all(word in text for word in ("培训档案", "Training record", "李前台", "服务礼仪", "消防安全",
                                         "82.0/100.0", "合格 Pass", "入职培训 Induction"))
    assert services.can_sign(site.staff, doc)  # the person may acknowledge it


def test_heads_and_staff_may_not_issue_and_unknown_numbers_are_refused(runner, site):
    for signer in ("head", "staff"):
        result = issue(runner, signer, site.desk_staff.staff_number)
        assert result.exit_code == 1 and "may not issue" in result.output, (signer, result.output)
    result = issue(runner, "hr", "NOBODY")
    assert result.exit_code == 1 and "Unknown staff number NOBODY" in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(IssuedDocument)) == 0


def test_rebuilding_gives_the_same_bytes(site):
    scene(site)
    letterhead = Letterhead("测试", TRAINING_RECORD.title, "TR-2026-000001", date(2026, 12, 1), "AAAA-BBBB-CCCC")
    assert TRAINING_RECORD.build(site.desk_staff, letterhead).data == \
        TRAINING_RECORD.build(site.desk_staff, letterhead).data


def test_someone_who_left_no_longer_acknowledges(site):
    assert record_sign_refusal(site.desk_staff, "subject") is None
    site.desk_staff.status = EmploymentStatus.LEFT
    assert record_sign_refusal(site.desk_staff, "subject")
    assert record_sign_refusal(site.desk_staff, "record_issuer") is None


def test_the_web_issue_page_is_for_hr(client, auth, site):
    auth.login("head")
    assert client.get(f"/reports/issue/training-record/{site.desk_staff.id}").status_code in (403, 404)
    auth.logout()
    auth.login("hr")
    assert client.get(f"/reports/issue/training-record/{site.desk_staff.id}").status_code == 200
