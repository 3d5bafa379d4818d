"""HR's review through the pages: confirm, adjust (a reason, within what the rule allows), void, the company cap
and the second approver (never the first reviewer), the measure of a final violation, two reviewers at once,
the closed month, and the decision as the person sees it."""
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from hrapp.blueprints.conduct.review.services.notify import DECISION, MEASURE_DUE, REFERRAL
from hrapp.extensions import db
from hrapp.models import DisciplinaryMeasure, Measure, ViolationState

from .conftest import close_month, login_as, notices, reload, steps_of

REVIEW = "/conduct/review/violations/{}/review"
VOID = "/conduct/review/violations/{}/void"
SECOND = "/conduct/review/violations/{}/second-approve"
PAGE = "/conduct/review/violations/{}"
ACKED = ViolationState.ACKNOWLEDGED


def test_hr_confirms_and_the_person_sees_the_decision_and_its_reason(app, scene):
    v = scene.violation(state=ACKED)
    hr = login_as(app, "hr")
    assert 'id="review-form"' in hr.get(PAGE.format(v.id)).text
    response = hr.post(REVIEW.format(v.id), data={"version_id": v.version_id, "reason": "事实清楚"})
    assert response.status_code == 302
    v = reload(v)
    assert (v.state, v.decision, v.decision_reason, v.decided_by_id) == (ViolationState.FINAL, "confirmed", "事实清楚",
                                                                         scene.org.hr.id)
    assert v.amount == Decimal("100.00") and v.decided_at is not None
    assert steps_of(v) == ["violation.finalize"]
    assert any("事实清楚" in text for text in notices(scene.org.staff, DECISION))
    page = login_as(app, "staff").get(PAGE.format(v.id)).text
    assert 'data-decision="confirmed"' in page and "人事部已确认" in page and "事实清楚" in page
    assert 'id="review-form"' not in page


def test_a_confirmation_needs_a_reason(app, scene):
    v = scene.violation(state=ACKED)
    response = login_as(app, "hr").post(REVIEW.format(v.id), data={"version_id": v.version_id, "reason": ""})
    assert response.status_code == 200 and "请填写理由" in response.text
    assert reload(v).state == ACKED


def test_hr_adjusts_the_amount_with_a_reason(app, scene):
    v = scene.violation(state=ViolationState.APPEALED, appeal_text="初犯")
    response = login_as(app, "hr").post(REVIEW.format(v.id), data={
        "version_id": v.version_id, "amount": "60.00", "reason": "初犯，酌情减轻"})
    assert response.status_code == 302
    v = reload(v)
    assert (v.state, v.decision, v.amount) == (ViolationState.FINAL, "adjusted", Decimal("60.00"))
    assert any("按调整后的金额确认" in text for text in notices(scene.org.staff, DECISION))


def test_an_adjustment_without_a_reason_changes_nothing(app, scene):
    v = scene.violation(state=ACKED)
    response = login_as(app, "hr").post(REVIEW.format(v.id), data={"version_id": v.version_id, "amount": "60"})
    assert response.status_code == 200 and "请填写理由" in response.text
    v = reload(v)
    assert v.state == ACKED and v.amount == Decimal("100.00") and steps_of(v) == []


def test_bad_amounts_are_refused(app, scene):
    v = scene.violation(state=ACKED)
    hr = login_as(app, "hr")
    for amount in ("900.00", "-5", "10.005", "NaN", "abc"):
        response = hr.post(REVIEW.format(v.id), data={"version_id": v.version_id, "amount": amount, "reason": "调"})
        assert response.status_code in (200, 422), amount
        assert reload(v).amount == Decimal("100.00") and reload(v).state == ACKED, amount
    above = hr.post(REVIEW.format(v.id), data={"version_id": v.version_id, "amount": "800.01", "reason": "调"})
    assert "800.00" in above.text  # the ceiling of the rule's range is named
    assert steps_of(v) == []


def test_a_fine_above_the_cap_needs_a_second_approver_who_is_not_the_first(app, scene):
    v = scene.violation(state=ACKED, amount=Decimal("600.00"))
    first = login_as(app, "hr")
    assert first.post(REVIEW.format(v.id), data={"version_id": v.version_id, "reason": "情节严重"}).status_code == 302
    v = reload(v)
    assert v.state == ViolationState.AWAITING_SECOND and steps_of(v) == ["violation.finalize_above_cap"]
    assert notices(scene.org.staff, DECISION) == []  # told once it is final
    assert notices(scene.hr2, REFERRAL) and not notices(scene.org.hr, REFERRAL)
    assert first.post(SECOND.format(v.id), data={"version_id": v.version_id}).status_code == 403
    assert reload(v).state == ViolationState.AWAITING_SECOND
    second = login_as(app, "hr2")
    assert 'id="second-approve-form"' in second.get(PAGE.format(v.id)).text
    assert second.post(SECOND.format(v.id), data={"version_id": v.version_id}).status_code == 302
    v = reload(v)
    assert v.state == ViolationState.FINAL and v.second_approver_id == scene.hr2.id and v.decided_by_id == scene.org.hr.id
    assert notices(scene.org.staff, DECISION)


def test_the_general_manager_may_give_the_second_approval(app, scene):
    v = scene.violation(state=ACKED, amount=Decimal("600.00"))
    login_as(app, "hr").post(REVIEW.format(v.id), data={"version_id": v.version_id, "reason": "情节严重"})
    assert notices(scene.org.head, REFERRAL)  # the head of FO is the unit's general manager
    assert login_as(app, "hkhead").post(SECOND.format(v.id), data={"version_id": reload(v).version_id}).status_code \
        == 404
    assert login_as(app, "head").post(SECOND.format(v.id), data={"version_id": reload(v).version_id}).status_code \
        == 302
    assert reload(v).state == ViolationState.FINAL


