"""The person acknowledges or appeals their published result until `respond_by` (inclusive): the steps, the
grounds, the deadline, HR's notification in Chinese, and who may not."""
from datetime import timedelta

import pytest
import sqlalchemy as sa

from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalStatus, AuditEntry, Notification

from .conftest import publish


def _post(client, scene, step: str, **data):
    appraisal = db.session.get(Appraisal, scene.appraisal.id)
    data.setdefault("version_id", appraisal.version_id)
    return client.post(f"/appraisals/signoff/{appraisal.id}/{step}", data=data)


def _reload(scene) -> Appraisal:
    db.session.expire_all()
    return db.session.get(Appraisal, scene.appraisal.id)


def test_the_person_acknowledges(client, auth, scene):
    auth.login("staff")
    response = _post(client, scene, "acknowledge")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/appraisals/{scene.appraisal.id}")
    appraisal = _reload(scene)
    assert appraisal.status == AppraisalStatus.ACKNOWLEDGED and appraisal.acknowledged_at is not None
    assert not appraisal.acknowledged_by_silence
    actions = db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.action.like("appraisal.%"))).all()
    assert actions == ["appraisal.acknowledge"]


def test_the_person_appeals_with_grounds_and_hr_is_told_in_chinese(client, auth, scene):
    auth.login("staff")
    response = _post(client, scene, "appeal", note="顾客满意度统计遗漏了我代班的时段。")
    assert response.status_code == 302
    appraisal = _reload(scene)
    assert appraisal.status == AppraisalStatus.APPEALED and appraisal.appealed_at is not None
    assert appraisal.appeal_text == "顾客满意度统计遗漏了我代班的时段。"
    told = db.session.scalars(sa.select(Notification).where(Notification.kind == "appraisal.appealed")).all()
    assert {n.user_id for n in told} == {scene.hr.id}
    assert "李前台" in told[0].text and "申诉" in told[0].text
    assert told[0].link == f"/appraisals/signoff/{appraisal.id}/decide"


def test_an_appeal_needs_grounds(client, auth, scene):
    auth.login("staff")
    response = _post(client, scene, "appeal", note="   ")
    assert response.status_code == 302
    assert _reload(scene).status == AppraisalStatus.PUBLISHED
    assert db.session.scalar(sa.select(sa.func.count(Notification.id))) == 0
    with client.session_transaction() as session:
        flashed = " ".join(text for _category, text in session.get("_flashes", []))
    assert "请" in flashed  # the grounds-required message, in Chinese


@pytest.mark.parametrize("step, data", [("acknowledge", {}), ("appeal", {"note": "不同意"})])
def test_after_respond_by_the_time_to_respond_has_ended(client, auth, scene, step, data):
    publish(scene.appraisal, respond_by=company_today() - timedelta(days=1))
    db.session.commit()
    auth.login("staff")
    assert _post(client, scene, step, **data).status_code == 302
    assert _reload(scene).status == AppraisalStatus.PUBLISHED
    with client.session_transaction() as session:
        flashed = " ".join(text for _category, text in session.get("_flashes", []))
    day = (company_today() - timedelta(days=1)).isoformat()
    assert day in flashed


def test_the_last_day_is_still_open(client, auth, scene):
    publish(scene.appraisal, respond_by=company_today())
    db.session.commit()
    auth.login("staff")
    _post(client, scene, "acknowledge")
    assert _reload(scene).status == AppraisalStatus.ACKNOWLEDGED


@pytest.mark.parametrize("username, status", [("head", 403), ("hr", 403), ("other", 404), ("hkhead", 404)])
def test_only_the_person_responds(client, auth, scene, username, status):
    auth.login(username)
    assert _post(client, scene, "acknowledge").status_code == status
    assert _post(client, scene, "appeal", note="x").status_code == status
    assert _reload(scene).status == AppraisalStatus.PUBLISHED


def test_a_stale_page_gets_the_stale_message(client, auth, scene):
    auth.login("staff")
    old = scene.appraisal.version_id
    _post(client, scene, "acknowledge")
    response = _post(client, scene, "appeal", note="晚了", version_id=old)
    assert response.status_code == 302
    assert _reload(scene).status == AppraisalStatus.ACKNOWLEDGED
    with client.session_transaction() as session:
        flashed = " ".join(text for _category, text in session.get("_flashes", []))
    assert "已被他人修改" in flashed


def test_not_before_the_result_is_published(client, auth, scene):
    scene.appraisal.status = AppraisalStatus.SCORED
    db.session.commit()
    auth.login("staff")
    assert _post(client, scene, "acknowledge").status_code == 302
    assert _reload(scene).status == AppraisalStatus.SCORED
