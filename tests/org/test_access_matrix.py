"""Every organisation route as every role: heads read the chart of their departments and every position and
job description; only HR and administrators edit; only administrators change the company settings."""
from datetime import date

import pytest

from hrapp.blueprints.org.services import approve_description, start_draft
from hrapp.extensions import db
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture


@pytest.fixture
def site(people, make_position):
    """A front-office position with an approved job description and a housekeeping one with a draft."""
    o = people
    o.fo_pos = make_position("FO-REC", "前台接待", department=o.front)
    o.hk_pos = make_position("HK-RA", "客房服务员", department=o.housekeeping)
    o.fo_jd = start_draft(o.admin, o.fo_pos)
    o.fo_jd.summary, o.fo_jd.duties = "前台接待", "1. 接待客人"
    approve_description(o.admin, o.fo_jd, date(2026, 4, 2))
    o.hk_jd = start_draft(o.admin, o.hk_pos)
    # the desk clerk holds the front-office position (approved description), the housekeeper the other (a draft)
    o.desk_staff.position, o.hk_staff.position = o.fo_pos, o.hk_pos
    db.session.commit()
    return o


def table(o) -> dict[str, Route]:
    fo, hk, fo_pos, hk_pos, fo_jd, hk_jd = o.front.id, o.housekeeping.id, o.fo_pos.id, o.hk_pos.id, o.fo_jd.id, o.hk_jd.id
    #                                                                  anon staff other head hk_head hr admin
    return {
        "chart": Route("GET", "/org/",                                 "L    403   403   200  200     200 200"),
        "new_dept": Route("GET", "/org/departments/new",               "L    403   403   403  403     200 200"),
        "new_dept_post": Route("POST", "/org/departments/new",         "L    403   403   403  403     200 200"),
        "edit_dept": Route("GET", f"/org/departments/{fo}/edit",        "L    403   403   403  403     200 200"),
        "edit_dept_post": Route("POST", f"/org/departments/{fo}/edit",  "L    403   403   403  403     200 200"),
        # housekeeping has staff: HR and the administrator are sent back with a message, nothing deleted
        "delete_dept": Route("POST", f"/org/departments/{hk}/delete",   "L    403   403   403  403     302 302"),
        "positions": Route("GET", "/org/positions",                    "L    403   403   200  200     200 200"),
        "position_fo": Route("GET", f"/org/positions/{fo_pos}",         "L    403   403   200  200     200 200"),
        "position_hk": Route("GET", f"/org/positions/{hk_pos}",         "L    403   403   200  200     200 200"),
        "new_position": Route("GET", "/org/positions/new",             "L    403   403   403  403     200 200"),
        "new_position_post": Route("POST", "/org/positions/new",       "L    403   403   403  403     200 200"),
        "edit_position": Route("GET", f"/org/positions/{fo_pos}/edit",  "L    403   403   403  403     200 200"),
        "edit_position_post": Route("POST", f"/org/positions/{fo_pos}/edit", "L 403 403 403  403     200 200"),
        "start_jd": Route("POST", f"/org/positions/{hk_pos}/descriptions", "L 403   403   403  403     302 302"),
        # staff read the approved description of their own position only (a draft, or another's: 404)
        "show_jd_fo": Route("GET", f"/org/descriptions/{fo_jd}",        "L    200   404   200  200     200 200"),
        "show_jd_hk": Route("GET", f"/org/descriptions/{hk_jd}",        "L    404   404   200  200     200 200"),
        "current_jd_fo": Route("GET", f"/org/positions/{fo_pos}/description", "L 200 404 200 200  200 200"),
        "current_jd_hk": Route("GET", f"/org/positions/{hk_pos}/description", "L 404 404 404 404  404 404"),
        "edit_jd": Route("GET", f"/org/descriptions/{hk_jd}/edit",      "L    403   403   403  403     200 200"),
        "edit_jd_post": Route("POST", f"/org/descriptions/{hk_jd}/edit", "L   403   403   403  403     200 200"),  # versionless: refused as stale
        "approve_jd": Route("POST", f"/org/descriptions/{hk_jd}/approve", "L  403   403   403  403     302 302"),
        "settings": Route("GET", "/org/settings",                      "L    403   403   403  403     403 200"),
        "settings_post": Route("POST", "/org/settings",                "L    403   403   403  403     403 200"),
    }


def test_every_org_route_for_every_role(app, site):
    walk(app, "org", table(site), web_callers(app))
