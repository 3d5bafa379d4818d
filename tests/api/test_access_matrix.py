"""Every JSON API route as every role, with bearer tokens: no token -> 401; lists are scoped (never refused);
one record outside the user's scope -> 403, a missing one -> 404; writes are for HR and administrators (for an
empty body they get 422, or 200 for an empty department patch: either way past the access check). The OpenAPI document is public."""
import pytest

from tests import access_matrix
from tests.access_matrix import ROLES, USERNAMES, Route, walk
from tests.api.conftest import bearer

people = access_matrix.people  # the fixture
API_BLUEPRINTS = ("api_me", "api_my_shifts", "api_rosters", "api_departments", "api_staff", "api-docs")


@pytest.fixture
def callers(app, people):
    """Role -> caller sending the role's bearer token (none for anonymous) and the row's body as JSON."""
    users = {user.username: user for user in (people.admin, people.hr, people.head, people.hk_head, people.staff,
                                              people.other_staff)}
    headers = {"anon": {}} | {role: bearer(users[name]) for role, name in USERNAMES.items()}
    client = app.test_client()

    def caller(role):
        def call(route: Route):
            body = dict(route.data or {}) if route.method in ("POST", "PATCH") else None
            return client.open(route.path, method=route.method, headers=headers[role], json=body)
        return call
    return {role: caller(role) for role in ROLES}


def table(o) -> dict[str, Route]:
    desk_dept, hk_dept, desk, hk = o.front_desk.id, o.housekeeping.id, o.desk_staff.id, o.hk_staff.id
    v1 = "/api/v1"
    #                                                                          anon staff other head hk_head hr admin
    return {
        "openapi": Route("GET", f"{v1}/openapi.json",                         "200  200   200   200  200     200 200"),
        "me": Route("GET", f"{v1}/me",                                        "401  200   200   200  200     200 200"),
        "my_shifts": Route("GET", f"{v1}/me/shifts",                          "401  200   200   200  200     200 200"),
        "rosters_desk": Route("GET", f"{v1}/rosters?department_id={desk_dept}", "401 200  404   200  404     200 200"),
        "rosters_hk": Route("GET", f"{v1}/rosters?department_id={hk_dept}",   "401  404   200   404  200     200 200"),
        "rosters_missing": Route("GET", f"{v1}/rosters?department_id=999999", "401  404   404   404  404     404 404"),
        "departments": Route("GET", f"{v1}/departments",                      "401  200   200   200  200     200 200"),
        "department_desk": Route("GET", f"{v1}/departments/{desk_dept}",       "401  200   404   200  404     200 200"),
        "department_hk": Route("GET", f"{v1}/departments/{hk_dept}",           "401  404   200   404  200     200 200"),
        "department_missing": Route("GET", f"{v1}/departments/999999",        "401  404   404   404  404     404 404"),
        "department_create": Route("POST", f"{v1}/departments",               "401  403   403   403  403     422 422"),
        "department_update": Route("PATCH", f"{v1}/departments/{desk_dept}",   "401  403   403   403  403     200 200"),
        "staff": Route("GET", f"{v1}/staff",                                  "401  200   200   200  200     200 200"),
        "staff_desk": Route("GET", f"{v1}/staff/{desk}",                       "401  200   404   200  404     200 200"),
        "staff_hk": Route("GET", f"{v1}/staff/{hk}",                           "401  404   200   404  200     200 200"),
        "staff_missing": Route("GET", f"{v1}/staff/999999",                   "401  404   404   404  404     404 404"),
        "staff_create": Route("POST", f"{v1}/staff",                          "401  403   403   403  403     422 422"),
        "staff_update": Route("PATCH", f"{v1}/staff/{desk}",                   "401  403   403   403  403     422 422"),
    }


def test_every_api_route_for_every_role(app, people, callers):
    walk(app, API_BLUEPRINTS, table(people), callers)
