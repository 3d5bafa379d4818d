"""Every route of the home's admin_home part as every role (tests/access_matrix.py)."""
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture

#                                                   anon staff other head hk_head hr admin
TABLE = {
    "show": Route("GET", "/home/admin/",                    "L    403   403   403  403     403 200"),
}


def test_access_matrix(app, people):
    walk(app, "home_admin", TABLE, web_callers(app))
