"""Every leave-setup route as every role: balances for everyone with a login (a person's within scope, 404
outside), the table's export for heads and HR, blackouts for heads (their departments) and HR, types,
grants and adjustments for HR and administrators only."""
from datetime import date

from hrapp.blueprints.leave.setup.granting import grant_year
from hrapp.blueprints.leave.setup.services import create_blackout
from hrapp.extensions import db
from tests.access_matrix import Route, walk, web_callers

from .conftest import entitlement


def table(o, ids) -> dict[str, Route]:
    sick, desk, hk, company, ent = ids["sick"], ids["desk"], ids["hk"], ids["company"], ids["entitlement"]
    #                                                                            anon staff other head hk_head hr admin
    return {
        "balances": Route("GET", "/leave/balances",                              "L    200   200   200  200     200 200"),
        "export": Route("GET", "/leave/balances/export.xlsx",                    "L    403   403   200  200     200 200"),
        "person": Route("GET", f"/leave/balances/{o.desk_staff.id}",             "L    200   404   200  404     200 200"),
        "person_hk": Route("GET", f"/leave/balances/{o.hk_staff.id}",            "L    404   200   404  200     200 200"),
        "person_unknown": Route("GET", "/leave/balances/999999",                 "L    404   404   404  404     404 404"),
        # posted without a year: past the access check, then refused
        "grant": Route("POST", "/leave/balances/grant",                          "L    403   403   403  403     400 400"),
        "adjust": Route("GET", f"/leave/balances/entitlements/{ent}/adjust",     "L    403   403   403  403     200 200"),
        "adjust_post": Route("POST", f"/leave/balances/entitlements/{ent}/adjust", "L  403   403   403  403     200 200"),
        "types": Route("GET", "/leave/setup/types/",                             "L    403   403   403  403     200 200"),
        "type_new": Route("GET", "/leave/setup/types/new",                       "L    403   403   403  403     200 200"),
        "type_new_post": Route("POST", "/leave/setup/types/new",                 "L    403   403   403  403     200 200"),
        "type_edit": Route("GET", f"/leave/setup/types/{sick}/edit",             "L    403   403   403  403     200 200"),
        "type_edit_post": Route("POST", f"/leave/setup/types/{sick}/edit",       "L    403   403   403  403     200 200"),
        # posted without a version: past the access check, then refused as stale
        "type_off": Route("POST", f"/leave/setup/types/{sick}/deactivate",       "L    403   403   403  403     409 409"),
        "type_on": Route("POST", f"/leave/setup/types/{sick}/reactivate",        "L    403   403   403  403     409 409"),
        "type_delete": Route("POST", f"/leave/setup/types/{sick}/delete",        "L    403   403   403  403     409 409"),
        "blackouts": Route("GET", "/leave/setup/blackouts/",                     "L    403   403   200  200     200 200"),
        "blackout_new": Route("GET", "/leave/setup/blackouts/new",               "L    403   403   200  200     200 200"),
        "blackout_new_post": Route("POST", "/leave/setup/blackouts/new",         "L    403   403   200  200     200 200"),
        "blackout_edit": Route("GET", f"/leave/setup/blackouts/{desk}/edit",     "L    403   403   200  404     200 200"),
        "blackout_edit_hk": Route("GET", f"/leave/setup/blackouts/{hk}/edit",    "L    403   403   404  200     200 200"),
        "blackout_company": Route("GET", f"/leave/setup/blackouts/{company}/edit", "L  403   403   403  403     200 200"),
        "blackout_edit_post": Route("POST", f"/leave/setup/blackouts/{desk}/edit", "L  403   403   200  404     200 200"),
        "blackout_delete": Route("POST", f"/leave/setup/blackouts/{hk}/delete",  "L    403   403   404  409     409 409"),
    }


def test_leave_setup_access_matrix(app, people, leave_types):
    o = people
    grant_year(o.hr, 2026)
    ids = {"sick": leave_types["sick"].id, "entitlement": entitlement(o.desk_staff, 2026, leave_types["annual"]).id,
           "desk": create_blackout(o.hr, o.front_desk, date(2027, 8, 1), date(2027, 8, 2), "旺季").id,
           "hk": create_blackout(o.hr, o.housekeeping, date(2027, 8, 1), date(2027, 8, 2), "盘点").id,
           "company": create_blackout(o.hr, None, date(2027, 10, 1), date(2027, 10, 7), "国庆").id}
    db.session.commit()
    walk(app, "leave_setup", table(o, ids), web_callers(app))
