"""The reward workflow through the web: propose, decide (HR, the general manager of the unit), refusals, stale
steps, double submission, closed months, the person's own page."""
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AuditEntry, Notification, PeriodClose, PeriodKind, Reward, RewardState
from tests.access_matrix import login
from tests.conduct.rewards.conftest import last_reward, propose, reward_body


def _step(client, reward, name, note="", version=None):
    return client.post(f"/conduct/rewards/{reward.id}/{name}",
                       data={"version_id": reward.version_id if version is None else version, "note": note})


def test_head_proposes_and_hr_approves(app, site):
    client, response = propose(app, "head", site.desk_staff)
    assert response.status_code == 302
    reward = last_reward()
    assert (reward.state, reward.amount, reward.kind.value) == (RewardState.PROPOSED, Decimal("300.00"), "bonus")
    assert reward.number == "R2026-000001" and reward.ledger_month == "2026-05" and reward.points == Decimal("3.0")
    told = {n.user_id for n in db.session.scalars(sa.select(Notification))}
    assert site.hr.id in told and site.head.id not in told  # HR is told; the proposer is not
    hr = login(app, "hr")
    assert b"transition-approve" in hr.get(f"/conduct/rewards/{reward.id}").data
    assert _step(hr, reward, "approve").status_code == 302
    reward = db.session.get(Reward, reward.id)
    assert reward.state == RewardState.APPROVED and reward.decided_by_id == site.hr.id
    told = {n.user_id for n in db.session.scalars(sa.select(Notification).where(Notification.link.endswith(
        f"/rewards/{reward.id}")))}
    assert {site.head.id, site.staff.id} <= told  # the proposer and the person
    assert {"reward.create", "reward.propose", "reward.approve"} <= set(db.session.scalars(sa.select(AuditEntry.action)))
    mine = login(app, "staff").get("/conduct/my/rewards")
    assert reward.number.encode() in mine.data and b'id="nav-my-rewards"' in mine.data
    assert b'id="nav-conduct-rewards"' in hr.get("/conduct/rewards/").data


def test_general_manager_of_the_unit_approves_and_another_unit_is_refused(app, site):
    propose(app, "deskhead", site.desk_staff)
    reward = last_reward()
    told = {n.user_id for n in db.session.scalars(sa.select(Notification))}
    assert {site.head.id, site.hr.id} <= told and site.hk_head.id not in told  # the GM of the unit and HR
    assert _step(login(app, "hkhead"), reward, "approve").status_code == 404  # another unit: not even seen
    assert _step(login(app, "deskhead"), reward, "approve").status_code == 403  # the proposer decides nothing
    assert _step(login(app, "head"), reward, "approve").status_code == 302  # the GM (head of FO)
    reward = db.session.get(Reward, reward.id)
    assert reward.state == RewardState.APPROVED and reward.decided_by_id == site.head.id


def test_reject_needs_a_reason_and_then_tells_why(app, site):
    propose(app, "head", site.desk_staff)
    reward = last_reward()
    hr = login(app, "hr")
    response = _step(hr, reward, "reject", note="  ")
    assert response.status_code == 200
    reward = db.session.get(Reward, reward.id)
    assert reward.state == RewardState.PROPOSED
    assert _step(hr, reward, "reject", note="证据不足").status_code == 302
    reward = db.session.get(Reward, reward.id)
    assert reward.state == RewardState.REJECTED and reward.decision_reason == "证据不足"
    assert "证据不足" in hr.get(f"/conduct/rewards/{reward.id}").get_data(as_text=True)


def test_bonus_outside_the_rule_range_and_bad_amounts_are_refused(app, site):
    client = login(app, "head")
    for amount in ("99.99", "5000.01", "-5", "1.001", "NaN", ""):
        response = client.post("/conduct/rewards/new", data=reward_body(site.desk_staff, amount=amount))
        assert response.status_code == 200, amount
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Reward)) == 0
    for amount in ("100.00", "5000.00"):
        assert client.post("/conduct/rewards/new", data=reward_body(site.desk_staff, amount=amount)).status_code == 302
    # a commendation carries no amount; R-1 gives no bonus
    assert client.post("/conduct/rewards/new", data=reward_body(site.desk_staff, kind="commendation")
                       ).status_code == 200
    assert client.post("/conduct/rewards/new", data=reward_body(site.desk_staff, rule_code="R-1")).status_code == 200
    assert client.post("/conduct/rewards/new", data=reward_body(
        site.desk_staff, rule_code="R-1", kind="commendation", amount="")).status_code == 302


