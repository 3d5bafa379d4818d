"""Every login route as every role: the login page and the language switch are public, the password page
and logging out need a login. Logging out comes last: it ends each client's session."""
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture

#                                                       anon staff other head hk_head hr admin
TABLE = {
    "login": Route("GET", "/auth/login",                "200  302   302   302  302     302 302"),
    "login_post": Route("POST", "/auth/login",          "200  302   302   302  302     302 302"),
    "password": Route("GET", "/auth/password",          "L    200   200   200  200     200 200"),
    "password_post": Route("POST", "/auth/password",    "L    200   200   200  200     200 200"),
    "locale": Route("POST", "/auth/locale/en",          "302  302   302   302  302     302 302"),
    "locale_unknown": Route("POST", "/auth/locale/xx",  "404  404   404   404  404     404 404"),
    # logging out sends everyone to the login page (anonymous users because they must log in first)
    "logout": Route("POST", "/auth/logout",             "L    L     L     L    L       L   L"),
}


def test_every_auth_route_for_every_role(app, people):
    walk(app, "auth", TABLE, web_callers(app))
