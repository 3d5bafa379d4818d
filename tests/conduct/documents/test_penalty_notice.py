"""The signed penalty notice (处罚通知单): issued by the head, signed by HR, acknowledged by the person, verified
by verify-pdf and poppler's pdfsig; who may issue, see and sign it; outdated when the violation changes."""
from datetime import date, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.conduct.documents.notice import PENALTY_NOTICE
from hrapp.blueprints.reports import services
from hrapp.blueprints.reports.freshness import freshness
from hrapp.extensions import db
from hrapp.models import DocumentStatus, IssuedDocument, Violation, ViolationState
from tests.conftest import count
from tests.reports.conftest import pdfsig, pdftotext


def _issue_url(v) -> str:
    return f"/reports/issue/penalty-notice/{v.id}"


def _only_doc() -> IssuedDocument:
    return db.session.scalar(sa.select(IssuedDocument).order_by(IssuedDocument.id.desc()))


def _sign(client, doc_id: int) -> None:
    response = client.post(f"/reports/documents/{doc_id}/sign", data={})
    assert response.status_code == 302, response.data


def test_head_issues_hr_signs_the_person_acknowledges(client, auth, scene, runner, tmp_path, nss_db):
    ids = {name: getattr(scene, name).id for name in ("head", "hr", "staff")}
    scene.violation.respond_by = date.today() + timedelta(days=3)  # the person may still respond
    db.session.commit()
    auth.login("head")
    page = client.get(_issue_url(scene.violation))
    assert page.status_code == 200 and "V2026-000042" in page.get_data(as_text=True)
    assert client.post(_issue_url(scene.violation), data={}).status_code == 302
    doc = _only_doc()
    assert doc.kind == "penalty_notice" and doc.status == DocumentStatus.PENDING and len(doc.signatures) == 1
    assert doc.subject_key == f"violation:{scene.violation.id}" and doc.number.startswith("PN-")
    doc_id = doc.id
    auth.logout()
    auth.login("staff")
    client.post(f"/reports/documents/{doc_id}/sign", data={})  # HR signs before the person: refused
    assert len(_only_doc().signatures) == 1
    auth.logout()
    auth.login("hr")
    _sign(client, doc_id)
    doc = _only_doc()
    assert doc.status == DocumentStatus.ISSUED and len(doc.signatures) == 2  # the acknowledgement is optional
    auth.logout()
    auth.login("staff")
    assert client.get(f"/reports/documents/{doc_id}").status_code == 200
    client.post(f"/reports/documents/{doc_id}/sign", data={})  # while they may still appeal: refused
    assert len(_only_doc().signatures) == 2
    violation = db.session.get(Violation, scene.violation.id)
    acknowledged = client.post(f"/conduct/review/violations/{violation.id}/acknowledge",
                               data={"version_id": violation.version_id})
    assert acknowledged.status_code == 302
    _sign(client, doc_id)
    assert [s.signer_id for s in _only_doc().signatures] == [ids["head"], ids["hr"], ids["staff"]]
    out = tmp_path / "notice.pdf"
    out.write_bytes(client.get(f"/reports/documents/{doc_id}/pdf").data)
    verified = runner.invoke(args=["verify-pdf", str(out)])
    assert verified.exit_code == 0 and "GENUINE" in verified.output, verified.output
    reports = pdfsig(nss_db, out)
    assert len(reports) == 3 and all(r["valid"] and r["trusted"] for r in reports)
    signers = " ".join(r["text"] for r in reports)
    for name in ("王经理 (head)", "hr", "李前台 (staff)"):
        assert f"Common Name: {name}\n" in signers, signers
    text = pdftotext(out)
    for expected in ("处罚通知单", "Penalty notice", "V2026-000042", "李前台", "2-4", "上班时间串岗", "60.00",
                     "书面警告", "第2次", "部门经理", "人事部", "员工确认"):
        assert expected in text, expected


def test_hr_issues_and_waits_for_the_head(client, auth, scene):
    auth.login("hr")
    assert client.post(_issue_url(scene.violation), data={}).status_code == 302
    doc = _only_doc()
    assert doc.status == DocumentStatus.PENDING and not doc.signatures  # the head's slot comes first
    assert not services.can_sign(scene.hr, doc) and services.can_sign(scene.head, doc)
    assert not services.can_sign(scene.hk_head, doc)


