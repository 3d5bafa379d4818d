"""Every violations page and API endpoint as every role (columns as in tests.access_matrix.ROLES).

FO's submitted violation of the front desk clerk ("staff"), FO's draft and FO's proposal, and a final
violation of the housekeeping clerk ("other"). HR and administrators reach everything; a head of FO the
front office's records, the head of housekeeping housekeeping's; staff their own once submitted. Steps posted
without the record's version reach the version check (302 back with the stale message) for the roles they
admit; the others stop at the permission (403) or the scope (404).
"""
import pytest

from hrapp.blueprints.conduct.violations import propose_violation
from hrapp.company import utc_of_local
from hrapp.extensions import db
from hrapp.models import RecordSource, Role, ViolationState
from tests.access_matrix import ROLES, USERNAMES, Route, walk, web_callers
from tests.conduct.violations.conftest import recent


@pytest.fixture
def site(people, catalogue, make_violation):
    o = people
    o.submitted = make_violation(o.desk_staff, catalogue["2-1"], state=ViolationState.SUBMITTED)
    o.draft = make_violation(o.desk_staff, catalogue["2-1"], state=ViolationState.DRAFT)
    o.hk_final = make_violation(o.hk_staff, catalogue["2-1"], state=ViolationState.FINAL)
    o.proposal = propose_violation(o.desk_staff, "2-3a", utc_of_local(recent()), source=RecordSource.ATTENDANCE,
                                   source_ref="m-1", minutes=12)
    db.session.commit()
    return o


def web_table(o) -> dict[str, Route]:
    v, d, hk, p = (f"/conduct/violations/{x.id}" for x in (o.submitted, o.draft, o.hk_final, o.proposal))
    #                                                                    anon staff other head hk_head hr admin
    return {
        "list": Route("GET", "/conduct/violations/",                    "L    403   403   200  200     200 200"),
        "list_filtered": Route("GET", "/conduct/violations/?month=2026-05&state=final&q=S&department=1&rule=1",
                               "L 403 403 200 200 200 200"),
        "proposals": Route("GET", "/conduct/violations/proposals",      "L    403   403   200  200     200 200"),
        "new": Route("GET", "/conduct/violations/new",                  "L    403   403   200  200     200 200"),
        "new_post": Route("POST", "/conduct/violations/new",            "L    403   403   200  200     200 200"),
        "mine": Route("GET", "/conduct/my/violations",                  "L    200   200   200  404     404 404"),
        "show_submitted": Route("GET", v,                               "L    200   404   200  404     200 200"),
        "show_draft": Route("GET", d,                                   "L    404   404   200  404     200 200"),
        "show_hk": Route("GET", hk,                                     "L    404   200   404  200     200 200"),
        "show_proposal": Route("GET", p,                                "L    404   404   200  404     200 200"),
        "submit": Route("POST", f"{d}/submit",                          "L    403   403   302  404     302 302"),
        "withdraw": Route("POST", f"{d}/withdraw",                      "L    403   403   302  404     302 302"),
        "confirm": Route("POST", f"{p}/confirm",                        "L    403   403   302  404     302 302"),
        "dismiss": Route("POST", f"{p}/dismiss",                        "L    403   403   302  404     302 302"),
        # a step that is not open from the record's state: still the access checks first
        "submit_hk_final": Route("POST", f"{hk}/submit",                "L    403   403   404  302     302 302"),
    }


def test_every_violations_page_as_every_role(app, site):
    walk(app, "conduct_violations", web_table(site), web_callers(app))


def api_table() -> dict[str, Route]:
    #                                                                    anon staff other head hk_head hr admin
    return {
        "list": Route("GET", "/api/v1/violations",                      "401  200   200   200  200     200 200"),
        "list_month": Route("GET", "/api/v1/violations?month=2026-05&state=final",
                            "401 200 200 200 200 200 200"),
        "record": Route("POST", "/api/v1/violations",                   "401  403   403   422  422     422 422",
                        data={}, json=True),
        "mine": Route("GET", "/api/v1/me/violations",                   "401  200   200   200  200     200 200"),
    }


@pytest.fixture
def api_callers(app, site, api_token):
    users = {"staff": site.staff, "other": site.other_staff, "head": site.head, "hk_head": site.hk_head,
             "hr": site.hr, "admin": site.admin}
    assert set(users) == set(USERNAMES) and set(ROLES) == {"anon", *users}
    client = app.test_client()

    def caller(headers):
        def call(route: Route):
            return client.open(route.path, method=route.method, headers=headers,
                               json=dict(route.data or {}) if route.json else None)
        return call

    return {"anon": caller({})} | {role: caller(api_token(user)) for role, user in users.items()}


def test_every_violations_endpoint_as_every_role(app, api_callers):
    walk(app, ("api_violations", "api_my_violations"), api_table(), api_callers)


def test_a_head_sees_only_their_departments_in_the_api(app, site, api_token):
    client = app.test_client()
    numbers = {v["number"] for v in client.get("/api/v1/violations", headers=api_token(site.hk_head))
               .get_json()["items"]}
    assert numbers == {site.hk_final.number}
    assert Role.HEAD == site.hk_head.role
