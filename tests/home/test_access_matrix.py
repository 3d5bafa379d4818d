"""`/` as every role: each signed-in person gets their first home page (home/access.homes_for)."""
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture

#                                                   anon staff other head hk_head hr admin
TABLE = {
    "home": Route("GET", "/",                       "L    200   200   200  200     200 200"),
}


def test_home_for_every_role(app, people):
    walk(app, "home", TABLE, web_callers(app))