def test_bad_input_is_refused_with_a_message(app, site):
    client = login(app, "head")
    cases = {
        "future": reward_body(site.desk_staff, awarded_on=(date.today().replace(year=date.today().year + 1)).isoformat()),
        "before hire": reward_body(site.desk_staff, awarded_on="2019-01-01"),
        "no reason": reward_body(site.desk_staff, reason=""),
        "other department": reward_body(site.hk_staff),
        "myself": reward_body(site.head_staff),
        "unknown person": reward_body(site.desk_staff, staff_number="NOPE"),
    }
    for name, body in cases.items():
        response = client.post("/conduct/rewards/new", data=body)
        assert response.status_code == 200 and b"invalid-feedback" in response.data, name
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Reward)) == 0


def test_stale_step_changes_nothing(app, site):
    propose(app, "head", site.desk_staff)
    reward = last_reward()
    old = reward.version_id
    hr = login(app, "hr")
    assert _step(hr, reward, "approve").status_code == 302
    response = _step(hr, reward, "reject", note="晚了", version=old)
    assert response.status_code == 409
    reward = db.session.get(Reward, reward.id)
    assert reward.state == RewardState.APPROVED


def test_draft_then_propose_and_withdraw(app, site):
    client, _response = propose(app, "head", site.desk_staff, propose="", save_draft="1")
    reward = last_reward()
    assert reward.state == RewardState.DRAFT
    assert _step(login(app, "hr"), reward, "submit").status_code == 403  # only the proposer
    assert _step(client, reward, "submit").status_code == 302
    reward = db.session.get(Reward, reward.id)
    assert reward.state == RewardState.PROPOSED
    assert _step(client, reward, "withdraw").status_code == 302
    reward = db.session.get(Reward, reward.id)
    assert reward.state == RewardState.WITHDRAWN


def test_double_submission_creates_one_reward(app, site):
    client = login(app, "head")
    page = client.get("/conduct/rewards/new")
    token = page.get_data(as_text=True).split('name="submission_token" type="hidden" value="')[1].split('"')[0]
    body = reward_body(site.desk_staff, submission_token=token)
    assert client.post("/conduct/rewards/new", data=body).status_code == 302
    assert client.post("/conduct/rewards/new", data=body).status_code == 200
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Reward)) == 1


def test_a_closed_month_refuses_proposals_and_decisions(app, site):
    propose(app, "head", site.desk_staff)
    reward = last_reward()
    db.session.add(PeriodClose(module="conduct", department_id=site.front_desk.id, starts_on=date(2026, 5, 1),
                               ends_on=date(2026, 5, 31), period_kind=PeriodKind.MONTH, closed_by_id=site.hr.id))
    db.session.commit()
    _client, response = propose(app, "head", site.desk_staff)
    assert response.status_code == 200
    assert _step(login(app, "hr"), reward, "approve").status_code == 200
    reward = db.session.get(Reward, reward.id)
    assert reward.state == RewardState.PROPOSED
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Reward)) == 1


def test_list_filters_and_scope(app, site):
    propose(app, "head", site.desk_staff)
    hk = login(app, "hr").post("/conduct/rewards/new", data=reward_body(site.hk_staff))
    assert hk.status_code == 302
    head = login(app, "head").get("/conduct/rewards/").get_data(as_text=True)
    assert site.desk_staff.staff_number in head and site.hk_staff.staff_number not in head
    hr = login(app, "hr")
    page = hr.get(f"/conduct/rewards/?department={site.housekeeping.id}&month=2026-05&state=proposed&kind=bonus")
    text = page.get_data(as_text=True)
    assert site.hk_staff.staff_number in text and site.desk_staff.staff_number not in text
    empty = hr.get("/conduct/rewards/?month=2025-01").get_data(as_text=True)
    assert 'id="no-rewards"' in empty
    assert 'id="filter-errors"' in hr.get("/conduct/rewards/?month=garbage").get_data(as_text=True)
