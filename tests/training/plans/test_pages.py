"""The plan pages: create (one per department and year, with the normal message), the budget, items added,
changed and removed by hand (versions, editing only while a draft or returned), totals shown against the budget,
the lists with their filters and scope."""
from decimal import Decimal

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AuditEntry, PlanItem, PlanSource, PlanStatus, TrainingPlan
from tests.conftest import count

from .conftest import YEAR, login, new_plan, plan_of, step

STALE = "Someone else changed this record; reload and try again."


def _item(client, plan, **data):
    body = {"quarter": 2, "course_id": "", "title": "礼仪复训", "people": 5, "hours": "2.5", "cost": "800.00",
            "note": ""} | data
    return client.post(f"/training/plans/{plan.id}/items/new", data=body)


def test_a_head_creates_a_plan_once_per_year(client, auth, site):
    login(client, auth, "head")
    page = client.get("/training/plans/new").get_data(as_text=True)
    assert "FO-DESK" in page and "HK" not in page  # only the departments they run
    assert new_plan(client, site.front).status_code == 302
    again = new_plan(client, site.front)
    assert again.status_code == 200 and "This department already has a plan for that year." in again.get_data(True)
    assert count(TrainingPlan) == 1
    assert new_plan(client, site.housekeeping).status_code == 200  # not a choice: refused by the form
    assert plan_of(site.housekeeping) is None
    assert new_plan(client, site.front, year=1999).status_code == 200 and count(TrainingPlan) == 1
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "training.plan_create"))
    assert entry.after["budget_cost"] == "5000.00" and entry.after["year"] == YEAR


def test_items_by_hand_with_totals_against_the_budget(client, auth, site):
    login(client, auth, "head")
    new_plan(client, site.front, hours="20", cost="1000.00")
    plan = plan_of(site.front)
    assert _item(client, plan).status_code == 302
    assert _item(client, plan, quarter=4, course_id=site.fire.id, title="", people=3, hours="2",
                 cost="300.50").status_code == 302
    bad = _item(client, plan, title="")
    assert bad.status_code == 200 and "Choose a course or give a title." in bad.get_data(True)
    both = _item(client, plan, title="", people=-1).get_data(True)  # every problem at once
    assert "Choose a course or give a title." in both and "Number must be between 0 and 100000." in both
    assert count(PlanItem) == 2
    page = client.get(f"/training/plans/{plan.id}").get_data(as_text=True)
    assert "12.5" in page and "6.0" in page and "18.5" in page and "1100.50" in page
    assert "Over the budget cost by 100.50 yuan." in page and "Over the budget hours" not in page
    item = db.session.scalar(sa.select(PlanItem).where(PlanItem.quarter == 2))
    assert item.source == PlanSource.FREE and item.cost == Decimal("800.00")


def test_an_item_is_changed_with_its_version_and_a_stale_page_is_refused(client, auth, site):
    login(client, auth, "head")
    new_plan(client, site.front)
    plan = plan_of(site.front)
    _item(client, plan)
    item = db.session.scalar(sa.select(PlanItem))
    assert client.get(f"/training/plans/items/{item.id}/edit").status_code == 200
    body = {"quarter": 3, "course_id": "", "title": "礼仪复训", "people": 6, "hours": "2.5", "cost": "800.00",
            "note": "改期"}
    stale = client.post(f"/training/plans/items/{item.id}/edit", data=body | {"version_id": item.version_id - 1})
    assert stale.status_code == 200 and STALE in stale.get_data(True)
    db.session.expire_all()
    assert db.session.get(PlanItem, item.id).people == 5
    saved = client.post(f"/training/plans/items/{item.id}/edit", data=body | {"version_id": item.version_id})
    assert saved.status_code == 302
    db.session.expire_all()
    item = db.session.get(PlanItem, item.id)
    assert (item.quarter, item.people, item.note) == (3, 6, "改期")
    stale = client.post(f"/training/plans/items/{item.id}/remove", data={"version_id": item.version_id - 1},
                        follow_redirects=True)
    assert STALE in stale.get_data(True) and count(PlanItem) == 1
    client.post(f"/training/plans/items/{item.id}/remove", data={"version_id": item.version_id})
    assert count(PlanItem) == 0


def test_the_budget_is_changed_with_the_plans_version(client, auth, site):
    login(client, auth, "head")
    new_plan(client, site.front)
    plan = plan_of(site.front)
    body = {"budget_hours": "80.5", "budget_cost": "3000.00", "note": "预算调整"}
    stale = client.post(f"/training/plans/{plan.id}/edit", data=body | {"version_id": plan.version_id - 1})
    assert STALE in stale.get_data(True)
    assert client.post(f"/training/plans/{plan.id}/edit", data=body | {"version_id": plan.version_id}).status_code == 302
    plan = plan_of(site.front)
    assert plan.budget_hours == Decimal("80.5") and plan.budget_cost == Decimal("3000.00")


def test_nothing_changes_once_submitted(client, auth, site):
    login(client, auth, "head")
    new_plan(client, site.front)
    plan = plan_of(site.front)
    _item(client, plan)
    plan = plan_of(site.front)
    item = db.session.scalar(sa.select(PlanItem))
    assert step(client, plan, "submit").status_code == 302
    assert plan_of(site.front).status == PlanStatus.SUBMITTED
    refused = _item(client, plan_of(site.front))
    assert "The plan can only be changed while it is a draft or returned." in refused.get_data(True)
    body = {"quarter": 1, "course_id": "", "title": "x", "people": 1, "hours": "1", "cost": "0",
            "version_id": item.version_id}
    assert "can only be changed" in client.post(f"/training/plans/items/{item.id}/edit", data=body).get_data(True)
    plan = plan_of(site.front)
    filled = client.post(f"/training/plans/{plan.id}/fill", data={"version_id": plan.version_id})
    assert "can only be changed" in filled.get_data(True)
    assert count(PlanItem) == 1
    page = client.get(f"/training/plans/{plan.id}").get_data(True)
    assert "Fill from sources" not in page and "Add an item" not in page


def test_lists_filter_and_keep_to_the_heads_departments(client, auth, site):
    login(client, auth, "hr")
    new_plan(client, site.front)
    new_plan(client, site.housekeeping, year=YEAR - 1)
    listed = client.get("/training/plans/").get_data(True)
    assert listed.count("data-plan-id=") == 2
    assert client.get(f"/training/plans/?year={YEAR}").get_data(True).count("data-plan-id=") == 1
    assert client.get(f"/training/plans/?department={site.housekeeping.id}").get_data(True).count("data-plan-id=") == 1
    assert client.get("/training/plans/?status=approved").get_data(True).count("data-plan-id=") == 0
    junk = client.get("/training/plans/?year=99999&status=nope")
    assert junk.status_code == 200 and "could not be read" in junk.get_data(True)
    login(client, auth, "head")
    assert client.get("/training/plans/").get_data(True).count("data-plan-id=") == 1
    login(client, auth, "hkhead")
    page = client.get("/training/plans/").get_data(True)
    assert page.count("data-plan-id=") == 1 and str(YEAR - 1) in page
    assert client.get(f"/training/plans/{plan_of(site.front).id}").status_code == 404


def test_the_menu_shows_plans_and_needs_to_heads_and_hr_only(client, auth, site):
    for username, shown in (("staff", False), ("head", True), ("hr", True)):
        login(client, auth, username)
        page = client.get("/").get_data(True)
        assert ('id="nav-training-plans"' in page) is shown and ('id="nav-training-needs"' in page) is shown
