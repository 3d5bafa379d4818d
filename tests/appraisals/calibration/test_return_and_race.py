"""Returning a result to its scorer (a required reason, only in calibration, the scorer told in Chinese) and two
HR clerks calibrating the same result at once (the second gets the stale message; nothing is lost)."""
from decimal import Decimal

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AppraisalAdjustment, AppraisalStatus, AuditEntry, CycleStage, Notification, Role
from tests.access_matrix import login


def ret_url(appraisal) -> str:
    return f"/appraisals/calibration/appraisals/{appraisal.id}/return"


def fresh(appraisal):
    db.session.expire_all()
    return db.session.get(type(appraisal), appraisal.id)


def test_return_to_head_notifies_the_scorer(client, auth, scene):
    auth.login("hr")
    response = client.post(ret_url(scene.desk), data={"note": "请补充评语", "version_id": scene.desk.version_id})
    assert response.status_code == 302
    desk = fresh(scene.desk)
    assert desk.status == AppraisalStatus.HEAD_REVIEW
    notes = db.session.scalars(sa.select(Notification).where(Notification.kind == "appraisal.returned")).all()
    assert [n.user_id for n in notes] == [scene.head.id]
    assert "退回" in notes[0].text and "请补充评语" in notes[0].text
    entry = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "appraisal.return_to_head")).one()
    assert entry.after["note"] == "请补充评语" and entry.after["status"] == "head_review"


def test_return_needs_a_reason(client, auth, scene):
    auth.login("hr")
    response = client.post(ret_url(scene.desk), data={"note": " ", "version_id": scene.desk.version_id})
    assert response.status_code == 422
    assert fresh(scene.desk).status == AppraisalStatus.SCORED
    assert db.session.scalar(sa.select(sa.func.count(Notification.id))) == 0


def test_return_only_in_calibration(client, auth, scene):
    scene.cycle.stage = CycleStage.PUBLISHED
    db.session.commit()
    auth.login("hr")
    response = client.post(ret_url(scene.desk), data={"note": "x", "version_id": scene.desk.version_id})
    assert response.status_code == 422
    assert fresh(scene.desk).status == AppraisalStatus.SCORED


def test_a_returned_result_without_a_scorer_goes_to_the_departments_heads(client, auth, scene):
    scene.hk.scored_by_id = None
    db.session.commit()
    auth.login("hr")
    assert client.post(ret_url(scene.hk), data={"note": "重新评分", "version_id": scene.hk.version_id}).status_code == 302
    users = db.session.scalars(sa.select(Notification.user_id).where(Notification.kind == "appraisal.returned")).all()
    assert users == [scene.hk_head.id]


def test_two_clerks_adjust_at_once(app, scene, make_user):
    make_user(Role.HR, "hr2")
    first, second = login(app, "hr"), login(app, "hr2")
    url = f"/appraisals/calibration/appraisals/{scene.desk.id}/adjust"
    version = scene.desk.version_id
    assert first.get(url).status_code == 200 and second.get(url).status_code == 200
    assert first.post(url, data={"total": "80", "reason": "甲", "version_id": version}).status_code == 302
    late = second.post(url, data={"total": "95", "reason": "乙", "version_id": version})
    assert late.status_code == 409
    assert "该记录已被他人修改" in late.get_data(as_text=True)
    desk = fresh(scene.desk)
    assert desk.total == Decimal("80.00")
    assert [a.reason for a in db.session.scalars(sa.select(AppraisalAdjustment))] == ["甲"]
    # the page came back with the second clerk's input and the new version: sending again works
    assert 'value="95"' in late.get_data(as_text=True)
    again = second.post(url, data={"total": "95", "reason": "乙", "version_id": desk.version_id})
    assert again.status_code == 302 and fresh(desk).total == Decimal("95.00")


def test_return_racing_an_adjustment_gets_the_stale_message(app, scene, make_user):
    make_user(Role.HR, "hr2")
    first, second = login(app, "hr"), login(app, "hr2")
    version = scene.desk.version_id
    assert first.post(f"/appraisals/calibration/appraisals/{scene.desk.id}/adjust",
                      data={"total": "80", "reason": "甲", "version_id": version}).status_code == 302
    late = second.post(ret_url(scene.desk), data={"note": "退回", "version_id": version})
    assert late.status_code == 409 and fresh(scene.desk).status == AppraisalStatus.SCORED
