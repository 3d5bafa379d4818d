"""Issuing signed rosters: `flask report roster <department> <period>`, the issue route, the signature chain
(head, then HR optionally), verification by verify-pdf and pdfsig, and who may issue, sign and read them."""
from datetime import date

import pytest
import sqlalchemy as sa

from hrapp.blueprints.reports import services
from hrapp.blueprints.reports.access import can_view_document
from hrapp.blueprints.reports.registry import visible_documents
from hrapp.blueprints.roster.documents import ROSTER, roster_documents
from hrapp.blueprints.roster.services import apply_pattern, create_roster, publish_roster, save_shift_type
from hrapp.extensions import db
from hrapp.models import DocumentStatus, IssuedDocument, PeriodKind
from tests.conftest import count
from tests.reports.conftest import pdfsig, pdftotext
from tests.roster.fixtures import TYPES


def _issue(runner, signer, *subject, out=None):
    args = ["report", "roster", *subject, "--signer", signer] + (["--out", str(out)] if out else [])
    return runner.invoke(args=args)


def test_cli_roster_signed_by_the_head_verifies(runner, rostered, tmp_path, nss_db):
    out = tmp_path / "roster.pdf"
    result = _issue(runner, "head", "FO", "2026-05", out=out)
    assert result.exit_code == 0 and "(issued, signed)" in result.output, result.output
    verified = runner.invoke(args=["verify-pdf", str(out)])
    assert verified.exit_code == 0 and "GENUINE" in verified.output, verified.output
    (report,) = pdfsig(nss_db, out)
    assert report["valid"] and report["trusted"] and report["total"]
    text = pdftotext(out)
    assert all(name in text for name in ("王经理", "张三", "欧阳娜娜", "买买提·艾力")), text
    doc = db.session.scalar(sa.select(IssuedDocument))
    assert doc.number.startswith("RS-") and doc.subject_key == f"roster:{rostered.front.id}:2026-05"
    assert (doc.period_start_on, doc.period_end_on) == (date(2026, 5, 1), date(2026, 5, 31))
    assert doc.source_id == rostered.roster.id and roster_documents(rostered.roster) == [doc]


def test_cli_hr_issues_then_head_and_hr_sign(runner, rostered, tmp_path, nss_db):
    o = rostered
    result = _issue(runner, "hr", "fo", "2026-05")
    assert result.exit_code == 0 and "awaiting its first signature" in result.output, result.output
    doc = db.session.scalar(sa.select(IssuedDocument))
    assert doc.status == DocumentStatus.PENDING and not services.can_sign(o.hr, doc)
    assert not services.can_sign(o.hk_head, doc) and services.can_sign(o.head, doc)
    services.sign_document(doc, o.head)
    assert doc.status == DocumentStatus.ISSUED  # the HR slot is optional
    services.sign_document(doc, o.hr)
    db.session.commit()
    out = tmp_path / "roster.pdf"
    out.write_bytes(doc.pdf)
    assert runner.invoke(args=["verify-pdf", str(out)]).exit_code == 0
    reports = pdfsig(nss_db, out)
    assert len(reports) == 2 and all(r["valid"] and r["trusted"] for r in reports)
    assert [r["total"] for r in sorted(reports, key=lambda r: r["field"])] == [False, True]  # Sig2 covers all


@pytest.mark.parametrize("signer", ["hkhead", "staff", "zhangsan", "other"])
def test_cli_roster_refused_outside_the_signers_scope(runner, rostered, signer):
    result = _issue(runner, signer, "FO", "2026-05")
    assert result.exit_code == 1 and "may not issue" in result.output, result.output
    assert count(IssuedDocument) == 0


def test_cli_roster_refuses_drafts_and_bad_subjects(runner, rostered):
    create_roster(rostered.head, rostered.front, PeriodKind.MONTH, date(2026, 6, 1))
    db.session.commit()
    draft = _issue(runner, "head", "FO", "2026-06")
    assert draft.exit_code == 1 and "published or locked" in draft.output, draft.output
    assert "No roster of department FO for 2026-07" in _issue(runner, "head", "FO", "2026-07").output
    assert "YYYY-MM or YYYY-Www" in _issue(runner, "head", "FO", "July").output
    assert _issue(runner, "head", "FO").exit_code == 2  # the period is required
    assert runner.invoke(args=["report", "staff-card", "S1", "2026-05", "--signer", "hr"]).exit_code == 2
    assert count(IssuedDocument) == 0


