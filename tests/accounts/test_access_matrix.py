"""Every account route as every role: only HR and administrators manage accounts, and HR cannot edit an
administrator's account."""
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture


def table(o) -> dict[str, Route]:
    staff, admin = o.staff.id, o.admin.id
    #                                                                anon staff other head hk_head hr admin
    # A POST without the account's version is refused as stale (200, the form again): access is what is checked here.
    return {
        "list": Route("GET", "/accounts/",                           "L    403   403   403  403     200 200"),
        "new": Route("GET", "/accounts/new",                         "L    403   403   403  403     200 200"),
        "new_post": Route("POST", "/accounts/new",                   "L    403   403   403  403     200 200"),
        "edit_staff": Route("GET", f"/accounts/{staff}/edit",         "L    403   403   403  403     200 200"),
        "edit_staff_post": Route("POST", f"/accounts/{staff}/edit",   "L    403   403   403  403     200 200"),
        "edit_admin": Route("GET", f"/accounts/{admin}/edit",         "L    403   403   403  403     403 200"),
        "edit_admin_post": Route("POST", f"/accounts/{admin}/edit",   "L    403   403   403  403     403 200"),
        "edit_missing": Route("GET", "/accounts/999999/edit",        "L    403   403   403  403     404 404"),
        "reset_staff": Route("POST", f"/accounts/{staff}/reset-link", "L    403   403   403  403     200 200"),
        "reset_admin": Route("POST", f"/accounts/{admin}/reset-link", "L    403   403   403  403     403 200"),
        "reset_missing": Route("POST", "/accounts/999999/reset-link", "L    403   403   403  403     404 404"),
    }


def test_every_account_route_for_every_role(app, people):
    walk(app, "accounts", table(people), web_callers(app))
