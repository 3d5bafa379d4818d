"""HR decides an appeal: upheld or adjusted (an AppraisalAdjustment by appeal, the grade by the template's bands,
`result_changed` sent, the person told in Chinese), a reason required, and a second clerk on a stale page."""
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.appraisals import signals
from hrapp.blueprints.appraisals.signoff import services
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalAdjustment, AppraisalStatus, Grade, Notification

URL = "/appraisals/signoff/{}/decide"


@pytest.fixture
def appealed(scene):
    services.appeal(scene.staff, scene.appraisal, "出勤记录有误，请复核。", scene.appraisal.version_id)
    db.session.commit()
    return scene


@pytest.fixture
def changes():
    seen = []

    def listener(sender, **kwargs):
        seen.append({"appraisal_id": kwargs["appraisal_id"], "actor_id": kwargs["actor"].id})

    signals.result_changed.connect(listener)
    yield seen
    signals.result_changed.disconnect(listener)


def _reload(scene) -> Appraisal:
    db.session.expire_all()
    return db.session.get(Appraisal, scene.appraisal.id)


def _decide(client, scene, **data):
    data.setdefault("version_id", _reload(scene).version_id)
    return client.post(URL.format(scene.appraisal.id), data=data)


def test_the_decision_page_shows_the_appeal(client, auth, appealed):
    auth.login("hr")
    page = client.get(URL.format(appealed.appraisal.id))
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "出勤记录有误，请复核。" in text and 'id="decide-form"' in text


def test_hr_upholds_the_result(client, auth, appealed, changes):
    hr_id, staff_user_id = appealed.hr.id, appealed.staff.id
    before = _reload(appealed).total
    auth.login("hr")
    response = _decide(client, appealed, decision="upheld", reason="考勤记录核实无误。")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/appraisals/{appealed.appraisal.id}")
    appraisal = _reload(appealed)
    assert appraisal.status == AppraisalStatus.DECIDED and appraisal.decision == "upheld"
    assert appraisal.total == before and appraisal.decided_by_id == hr_id
    assert appraisal.decision_reason == "考勤记录核实无误。" and appraisal.decided_at is not None
    assert db.session.scalar(sa.select(sa.func.count(AppraisalAdjustment.id))) == 0
    assert changes == []
    (told,) = db.session.scalars(sa.select(Notification).where(Notification.kind == "appraisal.appeal_decided"))
    assert told.user_id == staff_user_id and "维持原结果" in told.text and "考勤记录核实无误" in told.text


def test_hr_adjusts_the_total_and_the_grade_follows_the_bands(client, auth, appealed, changes):
    hr_id = appealed.hr.id
    before = _reload(appealed)
    old_total, old_grade = before.total, before.grade
    assert old_grade == Grade.GOOD
    auth.login("hr")
    assert _decide(client, appealed, decision="adjusted", total="91.5", reason="补计代班期间的顾客评价。"
                   ).status_code == 302
    appraisal = _reload(appealed)
    assert appraisal.status == AppraisalStatus.DECIDED and appraisal.decision == "adjusted"
    assert appraisal.total == Decimal("91.50") and appraisal.grade == Grade.EXCELLENT
    (row,) = db.session.scalars(sa.select(AppraisalAdjustment))
    assert (row.from_total, row.to_total, row.from_grade, row.to_grade) == (old_total, Decimal("91.50"), old_grade,
                                                                             Grade.EXCELLENT)
    assert row.by_appeal and row.reason == "补计代班期间的顾客评价。" and row.adjusted_by_id == hr_id
    assert changes == [{"appraisal_id": appraisal.id, "actor_id": hr_id}]
    (told,) = db.session.scalars(sa.select(Notification).where(Notification.kind == "appraisal.appeal_decided"))
    assert "91.50" in told.text and "优秀" in told.text


def test_a_template_with_its_own_bands(appealed):
    appraisal = _reload(appealed)
    # the appraisal keeps its template's bands from when it was made: as if made from a template with these
    appraisal.grade_bands = [["excellent", "95"], ["good", "85"], ["pass", "60"], ["needs_improvement", "40"],
                             ["fail", "0"]]
    db.session.commit()
    appraisal = _reload(appealed)
    services.decide(appealed.hr, appraisal, "adjusted", Decimal("91.5"), "复核", appraisal.version_id)
    assert appraisal.grade == Grade.GOOD


@pytest.mark.parametrize("data, field_text", [
    ({"decision": "adjusted", "total": "", "reason": "x"}, "请填写调整后的总分"),
    ({"decision": "adjusted", "total": "101", "reason": "x"}, "0 到 100"),
    ({"decision": "adjusted", "total": "88.123", "reason": "x"}, "2 位小数"),
    ({"decision": "adjusted", "total": "abc", "reason": "x"}, "请填写调整后的总分"),
    ({"decision": "upheld", "reason": ""}, "请填写理由"),
    ({"reason": "x"}, "请选择维持原结果或调整结果"),
])
def test_refused_decisions_change_nothing(client, auth, appealed, data, field_text):
    auth.login("hr")
    response = _decide(client, appealed, **data)
    assert response.status_code == 422 and field_text in response.get_data(as_text=True)
    assert _reload(appealed).status == AppraisalStatus.APPEALED


def test_a_second_clerk_on_a_stale_page_gets_the_stale_message(client, auth, appealed, make_user):
    from hrapp.models import Role
    make_user(Role.HR, "hr2")
    hr_id = appealed.hr.id
    version = _reload(appealed).version_id
    auth.login("hr")
    assert _decide(client, appealed, decision="upheld", reason="核实无误", version_id=version).status_code == 302
    auth.logout()
    auth.login("hr2")
    response = _decide(client, appealed, decision="adjusted", total="95", reason="另一意见", version_id=version)
    assert response.status_code == 409 and "已被他人修改" in response.get_data(as_text=True)
    appraisal = _reload(appealed)
    assert appraisal.decision == "upheld" and appraisal.decided_by_id == hr_id
    assert db.session.scalar(sa.select(sa.func.count(AppraisalAdjustment.id))) == 0


@pytest.mark.parametrize("username, status", [("staff", 403), ("head", 403), ("other", 404), ("hkhead", 404)])
def test_only_hr_decides(client, auth, appealed, username, status):
    auth.login(username)
    assert client.get(URL.format(appealed.appraisal.id)).status_code == status
    assert _decide(client, appealed, decision="upheld", reason="x").status_code == status
    assert _reload(appealed).status == AppraisalStatus.APPEALED


def test_the_appeals_list(client, auth, appealed, make_appraisal, make_staff):
    auth.login("hr")
    page = client.get("/appraisals/signoff/appeals").get_data(as_text=True)
    assert "李前台" in page and f'data-appraisal="{appealed.appraisal.id}"' in page
    assert "1 项申诉待决定" in page
    decided = client.get("/appraisals/signoff/appeals?status=decided").get_data(as_text=True)
    assert 'id="appeals-empty"' in decided
    other = client.get("/appraisals/signoff/appeals?q=赵").get_data(as_text=True)
    assert 'id="appeals-empty"' in other
    assert "李前台" in client.get("/appraisals/signoff/appeals?q=李&status=appealed&page=abc").get_data(as_text=True)
    bad = client.get("/appraisals/signoff/appeals?status=scored").get_data(as_text=True)
    assert 'id="invalid-filters"' in bad
    by_cycle = client.get(f"/appraisals/signoff/appeals?cycle={appealed.cycle.id}&department={appealed.front.id}")
    assert "李前台" in by_cycle.get_data(as_text=True)
