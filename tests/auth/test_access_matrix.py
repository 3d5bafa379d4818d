"""Every login route as every role: the login page, the language switch and the forgotten-password pages
are public; the password page, one's API tokens and logging out need a login; a token is revoked by its
owner only (the staff member's here). Logging out comes last: it ends each client's session."""
from hrapp.blueprints.auth.tokens import issue_api_token
from hrapp.extensions import db
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
    # forgotten passwords: public (the answer never says whether the account exists)
    "forgot": Route("GET", "/auth/reset/",               "200  200   200   200  200     200 200"),
    "forgot_post": Route("POST", "/auth/reset/",         "200  200   200   200  200     200 200"),
    "reset_bad": Route("GET", "/auth/reset/not-a-token", "302  302   302   302  302     302 302"),
    "reset_bad_post": Route("POST", "/auth/reset/x.y.z", "302  302   302   302  302     302 302"),
    "tokens": Route("GET", "/auth/tokens",              "L    200   200   200  200     200 200"),
    "tokens_post": Route("POST", "/auth/tokens",        "L    200   200   200  200     200 200"),
}
LOGOUT = {
    # logging out sends everyone to the login page (anonymous users because they must log in first)
    "logout": Route("POST", "/auth/logout",             "L    L     L     L    L       L   L"),
}


def test_every_auth_route_for_every_role(app, people):
    token, _clear = issue_api_token(people.staff, "matrix")
    db.session.commit()
    revoke = {
        # someone else's token answers like a missing one
        "revoke": Route("GET", f"/auth/tokens/{token.id}/revoke",       "L    200   404   404  404     404 404"),
        "revoke_post": Route("POST", f"/auth/tokens/{token.id}/revoke", "L    302   404   404  404     404 404"),
    }
    walk(app, ("auth", "password_reset"), TABLE | revoke | LOGOUT, web_callers(app))
