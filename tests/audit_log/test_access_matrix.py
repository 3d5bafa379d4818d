"""The audit trail as every role: HR and administrators only."""
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture

#                                                  anon staff other head hk_head hr admin
TABLE = {
    "list": Route("GET", "/audit/",                "L    403   403   403  403     200 200"),
}


def test_every_audit_route_for_every_role(app, people):
    walk(app, "audit_log", TABLE, web_callers(app))
