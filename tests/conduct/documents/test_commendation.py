"""The signed commendation (表彰通知): an approved reward, signed by HR or the general manager of the unit."""
import pytest
import sqlalchemy as sa

from hrapp.blueprints.conduct.documents.commendation import COMMENDATION
from hrapp.blueprints.reports import services
from hrapp.extensions import db
from hrapp.models import DocumentStatus, IssuedDocument, RewardState
from tests.conftest import count
from tests.reports.conftest import pdfsig, pdftotext


def test_cli_commendation_signed_by_hr(runner, scene, tmp_path, nss_db):
    out = tmp_path / "commendation.pdf"
    result = runner.invoke(args=["report", "commendation", "r2026-000007", "--signer", "hr", "--out", str(out)])
    assert result.exit_code == 0 and "(issued, signed)" in result.output, result.output
    assert runner.invoke(args=["verify-pdf", str(out)]).exit_code == 0
    (report,) = pdfsig(nss_db, out)
    assert report["valid"] and report["trusted"] and report["total"]
    text = pdftotext(out)
    for expected in ("表彰通知", "Commendation", "R2026-000007", "李前台", "拾金不昧", "归还客人遗失的钱包"):
        assert expected in text, expected


def test_the_general_manager_issues_and_signs(client, auth, scene):
    """The FO head heads the top department of the desk's unit: its general manager."""
    auth.login("head")
    assert client.post(f"/reports/issue/commendation/{scene.reward.id}", data={}).status_code == 302
    doc = db.session.scalar(sa.select(IssuedDocument))
    assert doc.status == DocumentStatus.ISSUED and doc.number.startswith("CM-") and len(doc.signatures) == 1


def test_hr_signs_at_once_nobody_else_may(scene):
    doc = services.issue_document(COMMENDATION, scene.reward, scene.hr)
    assert doc.status == DocumentStatus.ISSUED  # HR signed it at once
    assert not services.can_sign(scene.hk_head, doc) and not services.can_sign(scene.staff, doc)


@pytest.mark.parametrize("state", [RewardState.PROPOSED, RewardState.REJECTED, RewardState.DRAFT])
def test_only_approved_rewards(runner, scene, state):
    scene.reward.state = state
    db.session.commit()
    result = runner.invoke(args=["report", "commendation", "R2026-000007", "--signer", "hr"])
    assert result.exit_code == 1 and count(IssuedDocument) == 0


@pytest.mark.parametrize("username, status", [("other", 404), ("hkhead", 404), ("staff", 403)])
def test_issue_refused(client, auth, scene, username, status):
    auth.login(username)
    assert client.post(f"/reports/issue/commendation/{scene.reward.id}", data={}).status_code == status
    assert count(IssuedDocument) == 0


def test_the_person_reads_their_commendation_others_do_not(client, auth, scene):
    doc = services.issue_document(COMMENDATION, scene.reward, scene.hr)
    db.session.commit()
    doc_id = doc.id
    auth.login("staff")
    assert client.get(f"/reports/documents/{doc_id}/pdf").status_code == 200
    auth.logout()
    auth.login("other")
    assert client.get(f"/reports/documents/{doc_id}/pdf").status_code == 404
