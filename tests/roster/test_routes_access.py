"""Roster access beyond the role-by-route table in test_access_matrix.py: the front-desk clerk (a
sub-department of FO) is refused FO's pages, swap steps only for their party, notifications only for their
recipient, rows and cells of a roster shown only to whom they belong."""
import re

import pytest

from hrapp.blueprints.roster.services import CellEdit, publish_roster, set_cells
from hrapp.extensions import db
from tests.roster import routing
from tests.roster.routing import day, paths

site = routing.site  # the fixture
HEAD_PAGES = ["list", "create", "cells", "save_cells", "types", "new_type", "new_type_post", "edit_type",
              "edit_type_post", "retire", "restore", "demand", "demand_post", "date_demand", "rest", "fill", "copy",
              "pattern", "generate", "publish", "lock", "days_off", "days_off_post"]
HR_PAGES = ["holidays", "sync", "set_day", "rules", "rules_post", "rest_adjust"]
HK_PAGES = ["hk_grid", "hk_cells", "hk_save_cells", "hk_changes", "hk_types", "hk_new_type", "hk_edit_type",
            "hk_retire", "hk_demand", "hk_date_demand", "hk_rest", "hk_fill", "hk_copy", "hk_pattern",
            "hk_generate", "hk_publish", "hk_lock", "hk_days_off", "hk_days_off_post"]


def call(client, site, name: str):
    method, path = paths(site)[name]
    return client.open(path, method=method, json={} if path.endswith("/cells") and method == "POST" else None)


def test_the_feed_needs_no_login_but_a_live_token(client, site):
    assert client.get("/roster/feed/cal_nope.ics").status_code == 404
    assert client.get("/roster/feed/nope.ics").status_code == 404


@pytest.mark.parametrize("name", HEAD_PAGES + HR_PAGES + HK_PAGES + ["grid", "changes"])
def test_staff_are_refused_head_hr_and_other_department_pages(client, auth, site, name):
    auth.login("staff")  # the front desk clerk: FO-DESK, not FO
    # a roster the clerk may not even see answers like a missing one; pages their role lacks: 403
    expected = 404 if name in ("hk_grid", "hk_changes", "grid", "changes") else 403
    assert call(client, site, name).status_code == expected, name


@pytest.mark.parametrize("user, name", [
    ("other", "swap"), ("other", "swap_accept"), ("other", "swap_cancel"), ("other", "swap_approve"),
    ("head", "swap_accept"), ("head", "swap_decline"), ("head", "swap_cancel"),
    ("zhangsan", "swap_accept"), ("zhangsan", "swap_decline"), ("zhangsan", "swap_approve"), ("zhangsan", "swap_reject"),
    ("lisi", "swap_cancel"), ("lisi", "swap_approve"), ("lisi", "swap_reject"),
    ("other", "open_note"), ("lisi", "open_note"), ("other", "withdraw_day_off"), ("lisi", "withdraw_day_off"),
    ("staff", "withdraw_day_off"),
])
def test_swap_steps_and_notifications_belong_to_their_people(client, auth, site, user, name):
    auth.login(user)
    # a swap, notification or wish the user may not see answers like a missing one (404); one they see but
    # may not act on: 403
    unseen = {("other", "swap"), ("other", "swap_accept"), ("other", "swap_cancel"), ("other", "swap_approve"),
              ("other", "open_note"), ("lisi", "open_note"), ("other", "withdraw_day_off"),
              ("lisi", "withdraw_day_off"), ("staff", "withdraw_day_off")}
    assert call(client, site, name).status_code == (404 if (user, name) in unseen else 403), (user, name)


def test_staff_see_their_own_roster_read_only_with_their_row_only(client, auth, site):
    auth.login("zhangsan")
    body = client.get(f"/roster/{site.roster.id}").get_data(as_text=True)
    assert f'data-staff="{site.b.id}"' in body and f'<tr data-staff="{site.c.id}"' not in body
    assert 'data-editable="0"' in body and 'id="pattern-form"' not in body
    assert client.get(f"/roster/{site.roster.id}/cells").status_code == 403


def test_staff_see_no_cells_of_a_draft(client, auth, site):
    auth.login("other")  # housekeeping: their own department's draft
    body = client.get(f"/roster/{site.hk_roster.id}").get_data(as_text=True)
    assert 'id="not-published"' in body and "<tr data-staff=" not in body


def test_forged_cell_edits_for_another_department_are_refused(client, auth, site):
    auth.login("head")
    payload = {"edits": [{"staff_id": site.hk_staff.id, "day": "2026-03-02", "code": "早", "version": 0}]}
    assert client.post(f"/roster/{site.hk_roster.id}/cells", json=payload).status_code == 404  # out of scope
    auth.logout()
    auth.login("zhangsan")  # on the roster, but no editor
    payload = {"edits": [{"staff_id": site.b.id, "day": "2026-03-09", "code": "早", "version": 0}]}
    assert client.post(f"/roster/{site.roster.id}/cells", json=payload).status_code == 403


def test_head_may_not_create_a_roster_for_another_department(client, auth, site):
    auth.login("head")
    response = client.post("/roster/new", data={"department_id": site.housekeeping.id, "period_kind": "week",
                                                "day": "2026-05-04"})
    assert response.status_code == 404  # another department answers like a missing one


def test_lent_staff_see_their_own_row_on_the_other_departments_roster(client, auth, site):
    """b (front office) works one day in housekeeping: that roster opens for b with b's row only; c, who is not
    on it, is still refused."""
    set_cells(site.hr, site.hk_roster, [CellEdit(site.b.id, day(20), "早")])
    publish_roster(site.hr, site.hk_roster, None)
    db.session.commit()
    auth.login("zhangsan")
    response = client.get(f"/roster/{site.hk_roster.id}")
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and 'data-editable="0"' in body
    assert re.findall(r'<tr data-staff="(\d+)"', body) == [str(site.b.id)]
    assert client.get(f"/roster/{site.hk_roster.id}/cells").status_code == 403  # the whole grid stays closed
    auth.logout()
    auth.login("lisi")
    assert client.get(f"/roster/{site.hk_roster.id}").status_code == 404
