"""Every catalogue route as every role: everyone with conduct access reads the catalogue; only HR and
administrators change it or the settings; anonymous users go to the login page."""
from hrapp.extensions import db
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers
from tests.conduct.catalogue.conftest import rule_body

people = access_matrix.people  # the fixture


def test_catalogue_access_matrix(app, people, make_rule):
    rule = make_rule("A-1")
    r = f"/conduct/rules/{rule.id}"
    db.session.commit()
    #                                                                        anon staff other head hk_head hr admin
    table = {
        "list": Route("GET", "/conduct/rules/",                             "L    200   200   200  200     200 200"),
        "show": Route("GET", r,                                             "L    200   200   200  200     200 200"),
        "version": Route("GET", f"{r}/versions/1",                          "L    200   200   200  200     200 200"),
        "missing": Route("GET", "/conduct/rules/999999",                    "L    404   404   404  404     404 404"),
        "new": Route("GET", "/conduct/rules/new",                           "L    403   403   403  403     200 200"),
        # an invalid body: allowed, the form comes back
        "new_post": Route("POST", "/conduct/rules/new",                     "L    403   403   403  403     200 200",
                          {"code": ""}),
        "edit": Route("GET", f"{r}/edit",                                   "L    403   403   403  403     200 200"),
        "edit_post": Route("POST", f"{r}/edit",                             "L    403   403   403  403     200 200",
                           rule_body(code=None, category=None)),
        # versionless: allowed, refused as stale
        "deactivate": Route("POST", f"{r}/deactivate",                      "L    403   403   403  403     409 409"),
        "reactivate": Route("POST", f"{r}/reactivate",                      "L    403   403   403  403     409 409"),
        "settings": Route("GET", "/conduct/settings",                       "L    403   403   403  403     200 200"),
        "settings_post": Route("POST", "/conduct/settings",                 "L    403   403   403  403     200 200"),
        "standard": Route("POST", "/conduct/rules/standard",                "L    403   403   403  403     302 302"),
    }
    walk(app, "conduct_catalogue", table, web_callers(app))
