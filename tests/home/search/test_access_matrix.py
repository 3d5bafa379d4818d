"""Every route of the home's search part as every role (tests/access_matrix.py)."""
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture

#                                                           anon staff other head hk_head hr  admin
TABLE = {
    "search": Route("GET", "/search/?q=zhang",                  "L    403   403   200  200     200 200"),
    "people": Route("GET", "/search/people?q=zhang",            "L    403   403   200  200     200 200"),
}


def test_access_matrix(app, people):
    walk(app, "home_search", TABLE, web_callers(app))
