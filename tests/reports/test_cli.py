"""`flask report TYPE SUBJECT --signer USER --out FILE` and `flask verify-pdf FILE`."""
from datetime import date

from hrapp.blueprints.org.services import approve_description, start_draft
from hrapp.extensions import db
from hrapp.models import IssuedDocument
from tests.conftest import count
from tests.reports.conftest import pdfsig


def test_report_staff_card_then_verify(runner, org, tmp_path, nss_db):
    out = tmp_path / "card.pdf"
    result = runner.invoke(args=["report", "staff-card", org.desk_staff.staff_number, "--signer", "hr",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "issued" in result.output
    verified = runner.invoke(args=["verify-pdf", str(out)])
    assert verified.exit_code == 0 and "GENUINE" in verified.output, verified.output
    reports = pdfsig(nss_db, out)
    assert len(reports) == 1 and reports[0]["valid"] and reports[0]["trusted"] and reports[0]["total"]


def test_report_follows_the_signers_access(runner, org, tmp_path):
    result = runner.invoke(args=["report", "staff-card", org.hk_staff.staff_number, "--signer", "head"])
    assert result.exit_code == 1 and "Error" in result.output and count(IssuedDocument) == 0


def test_report_job_description_signed_by_its_approver(runner, org, make_position, tmp_path, nss_db):
    position = make_position("FO-REC", "前台接待", department=org.front)
    draft = start_draft(org.admin, position)
    draft.summary, draft.duties = "前台接待", "1. 接待客人"
    approve_description(org.admin, draft, date(2026, 4, 2))
    db.session.commit()
    refused = runner.invoke(args=["report", "job-description", "FO-REC", "--signer", "hr"])
    assert "awaiting" in refused.output  # HR may issue it; only the approver signs
    out = tmp_path / "jd.pdf"
    result = runner.invoke(args=["report", "job-description", "fo-rec", "--signer", "admin", "--out", str(out)])
    assert result.exit_code == 0 and "(issued, signed)" in result.output, result.output
    assert runner.invoke(args=["verify-pdf", str(out)]).exit_code == 0
    assert all(r["valid"] and r["trusted"] for r in pdfsig(nss_db, out))


def test_verify_pdf_fails_on_tampering_and_junk(runner, org, tmp_path):
    out = tmp_path / "card.pdf"
    runner.invoke(args=["report", "staff-card", org.desk_staff.staff_number, "--signer", "hr", "--out", str(out)])
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(out.read_bytes() + b"%%EOF\n")
    result = runner.invoke(args=["verify-pdf", str(tampered)])
    assert result.exit_code == 1 and "NOT GENUINE" in result.output
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"hello")
    assert runner.invoke(args=["verify-pdf", str(junk)]).exit_code == 1


def test_unknown_subject_is_a_clear_error(runner, org):
    result = runner.invoke(args=["report", "staff-card", "NOPE", "--signer", "hr"])
    assert result.exit_code != 0 and "Unknown staff number" in result.output
