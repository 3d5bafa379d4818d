"""Confirming outcomes through the pages (HR): a reward proposal in the code of conduct, a training need in the
training plan, an improvement plan; dismissing with a note; a stale page gets the stale answer."""
from datetime import timedelta

import sqlalchemy as sa

from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import (
    AppraisalOutcome,
    ImprovementPlan,
    NeedSource,
    OutcomeKind,
    OutcomeStatus,
    Reward,
    RewardState,
    TrainingNeed,
)

from .conftest import publish


def outcome_of(appraisal_id: int, kind) -> AppraisalOutcome:
    db.session.expire_all()
    return db.session.scalar(sa.select(AppraisalOutcome).where(AppraisalOutcome.appraisal_id == appraisal_id,
                                                               AppraisalOutcome.kind == kind))


def ids_of(scene) -> dict:
    return {"desk": scene.desk.id, "hk": scene.hk.id, "cycle": scene.cycle.name, "hr": scene.hr.id, "desk_staff": scene.desk_staff.id,
            "hk_staff": scene.hk_staff.id, "commendation": scene.commendation.id, "course": scene.course.id}


def confirm(client, outcome, **data):
    return client.post(f"/appraisals/outcomes/{outcome.id}/confirm",
                       data={"version_id": outcome.version_id, **data})


def test_confirming_a_reward_proposes_it_in_the_code_of_conduct(client, auth, scene):
    publish(scene)
    ids = ids_of(scene)
    outcome = outcome_of(ids['desk'], OutcomeKind.REWARD)
    auth.login("hr")
    page = client.get(f"/appraisals/outcomes/{outcome.id}/confirm")
    assert page.status_code == 200 and "J-1" in page.text and f"{ids['cycle']} 考核优秀" in page.text
    response = confirm(client, outcome, rule_code="J-1", reason=f"{ids['cycle']} 考核优秀")
    assert response.status_code == 302
    outcome = outcome_of(ids['desk'], OutcomeKind.REWARD)
    reward = db.session.get(Reward, outcome.reward_id)
    assert outcome.status == OutcomeStatus.CONFIRMED and outcome.decided_by_id == ids['hr']
    assert reward.state == RewardState.PROPOSED and reward.staff_id == ids['desk_staff']
    assert reward.rule_id == ids['commendation'] and reward.reason == f"{ids['cycle']} 考核优秀"


def test_a_refused_bonus_leaves_nothing_half_done(client, auth, scene):
    publish(scene)
    ids = ids_of(scene)
    outcome = outcome_of(ids['desk'], OutcomeKind.REWARD)
    auth.login("hr")
    response = confirm(client, outcome, rule_code="J-2", amount="900", reason="考核优秀")
    assert response.status_code == 200 and "is-invalid" in response.text
    assert outcome_of(ids['desk'], OutcomeKind.REWARD).status == OutcomeStatus.SUGGESTED
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Reward)) == 0
    assert confirm(client, outcome, rule_code="J-2", amount="300", reason="考核优秀").status_code == 302
    assert db.session.scalar(sa.select(Reward.amount)) == 300


def test_confirming_training_raises_the_need_once(client, auth, scene):
    publish(scene)
    ids = ids_of(scene)
    outcome = outcome_of(ids['hk'], OutcomeKind.TRAINING)
    auth.login("hr")
    page = client.get(f"/appraisals/outcomes/{outcome.id}/confirm")
    assert "服务与工作态度" in page.text  # the weakest criterion is the default topic
    assert confirm(client, outcome, topic="服务与工作态度", course_id=ids['course']).status_code == 302
    need = db.session.scalar(sa.select(TrainingNeed))
    assert need.source == NeedSource.APPRAISAL and need.source_ref == f"appraisal:{ids['hk']}"
    assert need.staff_id == ids['hk_staff'] and need.course_id == ids['course']
    assert outcome_of(ids['hk'], OutcomeKind.TRAINING).training_need_id == need.id


def test_confirming_an_improvement_plan_checks_goals_and_date(client, auth, scene):
    publish(scene)
    ids = ids_of(scene)
    outcome = outcome_of(ids['hk'], OutcomeKind.IMPROVEMENT)
    auth.login("hr")
    today = company_today()
    response = confirm(client, outcome, goals="", review_on=today.isoformat())
    assert response.status_code == 200
    assert "请填写计划目标" in response.text and "复核日期必须晚于今天" in response.text
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ImprovementPlan)) == 0
    review_on = today + timedelta(days=30)
    assert confirm(client, outcome, goals="按时出勤", review_on=review_on.isoformat()).status_code == 302
    plan = db.session.scalar(sa.select(ImprovementPlan))
    assert (plan.staff_id, plan.goals, plan.review_on) == (ids['hk_staff'], "按时出勤", review_on)
    assert outcome_of(ids['hk'], OutcomeKind.IMPROVEMENT).status == OutcomeStatus.CONFIRMED


def test_dismissing_needs_a_note(client, auth, scene):
    publish(scene)
    ids = ids_of(scene)
    outcome = outcome_of(ids['hk'], OutcomeKind.TRAINING)
    auth.login("hr")
    url = f"/appraisals/outcomes/{outcome.id}/dismiss"
    response = client.post(url, data={"version_id": outcome.version_id, "note": " "})
    assert response.status_code == 200 and "请填写说明" in response.text
    assert outcome_of(ids['hk'], OutcomeKind.TRAINING).status == OutcomeStatus.SUGGESTED
    assert client.post(url, data={"version_id": outcome.version_id, "note": "已内部辅导"}).status_code == 302
    outcome = outcome_of(ids['hk'], OutcomeKind.TRAINING)
    assert outcome.status == OutcomeStatus.DISMISSED and outcome.decision_note == "已内部辅导"


def test_a_stale_confirm_changes_nothing(client, auth, scene):
    publish(scene)
    ids = ids_of(scene)
    outcome = outcome_of(ids['hk'], OutcomeKind.IMPROVEMENT)
    old_version = outcome.version_id
    auth.login("hr")
    assert client.post(f"/appraisals/outcomes/{outcome.id}/dismiss",
                       data={"version_id": old_version, "note": "另行处理"}).status_code == 302
    response = client.post(f"/appraisals/outcomes/{outcome.id}/confirm",
                           data={"version_id": old_version, "goals": "按时出勤",
                                 "review_on": (company_today() + timedelta(days=9)).isoformat()})
    assert response.status_code == 409
    assert outcome_of(ids['hk'], OutcomeKind.IMPROVEMENT).status == OutcomeStatus.DISMISSED
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ImprovementPlan)) == 0


def test_the_list_filters_and_heads_only_read(client, auth, scene):
    publish(scene)
    auth.login("hr")
    page = client.get("/appraisals/outcomes?kind=training")
    assert page.status_code == 200 and page.text.count("data-outcome-id") == 1
    assert 'data-kind="training"' in page.text
    auth.logout()
    auth.login("head")  # the front office's head: the desk clerk's reward, no buttons
    page = client.get("/appraisals/outcomes")
    assert page.text.count("data-outcome-id") == 1 and 'data-kind="reward"' in page.text
    assert "/confirm" not in page.text and "/dismiss" not in page.text
