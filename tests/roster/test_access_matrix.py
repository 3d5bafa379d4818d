"""Every roster route as every role, on the roster `site` (FO's published March roster, HK's draft).

Columns as in `tests.access_matrix.ROLES`, with "staff" played by 张三 (zhangsan, front office, on the FO
roster and the requester of the swap b -> c and of a day off) and "other" by the housekeeping clerk. HR and
administrators reach everything; a head edits the rosters and set-up of the departments they head; staff see
their own department's published roster and their own schedule; company-wide settings are for HR.
"""
import pytest

from hrapp.blueprints.roster.services.schedule import issue_feed_token
from hrapp.extensions import db
from hrapp.models import Role
from tests.access_matrix import Route, walk, web_callers
from tests.roster import routing

site = routing.site  # the fixture


@pytest.fixture
def matrix_site(site, make_user):
    """`site` plus a head of housekeeping and 张三's calendar feed."""
    site.hk_head = make_user(Role.HEAD, "hkhead", departments=[site.housekeeping])
    site.feed_token = issue_feed_token(site.b_user)[1]
    db.session.commit()
    return site


def table(w) -> dict[str, Route]:
    fo, hk, dept, hk_dept = w.roster.id, w.hk_roster.id, w.front.id, w.housekeeping.id
    t, hk_t, swap, wish = w.types["早"].id, w.hk_type.id, w.swap.id, w.wish.id
    r, hr_, d, hd = f"/roster/{fo}", f"/roster/{hk}", f"/roster/departments/{dept}", f"/roster/departments/{hk_dept}"
    #                                                                      anon staff other head hk_head hr admin
    return {
        "list": Route("GET", "/roster/",                                   "L    403   403   200  200     200 200"),
        "create": Route("POST", "/roster/new",                             "L    403   403   200  200     200 200"),
        "colours": Route("GET", "/roster/shift-colours.css",               "L    200   200   200  200     200 200"),
        # the calendar feed: its token is the key, no login needed
        "feed": Route("GET", f"/roster/feed/{w.feed_token}.ics",           "200  200   200   200  200     200 200"),
        "feed_unknown": Route("GET", "/roster/feed/nope.ics",              "404  404   404   404  404     404 404"),
        # the front office's published roster
        "grid": Route("GET", r,                                            "L    200   404   200  404     200 200"),
        "cells": Route("GET", f"{r}/cells",                                "L    403   403   200  404     200 200"),
        # an empty edit list passes the access check and is then a bad request
        "save_cells": Route("POST", f"{r}/cells", "L 403 403 400 404 400 400", json=True),
        "changes": Route("GET", f"{r}/changes",                            "L    200   404   200  404     200 200"),
        "export": Route("GET", f"{r}/export.xlsx",                         "L    403   404   200  404     200 200"),
        "days_off": Route("GET", f"{r}/days-off",                          "L    403   403   200  404     200 200"),
        "days_off_post": Route("POST", f"{r}/days-off",                    "L    403   403   200  404     200 200"),
        # the housekeeping draft
        "hk_grid": Route("GET", hr_,                                       "L    404   200   404  200     200 200"),
        "hk_cells": Route("GET", f"{hr_}/cells",                           "L    403   403   404  200     200 200"),
        "hk_save_cells": Route("POST", f"{hr_}/cells", "L 403 403 404 400 400 400", json=True),
        "hk_changes": Route("GET", f"{hr_}/changes",                       "L    404   200   404  200     200 200"),
        "hk_days_off": Route("GET", f"{hr_}/days-off",                     "L    403   403   404  200     200 200"),
        "hk_days_off_post": Route("POST", f"{hr_}/days-off",               "L    403   403   404  200     200 200"),
        # department set-up: shift types, demand, rest owed
        "types": Route("GET", f"{d}/shift-types",                          "L    403   403   200  404     200 200"),
        "new_type": Route("GET", f"{d}/shift-types/new",                   "L    403   403   200  404     200 200"),
        "new_type_post": Route("POST", f"{d}/shift-types/new",             "L    403   403   200  404     200 200"),
        "edit_type": Route("GET", f"/roster/shift-types/{t}/edit",         "L    403   403   200  404     200 200"),
        "edit_type_post": Route("POST", f"/roster/shift-types/{t}/edit",   "L    403   403   200  404     200 200"),
        # versionless retire/restore/weekly demand: allowed, refused as stale (409 / the form again)
        "retire": Route("POST", f"/roster/shift-types/{t}/retire",         "L    403   403   409  404     409 409"),
        "restore": Route("POST", f"/roster/shift-types/{t}/restore",       "L    403   403   409  404     409 409"),
        "demand": Route("GET", f"{d}/demand",                              "L    403   403   200  404     200 200"),
        "demand_post": Route("POST", f"{d}/demand",                        "L    403   403   200  404     200 200"),
        "date_demand": Route("POST", f"{d}/demand/date",                   "L    403   403   200  404     200 200"),
        "rest": Route("GET", f"{d}/rest-owed",                             "L    403   403   200  404     200 200"),
        "rest_adjust": Route("POST", f"{d}/rest-owed/adjust",              "L    403   403   403  403     200 200"),
        "hk_types": Route("GET", f"{hd}/shift-types",                      "L    403   403   404  200     200 200"),
        "hk_new_type": Route("POST", f"{hd}/shift-types/new",              "L    403   403   404  200     200 200"),
        "hk_edit_type": Route("POST", f"/roster/shift-types/{hk_t}/edit",  "L    403   403   404  200     200 200"),
        "hk_retire": Route("POST", f"/roster/shift-types/{hk_t}/retire",   "L    403   403   404  409     409 409"),
        "hk_demand": Route("POST", f"{hd}/demand",                         "L    403   403   404  200     200 200"),
        "hk_date_demand": Route("POST", f"{hd}/demand/date",               "L    403   403   404  200     200 200"),
        "hk_rest": Route("GET", f"{hd}/rest-owed",                         "L    403   403   404  200     200 200"),
        # company-wide settings
        "holidays": Route("GET", "/roster/settings/holidays",              "L    403   403   403  403     200 200"),
        "sync": Route("POST", "/roster/settings/holidays/sync",            "L    403   403   403  403     200 200"),
        "set_day": Route("POST", "/roster/settings/holidays/day",          "L    403   403   403  403     200 200"),
        "rules": Route("GET", "/roster/settings/rules",                    "L    403   403   403  403     200 200"),
        "rules_post": Route("POST", "/roster/settings/rules",              "L    403   403   403  403     200 200"),
        "terms": Route("GET", f"{d}/work-terms",                           "L    403   403   403  403     200 200"),
        "terms_post": Route("POST", f"{d}/work-terms",                     "L    403   403   403  403     200 200"),
        "work_days": Route("POST", f"{d}/working-days",                    "L    403   403   403  403     200 200"),
        # one's own schedule, calendar feed, swaps and days off (404: the account has no staff record)
        "me": Route("GET", "/roster/me",                                   "L    200   200   200  404     404 404"),
        "calendar": Route("GET", "/roster/me/calendar",                    "L    200   200   200  200     200 200"),
        "calendar_new": Route("POST", "/roster/me/calendar/new",           "L    200   200   200  200     200 200"),
        "calendar_revoke": Route("POST", "/roster/me/calendar/revoke",     "L    302   302   302  302     302 302"),
        "propose": Route("POST", "/roster/me/swaps",                       "L    200   200   200  404     404 404"),
        "my_day_off": Route("POST", "/roster/me/days-off",                 "L    200   200   200  404     404 404"),
        "swaps": Route("GET", "/roster/swaps",                             "L    200   200   200  200     200 200"),
        "swap": Route("GET", f"{r}/swaps/{swap}",                          "L    200   404   200  404     200 200"),
        "swap_accept": Route("POST", f"{r}/swaps/{swap}/accept",           "L    403   404   403  404     403 403"),
        "swap_decline": Route("POST", f"{r}/swaps/{swap}/decline",         "L    403   404   403  404     403 403"),
        # A step posted without the swap's version: the roles the step admits reach the version check (409,
        # "changed by someone else"), the others stop at the access check (403).
        "swap_approve": Route("POST", f"{r}/swaps/{swap}/approve",         "L    403   404   409  404     409 409"),
        "swap_reject": Route("POST", f"{r}/swaps/{swap}/reject",           "L    403   404   409  404     409 409"),
        "swap_cancel": Route("POST", f"{r}/swaps/{swap}/cancel",           "L    409   404   403  404     403 403"),
        "withdraw_day_off": Route("POST", f"/roster/days-off/{wish}/withdraw", "L 302 404   302  404     302 302"),
        # the steps that change a whole roster; locking last
        "fill": Route("POST", f"{r}/fill",                                 "L    403   403   200  404     200 200"),
        "copy": Route("POST", f"{r}/copy",                                 "L    403   403   200  404     200 200"),
        "pattern": Route("POST", f"{r}/pattern",                           "L    403   403   200  404     200 200"),
        "generate": Route("POST", f"{r}/generate",                         "L    403   403   200  404     200 200"),
        "publish": Route("POST", f"{r}/publish",                           "L    403   403   200  404     200 200"),
        "hk_fill": Route("POST", f"{hr_}/fill",                            "L    403   403   404  200     200 200"),
        "hk_copy": Route("POST", f"{hr_}/copy",                            "L    403   403   404  200     200 200"),
        "hk_pattern": Route("POST", f"{hr_}/pattern",                      "L    403   403   404  200     200 200"),
        "hk_generate": Route("POST", f"{hr_}/generate",                    "L    403   403   404  200     200 200"),
        "hk_publish": Route("POST", f"{hr_}/publish",                      "L    403   403   404  200     200 200"),
        # an empty form passes the access check and is then a bad request
        "members": Route("POST", f"{r}/members",                           "L    403   403   400  404     400 400"),
        "hk_members": Route("POST", f"{hr_}/members",                      "L    403   403   404  400     400 400"),
        "lock": Route("POST", f"{r}/lock",                                 "L    403   403   200  404     200 200"),
        "hk_lock": Route("POST", f"{hr_}/lock",                            "L    403   403   404  200     200 200"),
    }


def test_every_roster_route_for_every_role(app, matrix_site):
    walk(app, "roster", table(matrix_site), web_callers(app, staff="zhangsan"))
