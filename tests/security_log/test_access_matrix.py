"""The security log as every role: administrators only (HR, who reads the audit trail, does not)."""
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture

#                                                          anon staff other head hk_head hr  admin
TABLE = {
    "list": Route("GET", "/security-log/",                 "L    403   403   403  403     403 200"),
    "list_filtered": Route("GET", "/security-log/?kind=x", "L    403   403   403  403     403 200"),
}


def test_every_security_log_route_for_every_role(app, people):
    walk(app, "security_log", TABLE, web_callers(app))
