"""Adjusting a result through the page: a required reason, the total refused outside 0–100 or as NaN /
infinity / more than 2 places, the grade following the template's bands, the history and the audit, undo, and
only while the cycle is in calibration."""
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AppraisalAdjustment, AuditEntry, CycleStage, Grade

from .conftest import score


def adjust_url(appraisal) -> str:
    return f"/appraisals/calibration/appraisals/{appraisal.id}/adjust"


def post_adjust(client, appraisal, total, reason="分布校准", version=None):
    return client.post(adjust_url(appraisal), data={"total": total, "reason": reason,
                                                    "version_id": appraisal.version_id if version is None else version})


def fresh(appraisal):
    db.session.expire_all()
    return db.session.get(type(appraisal), appraisal.id)


def test_adjust_sets_total_grade_history_and_audit(client, auth, scene):
    auth.login("hr")
    page = client.get(adjust_url(scene.desk))
    assert page.status_code == 200 and b'id="adjust-form"' in page.data
    response = post_adjust(client, scene.desk, "78.50", "与同岗位比较偏高")
    assert response.status_code == 302 and f"/appraisals/calibration/cycles/{scene.cycle.id}" in response.location
    desk = fresh(scene.desk)
    assert desk.total == Decimal("78.50") and desk.grade == Grade.PASS and desk.calibrated
    assert desk.head_total == Decimal("85.00")
    adjustment = db.session.scalars(sa.select(AppraisalAdjustment).where(
        AppraisalAdjustment.appraisal_id == desk.id)).one()
    assert (adjustment.from_total, adjustment.to_total) == (Decimal("85.00"), Decimal("78.50"))
    assert (adjustment.from_grade, adjustment.to_grade) == (Grade.GOOD, Grade.PASS)
    assert adjustment.reason == "与同岗位比较偏高" and adjustment.adjusted_by_id == scene.hr.id
    entry = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "appraisal.adjust")).one()
    assert entry.before["total"] == "85.00" and entry.after == {
        "total": "78.50", "grade": "pass", "calibrated": True, "reason": "与同岗位比较偏高"}
    assert entry.target_label == "2026-Q3 " + scene.desk_staff.staff_number


def test_adjusting_again_keeps_the_history(client, auth, scene):
    auth.login("hr")
    assert post_adjust(client, scene.desk, "91").status_code == 302
    assert post_adjust(client, fresh(scene.desk), "88", "再次校准").status_code == 302
    rows = db.session.scalars(sa.select(AppraisalAdjustment).where(
        AppraisalAdjustment.appraisal_id == scene.desk.id).order_by(AppraisalAdjustment.id)).all()
    assert [(r.from_total, r.to_total) for r in rows] == [(Decimal("85.00"), Decimal("91.00")),
                                                          (Decimal("91.00"), Decimal("88.00"))]
    assert rows[0].to_grade == Grade.EXCELLENT and rows[1].to_grade == Grade.GOOD
    page = client.get(adjust_url(scene.desk)).get_data(as_text=True)
    assert page.count("data-adjustment-id=") == 2 and "再次校准" in page


@pytest.mark.parametrize("total", ["", "abc", "NaN", "Infinity", "-1", "100.01", "85.555", "1e400"])
def test_bad_totals_are_refused(client, auth, scene, total):
    auth.login("hr")
    response = post_adjust(client, scene.desk, total)
    assert response.status_code == 422
    assert "请填写 0 到 100 之间的总分" in response.get_data(as_text=True)
    assert fresh(scene.desk).total == Decimal("85.00")
    assert db.session.scalar(sa.select(sa.func.count(AppraisalAdjustment.id))) == 0


def test_reason_is_required(client, auth, scene):
    auth.login("hr")
    response = post_adjust(client, scene.desk, "80", reason="  ")
    assert response.status_code == 422
    assert fresh(scene.desk).total == Decimal("85.00")
    assert db.session.scalar(sa.select(sa.func.count(AppraisalAdjustment.id))) == 0


def test_the_grade_follows_the_templates_bands(client, auth, scene):
    fresh(scene.desk).grade_bands = [["excellent", "95"], ["good", "85"], ["pass", "70"], ["needs_improvement", "60"],
                                     ["fail", "0"]]  # as if made from a template with these bands
    db.session.commit()
    auth.login("hr")
    assert post_adjust(client, scene.desk, "90").status_code == 302
    assert fresh(scene.desk).grade == Grade.GOOD  # 90 is 优秀 by the default bands, 良好 by this template's


def test_undo_goes_back_to_the_heads_total_with_a_reason(client, auth, scene):
    auth.login("hr")
    assert post_adjust(client, scene.desk, "60").status_code == 302
    desk = fresh(scene.desk)
    url = f"/appraisals/calibration/appraisals/{desk.id}/undo"
    assert client.post(url, data={"reason": "", "version_id": desk.version_id}).status_code == 422
    assert client.post(url, data={"reason": "主管评分有依据", "version_id": desk.version_id}).status_code == 302
    desk = fresh(desk)
    assert desk.total == Decimal("85.00") and desk.grade == Grade.GOOD and not desk.calibrated
    assert db.session.scalar(sa.select(sa.func.count(AppraisalAdjustment.id))) == 2
    assert db.session.scalar(sa.select(sa.func.count(AuditEntry.id)).where(
        AuditEntry.action == "appraisal.undo_adjust")) == 1


def test_nothing_to_undo(client, auth, scene):
    auth.login("hr")
    response = client.post(f"/appraisals/calibration/appraisals/{scene.desk.id}/undo",
                           data={"reason": "x", "version_id": scene.desk.version_id})
    assert response.status_code == 422 and fresh(scene.desk).total == Decimal("85.00")


@pytest.mark.parametrize("stage", [CycleStage.HEAD_SCORING, CycleStage.PUBLISHED])
def test_only_while_the_cycle_is_in_calibration(client, auth, scene, stage):
    scene.cycle.stage = stage
    db.session.commit()
    auth.login("hr")
    page = client.get(adjust_url(scene.desk))
    assert page.status_code == 200 and b'id="not-open"' in page.data and b'id="adjust-form"' not in page.data
    assert post_adjust(client, scene.desk, "70").status_code == 422
    assert fresh(scene.desk).total == Decimal("85.00")


def test_only_a_scored_result(client, auth, scene, make_appraisal, make_staff):
    waiting = make_appraisal(scene.cycle, make_staff(scene.front_desk), scene.template)
    db.session.commit()
    auth.login("hr")
    assert post_adjust(client, waiting, "70").status_code == 422
    assert fresh(waiting).total is None


def test_a_published_result_is_not_open(client, auth, scene):
    from hrapp.models import AppraisalStatus
    score(scene.desk, "85", scene.head, status=AppraisalStatus.PUBLISHED)
    db.session.commit()
    auth.login("hr")
    assert post_adjust(client, fresh(scene.desk), "70").status_code == 422