def test_an_adjustment_above_the_cap_awaits_the_second_approver(app, scene):
    v = scene.violation(state=ACKED, amount=Decimal("100.00"))
    login_as(app, "hr").post(REVIEW.format(v.id), data={"version_id": v.version_id, "amount": "700", "reason": "加重"})
    v = reload(v)
    assert (v.state, v.decision, v.amount) == (ViolationState.AWAITING_SECOND, "adjusted", Decimal("700.00"))


def test_hr_voids_with_a_reason(app, scene):
    v = scene.violation(state=ViolationState.APPEALED, measure=Measure.WRITTEN_WARNING)
    hr = login_as(app, "hr")
    refused = hr.post(VOID.format(v.id), data={"version_id": v.version_id, "reason": " "})
    assert refused.status_code == 200 and reload(v).state == ViolationState.APPEALED
    assert hr.post(VOID.format(v.id), data={"version_id": v.version_id, "reason": "监控显示无违纪"}).status_code == 302
    v = reload(v)
    assert (v.state, v.decision, v.decision_reason) == (ViolationState.VOID, "voided", "监控显示无违纪")
    assert db.session.scalar(sa.select(sa.func.count(DisciplinaryMeasure.id))) == 0
    assert any("监控显示无违纪" in text for text in notices(scene.org.staff, DECISION))


def test_a_final_violation_records_its_measure_on_the_staff_history(app, scene):
    v = scene.violation(state=ACKED, measure=Measure.WRITTEN_WARNING)
    login_as(app, "hr").post(REVIEW.format(v.id), data={"version_id": v.version_id, "reason": "第二次"})
    measure = db.session.scalar(sa.select(DisciplinaryMeasure).where(DisciplinaryMeasure.violation_id == v.id))
    assert measure.kind == Measure.WRITTEN_WARNING and measure.staff_id == scene.org.desk_staff.id
    assert measure.starts_on == scene.today and measure.recorded_by_id == scene.org.hr.id
    assert notices(scene.org.hr, MEASURE_DUE) == []


def test_a_dismissal_review_tells_hr_a_decision_is_due(app, scene):
    v = scene.violation(state=ACKED, measure=Measure.DISMISSAL_REVIEW)
    login_as(app, "hr").post(REVIEW.format(v.id), data={"version_id": v.version_id, "reason": "第四次"})
    assert db.session.scalar(sa.select(DisciplinaryMeasure.kind).where(DisciplinaryMeasure.violation_id == v.id)) \
        == Measure.DISMISSAL_REVIEW
    assert notices(scene.org.hr, MEASURE_DUE) and notices(scene.hr2, MEASURE_DUE)


def test_two_reviewers_at_once_the_second_is_told_and_nothing_is_lost(app, scene):
    v = scene.violation(state=ACKED)
    version = v.version_id
    first, second = login_as(app, "hr"), login_as(app, "hr2")
    assert first.post(REVIEW.format(v.id), data={"version_id": version, "amount": "80", "reason": "甲"}).status_code \
        == 302
    late = second.post(VOID.format(v.id), data={"version_id": version, "reason": "乙的理由"})
    assert late.status_code == 409 and "已被他人修改" in late.text and "乙的理由" in late.text
    v = reload(v)
    assert (v.state, v.amount, v.decision_reason) == (ViolationState.FINAL, Decimal("80.00"), "甲")
    assert steps_of(v) == ["violation.finalize"]


def test_the_same_review_posted_twice_decides_once(app, scene):
    v = scene.violation(state=ACKED)
    hr, version = login_as(app, "hr"), v.version_id
    assert hr.post(REVIEW.format(v.id), data={"version_id": version, "reason": "一次"}).status_code == 302
    assert hr.post(REVIEW.format(v.id), data={"version_id": version, "reason": "一次"}).status_code == 409
    assert steps_of(v) == ["violation.finalize"]


def test_heads_and_staff_may_not_review(app, scene):
    v = scene.violation(state=ACKED)
    data = {"version_id": v.version_id, "reason": "x"}
    assert login_as(app, "head").post(REVIEW.format(v.id), data=data).status_code == 403
    assert login_as(app, "head").post(VOID.format(v.id), data=data).status_code == 403
    assert login_as(app, "staff").post(REVIEW.format(v.id), data=data).status_code == 403  # their own
    assert login_as(app, "other").post(REVIEW.format(v.id), data=data).status_code == 404
    assert login_as(app, "hkhead").post(REVIEW.format(v.id), data=data).status_code == 404
    assert reload(v).state == ACKED


def test_a_submitted_violation_is_not_open_for_review_yet(app, scene):
    v = scene.violation(state=ViolationState.SUBMITTED)
    response = login_as(app, "hr").post(REVIEW.format(v.id), data={"version_id": v.version_id, "reason": "x"})
    assert response.status_code == 422 and reload(v).state == ViolationState.SUBMITTED


def test_a_review_into_a_closed_month_is_refused(app, scene):
    v = scene.violation(state=ACKED)
    close_month(scene.org.front_desk, date(2026, 5, 1), date(2026, 5, 31), by=scene.org.hr)
    response = login_as(app, "hr").post(REVIEW.format(v.id), data={"version_id": v.version_id, "reason": "x"},
                                        follow_redirects=True)
    assert "已月结" in response.text
    v = reload(v)
    assert v.state == ACKED and v.decision == "" and steps_of(v) == []