def test_cli_week_roster_of_a_sub_department(runner, rostered, tmp_path):
    o = rostered
    for data in TYPES:
        save_shift_type(o.hr, o.front_desk, data)
    week = create_roster(o.head, o.front_desk, PeriodKind.WEEK, date(2026, 5, 12))
    db.session.flush()
    apply_pattern(o.head, week, "早中夜休休早早", {o.desk_staff.id: 0}, None)
    publish_roster(o.head, week, None)
    db.session.commit()
    out = tmp_path / "week.pdf"
    result = _issue(runner, "head", "FO-DESK", "2026-W20", out=out)  # the head of FO heads FO-DESK too
    assert result.exit_code == 0 and "(issued, signed)" in result.output, result.output
    assert "李前台" in pdftotext(out) and "2026-W20" in pdftotext(out)


def _web_issue(client, auth, who, roster_id):
    auth.login(who)
    return client.post(f"/reports/issue/roster/{roster_id}")


def test_web_head_issues_and_downloads(client, auth, rostered):
    assert auth.login("head").status_code == 302
    url = f"/reports/issue/roster/{rostered.roster.id}"
    page = client.get(url)
    assert page.status_code == 200 and "FO 前厅部 2026-05" in page.get_data(as_text=True)
    response = client.post(url)
    assert response.status_code == 302 and "/reports/documents/" in response.headers["Location"]
    doc = db.session.scalar(sa.select(IssuedDocument))
    assert doc.status == DocumentStatus.ISSUED and len(doc.signatures) == 1
    download = client.get(f"/reports/documents/{doc.id}/pdf")
    assert download.status_code == 200 and download.mimetype == "application/pdf"


@pytest.mark.parametrize("who", ["hkhead", "staff", "zhangsan", "other"])
def test_web_others_cannot_issue_or_fetch(client, auth, rostered, who):
    doc = services.issue_document(ROSTER, rostered.roster, rostered.head)
    db.session.commit()
    auth.login(who)
    # zhangsan reads the roster (403: may not issue it); for the others it answers like a missing one
    issue = 403 if who == "zhangsan" else 404
    assert client.get(f"/reports/issue/roster/{rostered.roster.id}").status_code == issue
    assert client.post(f"/reports/issue/roster/{rostered.roster.id}").status_code == issue
    assert client.get(f"/reports/documents/{doc.id}/pdf").status_code == 404
    assert client.get(f"/reports/documents/{doc.id}").status_code == 404
    assert doc.number not in client.get("/reports/").get_data(as_text=True)
    assert count(IssuedDocument) == 1


def test_web_issue_needs_login_and_an_existing_roster(client, auth, rostered):
    response = client.get(f"/reports/issue/roster/{rostered.roster.id}")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    auth.login("head")
    assert client.get("/reports/issue/roster/999999").status_code == 404


def test_web_draft_is_not_issued(client, auth, rostered):
    draft = create_roster(rostered.head, rostered.front, PeriodKind.MONTH, date(2026, 6, 1))
    db.session.commit()
    client.post("/auth/locale/en")  # the message is read in English
    auth.login("head")
    assert "published or locked" in client.get(f"/reports/issue/roster/{draft.id}").get_data(as_text=True)
    response = client.post(f"/reports/issue/roster/{draft.id}", follow_redirects=True)
    assert "published or locked" in response.get_data(as_text=True) and count(IssuedDocument) == 0


def test_roster_documents_are_visible_to_roster_editors_only(rostered):
    o = rostered
    doc = services.issue_document(ROSTER, o.roster, o.head)
    db.session.commit()
    visible = {u.username: can_view_document(u, doc) for u in (o.admin, o.hr, o.head, o.hk_head, o.staff,
                                                                o.fo_user, o.other_staff)}
    assert visible == {"admin": True, "hr": True, "head": True, "hkhead": False, "staff": False,
                       "zhangsan": False, "other": False}
    for user, seen in ((o.hr, True), (o.head, True), (o.hk_head, False), (o.fo_user, False)):
        assert (doc in db.session.scalars(visible_documents(user)).all()) is seen, user.username
