"""The signed appraisal form (季度考核表, `report appraisal-form APPRAISAL_ID`): signed by the scorer, HR, then
the person acknowledging; verified by verify-pdf and poppler's pdfsig; the same unsigned bytes on a rebuild;
Chinese text extractable; a tampered copy fails; who may issue and see it."""
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.appraisals.signoff import services as signoff
from hrapp.blueprints.appraisals.signoff.documents import APPRAISAL_FORM
from hrapp.blueprints.reports import services
from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalStatus, DocumentStatus, IssuedDocument
from tests.conftest import count
from tests.reports.conftest import _pki_config, nss_db, pdfsig, pdftotext, pki_settings_  # noqa: F401

LETTERHEAD = Letterhead("测试旅行社 Test Travel", APPRAISAL_FORM.title, "AF-2026-000001", date(2026, 10, 8),
                        "7K3M-Q9TD-2XWB", "验证 Verify")


def _issue_url(appraisal) -> str:
    return f"/reports/issue/appraisal-form/{appraisal.id}"


def _latest() -> IssuedDocument:
    return db.session.scalar(sa.select(IssuedDocument).order_by(IssuedDocument.id.desc()))


def test_cli_scorer_hr_and_the_person_sign_and_it_verifies(runner, scene, tmp_path, nss_db):  # noqa: F811
    ids = {name: getattr(scene, name).id for name in ("head", "hr", "staff")}
    out = tmp_path / "form.pdf"
    result = runner.invoke(args=["report", "appraisal-form", str(scene.appraisal.id), "--signer", "head",
                                 "--out", str(out)])
    assert result.exit_code == 0 and "pending, signed" in result.output, result.output
    assert runner.invoke(args=["verify-pdf", str(out)]).exit_code == 0
    (report,) = pdfsig(nss_db, out)
    assert report["valid"] and report["trusted"]
    doc = _latest()
    assert doc.kind == "appraisal_form" and doc.number.startswith("AF-") and doc.status == DocumentStatus.PENDING
    assert [s["who"] for s in doc.slots] == [f"user:{ids['head']}", "issuer", "subject"]
    staff = scene.staff
    assert not services.can_sign(staff, doc)  # HR before the person
    services.sign_document(doc, scene.hr)
    assert doc.status == DocumentStatus.ISSUED
    assert not services.can_sign(staff, doc)  # not while they may still appeal
    appraisal = db.session.get(Appraisal, scene.appraisal.id)
    signoff.acknowledge(staff, appraisal, appraisal.version_id)
    db.session.flush()
    assert services.can_sign(staff, doc)
    services.sign_document(doc, staff)
    db.session.commit()
    assert [s.signer_id for s in _latest().signatures] == [ids["head"], ids["hr"], ids["staff"]]
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(_latest().pdf)
    verified = runner.invoke(args=["verify-pdf", str(signed)])
    assert verified.exit_code == 0 and "GENUINE" in verified.output, verified.output
    reports = pdfsig(nss_db, signed)
    assert len(reports) == 3 and all(r["valid"] and r["trusted"] for r in reports)
    text = pdftotext(signed)
    for expected in ("季度考核表", "Appraisal form", scene.cycle.name, "李前台", scene.desk_staff.staff_number,
                     "服务与工作态度", "出勤率", "顾客满意度", "良好 Good", "本季度表现良好", "考核人", "人事部",
                     "员工确认"):
        assert expected in text, expected
    tampered = tmp_path / "tampered.pdf"
    data = bytearray(signed.read_bytes())
    at = data.index(b"stream") + 20
    data[at] = (data[at] + 1) % 256
    tampered.write_bytes(bytes(data))
    refused = runner.invoke(args=["verify-pdf", str(tampered)])
    assert refused.exit_code == 1 and "NOT GENUINE" in refused.output
    assert not all(r["valid"] for r in pdfsig(nss_db, tampered))


def test_rebuilding_gives_the_same_unsigned_bytes(scene):
    first = APPRAISAL_FORM.build(scene.appraisal, LETTERHEAD)
    second = APPRAISAL_FORM.build(db.session.get(Appraisal, scene.appraisal.id), LETTERHEAD)
    assert first.data == second.data and first.data.startswith(b"%PDF") and len(first.slots) == 3


def test_the_appeal_the_decision_and_adjustments_are_printed(scene, tmp_path):
    appraisal = scene.appraisal
    signoff.appeal(scene.staff, appraisal, "出勤记录有误，请复核。", appraisal.version_id)
    signoff.decide(scene.hr, appraisal, "adjusted", Decimal("92"), "补计两次补卡。", appraisal.version_id)
    built = APPRAISAL_FORM.build(appraisal, LETTERHEAD)
    out = tmp_path / "decided.pdf"
    out.write_bytes(built.data)
    text = pdftotext(out)
    for expected in ("出勤记录有误，请复核。", "调整结果 Result adjusted", "补计两次补卡。", "申诉决定",
                     "92.00", "优秀 Excellent"):
        assert expected in text, expected


def test_the_person_issues_their_own_form_after_publication(client, auth, scene):
    auth.login("staff")
    assert client.get(_issue_url(scene.appraisal)).status_code == 200
    assert client.post(_issue_url(scene.appraisal), data={}).status_code == 302
    doc = _latest()
    assert doc.status == DocumentStatus.PENDING and not doc.signatures  # the scorer signs first
    assert client.get(f"/reports/documents/{doc.id}/pdf").status_code == 200


def test_nobody_issues_it_before_publication(client, auth, scene, runner):
    scene.appraisal.status = AppraisalStatus.SCORED
    db.session.commit()
    auth.login("staff")
    assert client.get(_issue_url(scene.appraisal)).status_code == 403  # sees the appraisal, not the result
    auth.logout()
    auth.login("hr")
    client.post(_issue_url(scene.appraisal), data={})
    result = runner.invoke(args=["report", "appraisal-form", str(scene.appraisal.id), "--signer", "hr"])
    assert result.exit_code == 1 and count(IssuedDocument) == 0


@pytest.mark.parametrize("username", ["other", "hkhead"])
def test_others_neither_issue_nor_see_it(client, auth, scene, username):
    doc = services.issue_document(APPRAISAL_FORM, scene.appraisal, scene.head)
    db.session.commit()
    auth.login(username)
    assert client.get(_issue_url(scene.appraisal)).status_code == 404
    assert client.post(_issue_url(scene.appraisal), data={}).status_code == 404
    for url in (f"/reports/documents/{doc.id}", f"/reports/documents/{doc.id}/pdf"):
        assert client.get(url).status_code == 404
    assert doc.number not in client.get("/reports/").get_data(as_text=True)


def test_heads_and_hr_issue_and_see_it(client, auth, scene):
    doc = services.issue_document(APPRAISAL_FORM, scene.appraisal, scene.hr)
    db.session.commit()
    assert not doc.signatures  # HR waits for the scorer
    for username in ("head", "hr"):
        auth.login(username)
        assert client.get(_issue_url(scene.appraisal)).status_code == 200
        assert client.get(f"/reports/documents/{doc.id}").status_code == 200
        auth.logout()
    auth.login("staff")
    assert doc.number in client.get("/reports/").get_data(as_text=True)


def test_cli_refuses_an_unknown_appraisal(runner, scene):
    result = runner.invoke(args=["report", "appraisal-form", "999999", "--signer", "hr"])
    assert result.exit_code == 1 and "Unknown appraisal 999999" in result.output
