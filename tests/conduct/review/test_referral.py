"""An appeal referred to the general manager of the person's unit: they are told, see it on their list, and
uphold (possibly adjusted) or overturn it with a reason; the person sees the decision and its reason."""
from decimal import Decimal

from hrapp.blueprints.conduct.review.services.notify import DECISION, REFERRAL
from hrapp.models import Role, ViolationState

from .conftest import login_as, notices, reload, steps_of

REFER = "/conduct/review/violations/{}/refer"
DECIDE = "/conduct/review/violations/{}/decide"
PAGE = "/conduct/review/violations/{}"


def _referred(app, scene, **kw):
    v = scene.violation(state=ViolationState.APPEALED, appeal_text="当时客人先动手", **kw)
    response = login_as(app, "hr").post(REFER.format(v.id), data={"version_id": v.version_id, "reason": "请总经理定夺"})
    assert response.status_code == 302
    return reload(v)


def test_hr_refers_an_appeal_and_the_general_manager_is_told(app, scene):
    v = _referred(app, scene)
    assert v.state == ViolationState.REFERRED and steps_of(v) == ["violation.refer"]
    assert any(v.number in text for text in notices(scene.org.head, REFERRAL))
    assert notices(scene.hk_head, REFERRAL) == []
    listed = login_as(app, "head").get("/conduct/review/referred")
    assert listed.status_code == 200 and f'data-violation-id="{v.id}"' in listed.text
    other = login_as(app, "hkhead").get("/conduct/review/referred")
    assert other.status_code == 200 and 'id="referred-empty"' in other.text
    assert 'id="decide-form"' in login_as(app, "head").get(PAGE.format(v.id)).text


def test_the_general_manager_upholds_and_the_person_sees_it(app, scene):
    v = _referred(app, scene)
    response = login_as(app, "head").post(DECIDE.format(v.id), data={
        "version_id": v.version_id, "outcome": "uphold", "reason": "监控证实违纪"})
    assert response.status_code == 302
    v = reload(v)
    assert (v.state, v.decision, v.decision_reason, v.decided_by_id) == (
        ViolationState.FINAL, "upheld", "监控证实违纪", scene.org.head.id)
    assert any("总经理维持处罚" in text for text in notices(scene.org.staff, DECISION))
    page = login_as(app, "staff").get(PAGE.format(v.id)).text
    assert "总经理维持处罚" in page and "监控证实违纪" in page and "请总经理定夺" in page  # the history's reasons


def test_the_general_manager_upholds_at_a_lower_amount(app, scene):
    v = _referred(app, scene)
    login_as(app, "head").post(DECIDE.format(v.id), data={
        "version_id": v.version_id, "outcome": "uphold", "amount": "50.00", "reason": "减轻"})
    v = reload(v)
    assert (v.state, v.decision, v.amount) == (ViolationState.FINAL, "adjusted", Decimal("50.00"))


def test_the_general_manager_overturns(app, scene):
    v = _referred(app, scene)
    login_as(app, "head").post(DECIDE.format(v.id), data={
        "version_id": v.version_id, "outcome": "overturn", "reason": "证据不足"})
    v = reload(v)
    assert (v.state, v.decision, v.decision_reason) == (ViolationState.VOID, "overturned", "证据不足")
    assert steps_of(v) == ["violation.refer", "violation.overturn"]
    assert "总经理撤销处罚" in login_as(app, "staff").get(PAGE.format(v.id)).text


def test_a_decision_needs_a_reason(app, scene):
    v = _referred(app, scene)
    response = login_as(app, "head").post(DECIDE.format(v.id), data={"version_id": v.version_id, "outcome": "uphold"})
    assert response.status_code == 200 and "请填写理由" in response.text
    assert reload(v).state == ViolationState.REFERRED


def test_only_the_general_manager_of_the_unit_decides(app, scene, make_user, make_staff):
    v = _referred(app, scene)
    data = {"version_id": v.version_id, "outcome": "overturn", "reason": "x"}
    assert login_as(app, "hkhead").post(DECIDE.format(v.id), data=data).status_code == 404  # another unit
    assert login_as(app, "hr").post(DECIDE.format(v.id), data=data).status_code == 403
    assert login_as(app, "staff").post(DECIDE.format(v.id), data=data).status_code == 403
    make_user(Role.HEAD, "deskhead", staff=make_staff(scene.org.front_desk), departments=[scene.org.front_desk])
    assert login_as(app, "deskhead").post(DECIDE.format(v.id), data=data).status_code == 403  # not the top
    assert reload(v).state == ViolationState.REFERRED


def test_only_appeals_are_referred_and_heads_may_not_refer(app, scene):
    acknowledged = scene.violation(state=ViolationState.ACKNOWLEDGED)
    response = login_as(app, "hr").post(REFER.format(acknowledged.id), data={
        "version_id": acknowledged.version_id, "reason": "x"})
    assert response.status_code == 422 and reload(acknowledged).state == ViolationState.ACKNOWLEDGED
    appealed = scene.violation(state=ViolationState.APPEALED)
    assert login_as(app, "head").post(REFER.format(appealed.id), data={
        "version_id": appealed.version_id, "reason": "x"}).status_code == 403


def test_no_general_manager_no_referral(app, scene, make_department, make_staff, make_user):
    lonely = make_department("SPA", "水疗部")
    person = make_staff(lonely)
    make_user(Role.STAFF, "spa", staff=person)
    v = scene.violation(state=ViolationState.APPEALED, staff=person)
    response = login_as(app, "hr").post(REFER.format(v.id), data={"version_id": v.version_id, "reason": "x"})
    assert response.status_code == 422 and "没有总经理" in response.text
    assert reload(v).state == ViolationState.APPEALED


def test_the_referred_list_is_for_general_managers(app, scene):
    assert login_as(app, "hr").get("/conduct/review/referred").status_code == 403
    assert login_as(app, "staff").get("/conduct/review/referred").status_code == 403
    assert 'id="referred-empty"' in login_as(app, "head").get("/conduct/review/referred").text
