"""Nothing signed differs from its record at signing time: documents carry their content's fingerprint,
a pending one whose record changed is rebuilt before the first signature (refused after one), and an
issued one whose record changed is shown as outdated with what changed and a re-issue action."""
from datetime import date

import sqlalchemy as sa

from hrapp.blueprints.org.services import approve_description, start_draft
from hrapp.blueprints.reports import services
from hrapp.blueprints.reports.content import content_digest
from hrapp.blueprints.reports.freshness import freshness
from hrapp.blueprints.roster.documents import ROSTER
from hrapp.blueprints.roster.services.editing import CellEdit, set_cells
from hrapp.blueprints.staff.documents import STAFF_CARD
from hrapp.extensions import db
from hrapp.models import DocumentStatus, IssuedDocument, Notification, Position
from tests.reports.conftest import pdftotext

DAY = date(2026, 5, 3)


def _change_cell(o, code="休"):
    set_cells(o.head, o.roster, [CellEdit(o.fo_staff[0].id, DAY, code)], reason="临时调休")
    db.session.commit()


def test_issue_stores_the_content_fingerprint(org):
    doc = services.issue_document(STAFF_CARD, org.desk_staff, org.hr)
    assert doc.content["phone"] == org.desk_staff.phone and "letterhead" not in doc.content
    assert doc.content_sha256 == content_digest(doc.content) == content_digest(STAFF_CARD.record_content(org.desk_staff))
    assert not freshness(doc).outdated


def test_roster_changed_before_the_first_signature_is_rebuilt_then_signed(client, auth, rostered, tmp_path):
    o = rostered
    auth.login("hr")
    client.post(f"/reports/issue/roster/{o.roster.id}")
    first = db.session.scalar(sa.select(IssuedDocument))
    auth.logout()
    _change_cell(o)
    auth.login("head")
    detail = client.get(f"/reports/documents/{first.id}").get_data(as_text=True)
    assert "outdated-badge" in detail and "2026-05-03" in detail and "休" in detail
    response = client.post(f"/reports/documents/{first.id}/sign", follow_redirects=True)
    page = response.get_data(as_text=True)
    db.session.expire_all()
    signed = db.session.scalar(sa.select(IssuedDocument).where(IssuedDocument.id != first.id))
    assert signed.number in page and "重新生成" in page
    assert signed.status == DocumentStatus.ISSUED and len(signed.signatures) == 1
    assert db.session.get(IssuedDocument, first.id).status == DocumentStatus.SUPERSEDED
    assert not db.session.get(IssuedDocument, first.id).signatures
    assert signed.content_sha256 == content_digest(ROSTER.record_content(o.roster))
    codes = signed.content["lines"][f"{o.fo_staff[0].staff_number} 张三"]["codes"]
    assert codes[DAY.isoformat()] == "休"
    out = tmp_path / "signed.pdf"
    out.write_bytes(signed.pdf)
    assert "休" in pdftotext(out).split("张三")[1].split("\n")[0]
    listing = client.get("/reports/").get_data(as_text=True)
    assert listing.count("outdated-badge") == 1  # the earlier version, not the signed one


def test_issued_card_shows_outdated_with_changes_and_refuses_a_later_signature(client, auth, org):
    doc = services.issue_document(STAFF_CARD, org.desk_staff, org.hr)
    db.session.commit()
    old_phone = org.desk_staff.phone
    org.desk_staff.phone = "13911112222"
    db.session.commit()
    auth.login("hr")
    page = client.get(f"/reports/documents/{doc.id}").get_data(as_text=True)
    assert 'id="outdated"' in page and "电话" in page and old_phone in page and "13911112222" in page
    assert f"/reports/issue/staff-card/{org.desk_staff.id}" in page
    assert "outdated-badge" in client.get("/reports/").get_data(as_text=True)
    auth.logout()
    auth.login("staff")  # the acknowledgement would sign a card that no longer matches the record
    page = client.post(f"/reports/documents/{doc.id}/sign", follow_redirects=True).get_data(as_text=True)
    db.session.expire_all()
    assert len(db.session.get(IssuedDocument, doc.id).signatures) == 1 and "新版本" in page


def test_current_card_is_not_outdated(client, auth, org):
    doc = services.issue_document(STAFF_CARD, org.desk_staff, org.hr)
    db.session.commit()
    auth.login("hr")
    page = client.get(f"/reports/documents/{doc.id}").get_data(as_text=True)
    assert "outdated-badge" not in page and 'id="outdated"' not in page


def test_job_description_rebuilt_when_the_position_changed_before_approval(client, auth, org, make_position):
    position = make_position("FO-REC", "前台接待", department=org.front)
    draft = start_draft(org.admin, position)
    draft.summary, draft.duties = "前台接待", "1. 接待客人"
    approve_description(org.admin, draft, date(2026, 4, 2))
    db.session.commit()
    auth.login("hr")
    client.post(f"/reports/issue/job-description/{draft.id}")
    first = db.session.scalar(sa.select(IssuedDocument))
    position = db.session.get(Position, position.id)
    position.headcount += 3
    db.session.commit()
    page = client.get(f"/reports/documents/{first.id}").get_data(as_text=True)
    assert "编制" in page and 'id="outdated"' in page
    auth.logout()
    auth.login("admin")
    client.post(f"/reports/documents/{first.id}/sign")
    db.session.expire_all()
    signed = db.session.scalar(sa.select(IssuedDocument).where(IssuedDocument.id != first.id))
    assert signed.status == DocumentStatus.ISSUED and signed.content["headcount"] == str(position.headcount)
    assert db.session.get(IssuedDocument, first.id).superseded_by_id == signed.id


def test_hr_issuing_a_roster_is_told_it_waits_for_the_head_who_is_notified(client, auth, rostered):
    auth.login("hr")
    page = client.post(f"/reports/issue/roster/{rostered.roster.id}", follow_redirects=True).get_data(as_text=True)
    doc = db.session.scalar(sa.select(IssuedDocument))
    assert doc.status == DocumentStatus.PENDING
    assert "部门经理" in page and "王经理 (head)" in page and "已通知" in page
    (note,) = db.session.scalars(sa.select(Notification).where(Notification.user_id == rostered.head.id,
                                                              Notification.kind == "document.awaiting_signature"))
    assert doc.number in note.text and note.link == f"/reports/documents/{doc.id}"


def test_head_signing_their_own_roster_notifies_nobody(client, auth, rostered):
    auth.login("head")
    client.post(f"/reports/issue/roster/{rostered.roster.id}")
    assert db.session.scalar(sa.select(sa.func.count(Notification.id)).where(
        Notification.kind == "document.awaiting_signature")) == 0
