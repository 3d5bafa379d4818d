"""The person's acknowledgement or appeal, through the pages: the deadline (company-local, inclusive), one
response only, the recorder and heads told, access denials, the closed month."""
from datetime import date, timedelta

from flask import render_template_string
from flask_login import login_user

from hrapp.blueprints.conduct.review.services.notify import RESPONSE
from hrapp.models import ViolationState

from .conftest import close_month, login_as, notices, reload, steps_of

ACK = "/conduct/review/violations/{}/acknowledge"
APPEAL = "/conduct/review/violations/{}/appeal"


def test_the_person_acknowledges_and_the_recorder_and_heads_are_told(app, scene):
    v = scene.violation()
    staff = login_as(app, "staff")
    page = staff.get(f"/conduct/review/violations/{v.id}")
    assert page.status_code == 200 and 'id="acknowledge-form"' in page.text and 'id="appeal-form"' in page.text
    response = staff.post(ACK.format(v.id), data={"version_id": v.version_id})
    assert response.status_code == 302
    v = reload(v)
    assert v.state == ViolationState.ACKNOWLEDGED and v.acknowledged_at and not v.acknowledged_by_silence
    assert steps_of(v) == ["violation.acknowledge"]
    assert any(v.number in text for text in notices(scene.org.head, RESPONSE))  # the recorder, head of FO
    assert notices(scene.org.staff, RESPONSE) == []  # never the person themselves


def test_a_double_click_on_acknowledge_changes_it_once(app, scene):
    v = scene.violation()
    staff, version = login_as(app, "staff"), v.version_id
    assert staff.post(ACK.format(v.id), data={"version_id": version}).status_code == 302
    after_first = reload(v).version_id
    again = staff.post(ACK.format(v.id), data={"version_id": version})
    assert again.status_code == 422 and "不再等待您的回应" in again.text
    v = reload(v)
    assert v.version_id == after_first and steps_of(v) == ["violation.acknowledge"]
    assert len(notices(scene.org.head, RESPONSE)) == 1


def test_an_appeal_on_the_deadline_day_itself_is_taken(app, scene):
    v = scene.violation(respond_by=scene.today)
    staff = login_as(app, "staff")
    response = staff.post(APPEAL.format(v.id), data={"version_id": v.version_id, "grounds": "当时在协助客人"})
    assert response.status_code == 302
    v = reload(v)
    assert v.state == ViolationState.APPEALED and v.appeal_text == "当时在协助客人" and v.appealed_at
    assert any("申诉" in text for text in notices(scene.org.head, RESPONSE))


def test_an_appeal_the_day_after_the_deadline_changes_nothing(app, scene, yesterday):
    v = scene.violation(respond_by=yesterday)
    staff, version = login_as(app, "staff"), v.version_id
    response = staff.post(APPEAL.format(v.id), data={"version_id": version, "grounds": "太晚了"})
    assert response.status_code == 422 and "已经过了" in response.text and "太晚了" in response.text
    late_ack = staff.post(ACK.format(v.id), data={"version_id": version})
    assert late_ack.status_code == 422
    v = reload(v)
    assert v.state == ViolationState.SUBMITTED and v.version_id == version and steps_of(v) == []


def test_an_appeal_needs_grounds(app, scene):
    v = scene.violation()
    response = login_as(app, "staff").post(APPEAL.format(v.id), data={"version_id": v.version_id, "grounds": "  "})
    assert response.status_code in (200, 422)
    assert reload(v).state == ViolationState.SUBMITTED


def test_a_second_appeal_is_refused_with_a_clear_message(app, scene):
    v = scene.violation()
    staff = login_as(app, "staff")
    assert staff.post(APPEAL.format(v.id), data={"version_id": v.version_id, "grounds": "第一次"}).status_code == 302
    version = reload(v).version_id
    again = staff.post(APPEAL.format(v.id), data={"version_id": version, "grounds": "第二次"})
    assert again.status_code == 422 and "您已经申诉过" in again.text
    v = reload(v)
    assert v.appeal_text == "第一次" and v.version_id == version and steps_of(v) == ["violation.appeal"]


def test_only_the_person_responds(app, scene):
    v = scene.violation()
    data = {"version_id": v.version_id, "grounds": "x"}
    assert login_as(app, "other").post(ACK.format(v.id), data=data).status_code == 404  # another's: unseen
    assert login_as(app, "other").post(APPEAL.format(v.id), data=data).status_code == 404
    assert login_as(app, "head").post(ACK.format(v.id), data=data).status_code == 403  # sees it, may not respond
    assert login_as(app, "hr").post(APPEAL.format(v.id), data=data).status_code == 403
    assert login_as(app, "hkhead").post(ACK.format(v.id), data=data).status_code == 404
    assert reload(v).state == ViolationState.SUBMITTED


def test_a_draft_is_not_the_persons_to_answer(app, scene):
    v = scene.violation(state=ViolationState.DRAFT)
    assert login_as(app, "staff").post(ACK.format(v.id), data={"version_id": v.version_id}).status_code == 404


def test_a_response_into_a_closed_month_is_refused(app, scene):
    v = scene.violation()
    close_month(scene.org.front_desk, date(2026, 5, 1), date(2026, 5, 31), by=scene.org.hr)
    staff = login_as(app, "staff")
    response = staff.post(ACK.format(v.id), data={"version_id": v.version_id}, follow_redirects=True)
    assert "已月结" in response.text
    assert reload(v).state == ViolationState.SUBMITTED and steps_of(v) == []


def test_the_deadline_is_shown_to_the_person(app, scene):
    v = scene.violation(respond_by=scene.today + timedelta(days=2))
    page = login_as(app, "staff").get(f"/conduct/review/violations/{v.id}")
    assert 'id="respond-by"' in page.text and 'id="deadline-passed"' not in page.text


def test_the_panel_renders_with_only_the_violation(app, scene):
    """The violations part's record page includes the panel with `violation` alone in its context."""
    v = scene.violation()
    with app.test_request_context("/"):
        login_user(scene.org.staff)
        html = render_template_string('{% include "conduct/review/_panel.html" %}', violation=v)
    assert 'id="acknowledge-form"' in html and 'id="appeal-form"' in html and 'name="version_id"' in html
