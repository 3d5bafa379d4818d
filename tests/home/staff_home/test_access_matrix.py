"""Every route of the home's staff_home part as every role (tests/access_matrix.py)."""
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture

#                                                   anon staff other head hk_head hr admin
TABLE = {
    "show": Route("GET", "/home/me/",                    "L    200   200   200  403     403 403"),
}


def test_access_matrix(app, people):
    walk(app, "home_staff", TABLE, web_callers(app))
