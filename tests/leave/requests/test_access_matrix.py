"""Every route of the leave requests part as every role (tests/access_matrix.py).

Columns: anonymous, staff (李前台, FO-DESK: the person of the requests), other (HK clerk), head (FO, heads
FO-DESK), hk_head (no staff record), hr, admin. Steps are posted without a version: whoever may take them gets the
stale answer (409) and nothing changes; whoever may see the request but not take the step 403; whoever may not see
it 404.
"""
from datetime import timedelta

import pytest

from hrapp.blueprints.leave.requests.services import record_leave
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import LeaveStatus
from tests.access_matrix import ROLES, USERNAMES, Route, walk, web_callers
from tests.api.conftest import bearer

from .conftest import MON, ask, day


@pytest.fixture
def scene(site):
    today = company_today()
    site.pending = ask(site.staff, site.desk_staff, "personal", day(7), day(7), site.types)
    site.future = record_leave(site.hr, site.desk_staff, site.types["annual"], MON, day(1))
    site.started = record_leave(site.hr, site.desk_staff, site.types["personal"], today - timedelta(days=1),
                                today + timedelta(days=3))
    db.session.commit()
    site.today = today
    return site


def table(s) -> dict[str, Route]:
    p, f, st = (f"/leave/requests/{r.id}" for r in (s.pending, s.future, s.started))
    note, cut = {"note": "理由"}, {"last_day": s.today.isoformat()}
    #                                                                   anon staff other head hk_head hr  admin
    return {
        "list": Route("GET", "/leave/requests/",                        "L    403   403   403  403     200 200"),
        "export": Route("GET", "/leave/requests/export.xlsx",          "L    403   403   403  403     200 200"),
        "approvals": Route("GET", "/leave/requests/approvals",         "L    403   403   200  200     200 200"),
        "mine": Route("GET", "/leave/requests/my",                    "L    200   200   200  200     200 200"),
        "new": Route("GET", "/leave/requests/new",                      "L    200   200   200  403     200 200"),
        "new_post": Route("POST", "/leave/requests/new",                "L    200   200   200  403     200 200"),
        "show": Route("GET", p,                                         "L    200   404   200  404     200 200"),
        "approve": Route("POST", f"{p}/approve",                        "L    403   404   409  404     409 409"),
        "reject": Route("POST", f"{p}/reject", "L 403 404 409 404 409 409", note),
        "withdraw": Route("POST", f"{p}/withdraw",                      "L    409   404   403  404     403 403"),
        "cancel": Route("POST", f"{f}/cancel",                          "L    409   404   409  404     409 409"),
        "cut_short": Route("POST", f"{st}/cut-short", "L 403 404 409 404 409 409", cut),
    }


def test_access_matrix(app, scene):
    walk(app, "leave_requests", table(scene), web_callers(app))
    assert db.session.get(type(scene.pending), scene.pending.id).status == LeaveStatus.PENDING  # nothing changed


@pytest.fixture
def api_callers(app, site):
    """Role -> caller sending the role's bearer token (none for anonymous) and the row's body as JSON."""
    users = {u.username: u for u in (site.admin, site.hr, site.head, site.hk_head, site.staff, site.other_staff)}
    headers = {"anon": {}} | {role: bearer(users[name]) for role, name in USERNAMES.items()}
    client = app.test_client()

    def caller(role):
        def call(route: Route):
            body = dict(route.data or {}) if route.method == "POST" else None
            return client.open(route.path, method=route.method, headers=headers[role], json=body)
        return call
    return {role: caller(role) for role in ROLES}


def test_api_access_matrix(app, site, api_callers):
    v1 = "/api/v1"
    #                                                                          anon staff other head hk_head hr admin
    table = {
        "list": Route("GET", f"{v1}/leave/requests",                          "401  403   403   200  200     200 200"),
        "mine": Route("GET", f"{v1}/me/leave/requests",                       "401  200   200   200  200     200 200"),
        "ask": Route("POST", f"{v1}/me/leave/requests",                       "401  422   422   422  422     422 422"),
    }
    walk(app, ("api_leave_requests", "api_my_leave_requests"), table, api_callers)
