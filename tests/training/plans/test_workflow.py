"""The plan's steps on the shared workflow: submit (head or HR), approve and return (HR; a reason to return),
reopen (HR, with a reason); a stale page, a wrong state and the wrong person are refused; HR hears of a
submission, the department's heads of the decision."""
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AuditEntry, Notification, PlanStatus

from .conftest import login, new_plan, plan_of, step

STALE = "Someone else changed this record; reload and try again."


def _notes(user) -> list[str]:
    return list(db.session.scalars(sa.select(Notification.text).where(Notification.user_id == user.id,
                                                                      Notification.kind == "training.plan")))


def _submitted(client, auth, site):
    login(client, auth, "head")
    new_plan(client, site.front)
    assert step(client, plan_of(site.front), "submit").status_code == 302
    return plan_of(site.front)


def test_submit_then_approve_tells_hr_then_the_heads(client, auth, site):
    plan = _submitted(client, auth, site)
    assert plan.status == PlanStatus.SUBMITTED and plan.submitted_by_id == site.head.id
    assert len(_notes(site.hr)) == 1 and _notes(site.head) == []
    login(client, auth, "head")
    assert step(client, plan, "approve").status_code == 403  # heads do not approve
    login(client, auth, "hr")
    page = client.get(f"/training/plans/{plan.id}").get_data(True)
    assert 'data-transition="approve"' in page and 'data-transition="return"' in page
    assert step(client, plan, "approve").status_code == 302
    plan = plan_of(site.front)
    assert plan.status == PlanStatus.APPROVED and plan.decided_by_id == site.hr.id
    assert len(_notes(site.head)) == 1 and _notes(site.hk_head) == []
    actions = set(db.session.scalars(sa.select(AuditEntry.action)))
    assert {"training_plan.submit", "training_plan.approve"} <= actions


def test_return_needs_a_reason_and_makes_the_plan_editable(client, auth, site):
    plan = _submitted(client, auth, site)
    login(client, auth, "hr")
    refused = step(client, plan, "return")
    assert refused.status_code == 200 and "Please give a reason." in refused.get_data(True)
    assert plan_of(site.front).status == PlanStatus.SUBMITTED
    assert step(client, plan, "return", note="预算过高").status_code == 302
    plan = plan_of(site.front)
    assert plan.status == PlanStatus.RETURNED and plan.decision_note == "预算过高"
    assert "预算过高" in _notes(site.head)[0]
    login(client, auth, "head")
    assert "Fill from sources" in client.get(f"/training/plans/{plan.id}").get_data(True)
    assert step(client, plan, "submit").status_code == 302  # again, after the changes


def test_a_stale_step_and_a_step_from_the_wrong_state_are_refused(client, auth, site):
    plan = _submitted(client, auth, site)
    login(client, auth, "hr")
    stale = step(client, plan, "approve", version=plan.version_id - 1)
    assert stale.status_code == 409 and STALE in stale.get_data(True)
    assert plan_of(site.front).status == PlanStatus.SUBMITTED
    assert step(client, plan, "approve").status_code == 302
    plan = plan_of(site.front)
    again = step(client, plan, "return", note="再看看")
    assert again.status_code == 200 and "no longer open for that step" in again.get_data(True)
    assert plan_of(site.front).status == PlanStatus.APPROVED


def test_hr_reopens_an_approved_plan_with_a_reason(client, auth, site):
    plan = _submitted(client, auth, site)
    login(client, auth, "hr")
    step(client, plan, "approve")
    plan = plan_of(site.front)
    assert "Please give a reason." in step(client, plan, "reopen").get_data(True)
    assert step(client, plan, "reopen", note="新增课程").status_code == 302
    plan = plan_of(site.front)
    assert plan.status == PlanStatus.DRAFT and plan.decision_note == "新增课程"


def test_a_head_of_another_department_cannot_see_or_submit(client, auth, site):
    login(client, auth, "head")
    new_plan(client, site.front)
    plan = plan_of(site.front)
    login(client, auth, "hkhead")
    assert step(client, plan, "submit").status_code == 404
    login(client, auth, "staff")
    assert step(client, plan, "submit").status_code == 403
    assert plan_of(site.front).status == PlanStatus.DRAFT
