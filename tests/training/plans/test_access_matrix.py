"""Every route of the training plans part as every role (tests/access_matrix.py).

Columns: anonymous, staff (李前台, FO-DESK), other (HK clerk), head (FO, heads FO-DESK), hk_head, hr, admin. The
plan and the need are the front office's. Edits and steps are posted without a version: whoever may take them gets
the stale answer (409, or the form back with the stale message: 200) and nothing changes; whoever may see the plan
but not take the step 403; whoever may not see it 404. Staff have no plans or needs at all (403).
"""
import pytest
import sqlalchemy as sa

from hrapp.blueprints.training.plans.needs import raise_need
from hrapp.blueprints.training.plans.services import ItemDraft, add_item, create_plan, take_step
from hrapp.extensions import db
from hrapp.models import AuditEntry, PlanStatus
from tests.access_matrix import Route, walk, web_callers
from tests.conftest import count

from .conftest import YEAR


@pytest.fixture
def scene(site):
    site.plan = create_plan(site.head, site.front, YEAR, 10, 100)
    site.item = add_item(site.head, site.plan, ItemDraft(1, None, "礼仪", 2, 2, 0))
    site.submitted = create_plan(site.head, site.front, YEAR + 1, 10, 100)
    take_step(site.head, site.submitted, "submit", site.submitted.version_id)
    site.approved = create_plan(site.hr, site.front, YEAR + 2, 10, 100)
    take_step(site.hr, site.approved, "submit", site.approved.version_id)
    take_step(site.hr, site.approved, "approve", site.approved.version_id)
    site.need = raise_need(site.front, "投诉处理", site.head)
    db.session.commit()
    return site


def table(s) -> dict[str, Route]:
    p, sub, ap = (f"/training/plans/{x.id}" for x in (s.plan, s.submitted, s.approved))
    i, n = f"/training/plans/items/{s.item.id}", f"/training/needs/{s.need.id}"
    note = {"note": "理由"}
    #                                                                      anon staff other head hk_head hr  admin
    return {
        "plans": Route("GET", "/training/plans/",                          "L    403   403   200  200     200 200"),
        "new_plan": Route("GET", "/training/plans/new",                    "L    403   403   200  200     200 200"),
        "new_plan_post": Route("POST", "/training/plans/new",              "L    403   403   200  200     200 200"),
        "show": Route("GET", p,                                            "L    403   403   200  404     200 200"),
        "edit": Route("GET", f"{p}/edit",                                  "L    403   403   200  404     200 200"),
        "edit_post": Route("POST", f"{p}/edit", "L 403 403 200 404 200 200", {"budget_hours": "1", "budget_cost": "1"}),
        "fill": Route("POST", f"{p}/fill",                                 "L    403   403   409  404     409 409"),
        "add_item": Route("GET", f"{p}/items/new",                         "L    403   403   200  404     200 200"),
        "add_item_post": Route("POST", f"{p}/items/new",                   "L    403   403   200  404     200 200"),
        "edit_item": Route("GET", f"{i}/edit",                             "L    403   403   200  404     200 200"),
        "edit_item_post": Route("POST", f"{i}/edit", "L 403 403 200 404 200 200",
                                {"quarter": 1, "title": "x", "people": 1, "hours": "1", "cost": "0"}),
        "remove_item": Route("POST", f"{i}/remove",                        "L    403   403   302  404     302 302"),
        "submit": Route("POST", f"{p}/submit",                             "L    403   403   409  404     409 409"),
        "approve": Route("POST", f"{sub}/approve",                         "L    403   403   403  403     409 409"),
        "return": Route("POST", f"{sub}/return", "L 403 403 403 403 409 409", note),
        "reopen": Route("POST", f"{ap}/reopen", "L 403 403 403 403 409 409", note),
        "needs": Route("GET", "/training/needs/",                          "L    403   403   200  200     200 200"),
        "new_need": Route("GET", "/training/needs/new",                    "L    403   403   200  200     200 200"),
        "new_need_post": Route("POST", "/training/needs/new",              "L    403   403   200  200     200 200"),
        "dismiss": Route("POST", f"{n}/dismiss", "L 403 403 409 404 409 409", {"reason": "x"}),
    }


def test_access_matrix(app, scene):
    audit_rows = count(AuditEntry)
    walk(app, "training_plans", table(scene), web_callers(app))
    assert count(AuditEntry) == audit_rows  # every post was refused or stale: nothing written
    db.session.expire_all()
    statuses = [db.session.get(type(p), p.id).status for p in (scene.plan, scene.submitted, scene.approved)]
    assert statuses == [PlanStatus.DRAFT, PlanStatus.SUBMITTED, PlanStatus.APPROVED]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(type(scene.item))) == 1
