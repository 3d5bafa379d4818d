"""The signed monthly sheet through the report registry: `flask report attendance-sheet DEPT YYYY-MM` on a closed
month, the head signs first and HR last, verify-pdf and pdfsig accept it; refused before the close, after a
reopen, and for anyone but HR; only the department's heads and HR read it."""
from datetime import date

import pytest
import sqlalchemy as sa

from hrapp.blueprints.attendance.sheet.documents import ATTENDANCE_SHEET
from hrapp.blueprints.period_close.services import reopen_period
from hrapp.blueprints.reports import services
from hrapp.blueprints.reports.access import can_view_document
from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.blueprints.reports.registry import visible_documents
from hrapp.extensions import db
from hrapp.models import DocumentStatus, IssuedDocument
from tests.reports.conftest import _pki_config, nss_db, pdfsig, pdftotext, pki_settings_  # noqa: F401

from .conftest import FIRST, LAST, close_month


def issue(runner, signer, *args, out=None):
    return runner.invoke(args=["report", "attendance-sheet", *args, "--signer", signer]
                         + (["--out", str(out)] if out else []))


def test_hr_issues_the_head_signs_first_then_hr_and_it_verifies(runner, sheet_month, tmp_path, nss_db):  # noqa: F811
    o = sheet_month
    close = close_month(o)
    result = issue(runner, "hr", "fo", "2026-05")
    assert result.exit_code == 0 and "awaiting its first signature" in result.output, result.output
    doc = db.session.scalar(sa.select(IssuedDocument))
    assert doc.number.startswith("AS-") and doc.subject_key == f"attendance_sheet:{o.front.id}:2026-05"
    assert (doc.source_id, doc.period_start_on, doc.period_end_on) == (close.id, FIRST, LAST)
    assert not services.can_sign(o.hr, doc) and not services.can_sign(o.hk_head, doc)
    assert services.can_sign(o.head, doc)
    services.sign_document(doc, o.head)
    assert doc.status == DocumentStatus.PENDING and services.can_sign(o.hr, doc)
    assert not services.can_sign(o.head, doc)  # the HR slot is HR's
    services.sign_document(doc, o.hr)
    db.session.commit()
    assert doc.status == DocumentStatus.ISSUED
    out = tmp_path / "sheet.pdf"
    out.write_bytes(doc.pdf)
    verified = runner.invoke(args=["verify-pdf", str(out)])
    assert verified.exit_code == 0 and "GENUINE" in verified.output, verified.output
    reports = pdfsig(nss_db, out)
    assert len(reports) == 2 and all(r["valid"] and r["trusted"] for r in reports)
    text = pdftotext(out)
    assert all(word in text for word in ("月度考勤表", "Monthly attendance sheet", "张三", "年休假", "迟"))


def test_cli_out_writes_the_pdf(runner, sheet_month, tmp_path):
    close_month(sheet_month)
    out = tmp_path / "sheet.pdf"
    result = issue(runner, "hr", "FO", "2026-05", out=out)
    assert result.exit_code == 0 and out.read_bytes().startswith(b"%PDF")


def test_rebuilding_gives_the_same_bytes(sheet_month):
    close = close_month(sheet_month)
    letterhead = Letterhead("测试", ATTENDANCE_SHEET.title, "AS-2026-000001", date(2026, 6, 2), "AAAA-BBBB-CCCC")
    assert ATTENDANCE_SHEET.build(close, letterhead).data == ATTENDANCE_SHEET.build(close, letterhead).data


@pytest.mark.parametrize("args, message", [
    (("FO", "2026-05"), "not closed"), (("FO", "2026-13"), "not a month"), (("NOPE", "2026-05"), "not closed"),
])
def test_cli_refuses_an_open_month_or_bad_arguments(runner, sheet_month, args, message):
    result = issue(runner, "hr", *args)
    assert result.exit_code == 1 and message in result.output


def test_cli_refuses_anyone_but_hr_and_a_reopened_month(runner, sheet_month):
    o = sheet_month
    close = close_month(o)
    for signer in ("head", "hkhead", "staff"):
        result = issue(runner, signer, "FO", "2026-05")
        assert result.exit_code == 1 and "may not issue" in result.output, (signer, result.output)
    reopen_period(o.hr, close, close.version_id, "a late correction")
    db.session.commit()
    result = issue(runner, "hr", "FO", "2026-05")
    assert result.exit_code == 1 and "reopened" in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(IssuedDocument)) == 0


def test_only_the_departments_heads_and_hr_read_the_sheet(runner, sheet_month):
    o = sheet_month
    close_month(o)
    assert issue(runner, "hr", "FO", "2026-05").exit_code == 0
    doc = db.session.scalar(sa.select(IssuedDocument))
    assert can_view_document(o.hr, doc) and can_view_document(o.head, doc)
    assert not can_view_document(o.hk_head, doc) and not can_view_document(o.staff, doc)
    def seen(user):
        return list(db.session.scalars(visible_documents(user)))

    assert seen(o.head) == [doc] and seen(o.hr) == [doc]
    assert seen(o.hk_head) == [] and seen(o.staff) == []


def test_web_issue_from_the_closed_month(client, auth, sheet_month):
    close = close_month(sheet_month)
    auth.login("head")
    assert client.get(f"/reports/issue/attendance-sheet/{close.id}").status_code in (403, 404)
    auth.logout()
    auth.login("hr")
    assert client.get(f"/reports/issue/attendance-sheet/{close.id}").status_code == 200