@pytest.mark.parametrize("username, status", [("other", 404), ("hkhead", 404), ("staff", 403)])
def test_issue_page_refused(client, auth, scene, username, status):
    """Another staff member and a head of another department do not learn it exists; the person sees their
    violation but does not issue their own notice."""
    auth.login(username)
    assert client.get(_issue_url(scene.violation)).status_code == status
    assert client.post(_issue_url(scene.violation), data={}).status_code == status
    assert count(IssuedDocument) == 0


@pytest.mark.parametrize("username", ["other", "hkhead"])
def test_notice_hidden_from_others(client, auth, scene, username):
    doc = services.issue_document(PENALTY_NOTICE, scene.violation, scene.head)
    db.session.commit()
    auth.login(username)
    for url in (f"/reports/documents/{doc.id}", f"/reports/documents/{doc.id}/pdf"):
        assert client.get(url).status_code == 404
    assert client.post(f"/reports/documents/{doc.id}/sign", data={}).status_code == 404
    assert doc.number not in client.get("/reports/").get_data(as_text=True)


def test_the_person_sees_their_notice_in_the_list(client, auth, scene):
    doc = services.issue_document(PENALTY_NOTICE, scene.violation, scene.head)
    db.session.commit()
    auth.login("staff")
    assert doc.number in client.get("/reports/").get_data(as_text=True)


@pytest.mark.parametrize("state", [ViolationState.DRAFT, ViolationState.PROPOSED, ViolationState.VOID])
def test_drafts_proposals_and_void_are_not_issued(client, auth, scene, state):
    scene.violation.state = state
    db.session.commit()
    auth.login("hr")
    page = client.get(_issue_url(scene.violation)).get_data(as_text=True)
    assert "处罚通知单在违纪记录提交给当事人后方可出具" in page
    client.post(_issue_url(scene.violation), data={})
    assert count(IssuedDocument) == 0


def test_a_head_signs_nothing_about_themselves(scene, make_violation, make_user):
    """The FO head's own violation (recorded by HR): the head slot is not theirs, though they head FO."""
    own = make_violation(scene.head_staff, scene.rule, state=ViolationState.SUBMITTED, amount=Decimal("20.00"))
    assert not services.can_sign(scene.head, services.issue_document(PENALTY_NOTICE, own, scene.hr))
    with pytest.raises(services.ReportError):
        services.issue_document(PENALTY_NOTICE, own, scene.head)


def test_outdated_after_the_amount_changes(client, auth, scene):
    doc = services.issue_document(PENALTY_NOTICE, scene.violation, scene.head)
    services.sign_document(doc, scene.hr)
    db.session.commit()
    assert not freshness(doc).outdated
    scene.violation.state = ViolationState.ACKNOWLEDGED  # acknowledging prints nothing new
    db.session.commit()
    assert not freshness(doc).outdated
    scene.violation.amount, scene.violation.decision = Decimal("40.00"), "adjusted"
    scene.violation.decision_reason, scene.violation.decided_by_id = "初犯从轻", scene.hr.id
    db.session.commit()
    assert freshness(doc).outdated
    auth.login("hr")
    page = client.get(f"/reports/documents/{doc.id}").get_data(as_text=True)
    assert "60.00" in page and "40.00" in page  # what changed, before and after
    with pytest.raises(services.ReportError):  # the person cannot acknowledge what no longer holds
        services.sign_document(doc, scene.staff)


def test_cli_issues_by_number(runner, scene, tmp_path, nss_db):
    out = tmp_path / "notice.pdf"
    result = runner.invoke(args=["report", "penalty-notice", "v2026-000042", "--signer", "head", "--out", str(out)])
    assert result.exit_code == 0 and "awaiting" not in result.output, result.output
    assert "pending" in result.output and "signed" in result.output  # signed by the head, HR still to sign
    verified = runner.invoke(args=["verify-pdf", str(out)])
    assert verified.exit_code == 0, verified.output
    (report,) = pdfsig(nss_db, out)
    assert report["valid"] and report["trusted"]


def test_cli_refusals(runner, scene):
    unknown = runner.invoke(args=["report", "penalty-notice", "V2026-999999", "--signer", "hr"])
    assert unknown.exit_code == 1 and "Unknown violation number V2026-999999" in unknown.output
    for signer in ("staff", "other", "hkhead"):
        result = runner.invoke(args=["report", "penalty-notice", "V2026-000042", "--signer", signer])
        assert result.exit_code == 1 and "may not issue" in result.output, result.output
    assert count(IssuedDocument) == 0
