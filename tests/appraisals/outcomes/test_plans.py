"""Improvement plans: the list by role, the review (on or after the review date, met / not met with a note,
stale pages refused) and `tick`'s reminder to the heads, once."""
from datetime import datetime, time, timedelta

import sqlalchemy as sa

from hrapp.blueprints.appraisals.outcomes import plans, services
from hrapp.company import company_today, utc_of_local
from hrapp.core.tick import registered_tasks
from hrapp.extensions import db
from hrapp.models import (
    AppraisalOutcome,
    AppraisalReminder,
    ImprovementPlan,
    ImprovementStatus,
    Notification,
    OutcomeKind,
)

from .conftest import publish


def make_plan(scene, days: int = 30) -> ImprovementPlan:
    publish(scene)
    outcome = db.session.scalar(sa.select(AppraisalOutcome).where(AppraisalOutcome.kind == OutcomeKind.IMPROVEMENT))
    plan = services.confirm_improvement(scene.hr, outcome, None, "按时出勤", company_today() + timedelta(days=days),
                                        company_today())
    db.session.commit()
    return plan


def test_the_list_shows_each_their_plans(client, auth, scene):
    plan = make_plan(scene)
    for username, sees in (("hr", True), ("hkhead", True), ("other", True), ("head", False), ("staff", False)):
        auth.login(username)
        page = client.get("/appraisals/improvement-plans")
        assert page.status_code == 200 and (f'data-plan-id="{plan.id}"' in page.text) is sees, username
        auth.logout()


def test_a_plan_is_reviewed_on_or_after_its_date(client, auth, scene):
    plan = make_plan(scene)
    hk_head_id = scene.hk_head.id
    auth.login("hkhead")
    url = f"/appraisals/improvement-plans/{plan.id}/review"
    early = client.post(url, data={"version_id": plan.version_id, "result": "met", "note": "已改进"})
    assert early.status_code == 200 and plan.review_on.isoformat() in early.text
    db.session.execute(sa.update(ImprovementPlan).where(ImprovementPlan.id == plan.id)
                       .values(review_on=company_today()))
    db.session.commit()
    page = client.get(f"/appraisals/improvement-plans/{plan.id}")
    assert 'id="plan-review-form"' in page.text
    no_note = client.post(url, data={"version_id": plan.version_id, "result": "met", "note": ""})
    assert no_note.status_code == 200 and "请填写说明" in no_note.text
    assert client.post(url, data={"version_id": plan.version_id, "result": "not_met",
                                  "note": "仍有迟到"}).status_code == 302
    db.session.expire_all()
    plan = db.session.get(ImprovementPlan, plan.id)
    assert (plan.status, plan.review_note, plan.reviewed_by_id) == (ImprovementStatus.NOT_MET, "仍有迟到", hk_head_id)


def test_a_stale_review_changes_nothing(client, auth, scene):
    plan = make_plan(scene)
    plan.review_on = company_today()
    db.session.commit()
    auth.login("hr")
    response = client.post(f"/appraisals/improvement-plans/{plan.id}/review",
                           data={"version_id": plan.version_id - 1, "result": "met", "note": "好"})
    assert response.status_code == 409
    db.session.expire_all()
    assert db.session.get(ImprovementPlan, plan.id).status == ImprovementStatus.OPEN


def test_the_person_cannot_review_their_own_plan(client, auth, scene):
    plan = make_plan(scene)
    plan.review_on = company_today()
    db.session.commit()
    auth.login("other")
    assert 'id="plan-review-form"' not in client.get(f"/appraisals/improvement-plans/{plan.id}").text
    assert client.post(f"/appraisals/improvement-plans/{plan.id}/review",
                       data={"version_id": plan.version_id, "result": "met", "note": "好"}).status_code == 403


def test_the_heads_are_reminded_once_before_the_review(scene):
    make_plan(scene, days=10)
    now = utc_of_local(datetime.combine(company_today(), time(8)))
    assert plans.remind_reviews(now) == 0  # ten days off
    later = now + timedelta(days=8)  # two days before
    assert plans.remind_reviews(later) == 1
    assert plans.remind_reviews(later) == 0
    db.session.commit()
    notes = db.session.scalars(sa.select(Notification).where(Notification.kind == plans.REVIEW_KIND)).all()
    assert [n.user_id for n in notes] == [scene.hk_head.id]
    assert "复核" in notes[0].text and scene.hk_staff.staff_number in notes[0].text
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AppraisalReminder)) == 1


def test_the_reminder_is_a_registered_tick_task(app):
    assert "appraisals.improvement_reviews" in {task.name for task in registered_tasks(app)}
