"""GET /api/v1/conduct/rules as every role, with a bearer token (anonymous: no token, 401): every role with
conduct access reads the catalogue."""
from tests import access_matrix
from tests.access_matrix import ROLES, USERNAMES, Route, walk
from tests.api.conftest import bearer

people = access_matrix.people  # the fixture


def test_the_rules_endpoint_for_every_role(app, people, make_rule):
    make_rule("A-1")
    headers = {"anon": {}} | {role: bearer(getattr(people, "hk_head" if role == "hk_head" else {
        "staff": "staff", "other": "other_staff", "head": "head", "hr": "hr", "admin": "admin"}[role]))
        for role in USERNAMES}
    client = app.test_client()

    def caller(role):
        return lambda route: client.open(route.path, method=route.method, headers=headers[role])

    #                                                                        anon staff other head hk_head hr admin
    table = {
        "rules": Route("GET", "/api/v1/conduct/rules",                      "401  200   200   200  200     200 200"),
        "bad_filter": Route("GET", "/api/v1/conduct/rules?active=maybe",    "401  422   422   422  422     422 422"),
    }
    walk(app, "api_conduct_rules", table, {role: caller(role) for role in ROLES})
