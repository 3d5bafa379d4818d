"""Every time clock page as every role: only HR and administrators manage the clocks; anonymous users go to the
login page. (The /iclock/ endpoints take no login: a terminal is known by its serial, see test_iclock.py.)"""
from hrapp.extensions import db
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture


def test_device_pages_access_matrix(app, people, make_device):
    device = make_device()
    d = f"/attendance/devices/{device.id}"
    body = {"serial": "", "name": ""}  # invalid: allowed, the form comes back
    db.session.commit()
    #                                                                       anon staff other head hk_head hr admin
    table = {
        "list": Route("GET", "/attendance/devices/",                       "L    403   403   403  403     200 200"),
        "new": Route("GET", "/attendance/devices/new",                     "L    403   403   403  403     200 200"),
        "new_post": Route("POST", "/attendance/devices/new",               "L    403   403   403  403     200 200",
                          body),
        "show": Route("GET", d,                                            "L    403   403   403  403     200 200"),
        "missing": Route("GET", "/attendance/devices/999999",              "L    403   403   403  403     404 404"),
        "edit": Route("GET", f"{d}/edit",                                  "L    403   403   403  403     200 200"),
        "edit_post": Route("POST", f"{d}/edit",                            "L    403   403   403  403     200 200",
                           body),
        # versionless: allowed, refused as stale
        "deactivate": Route("POST", f"{d}/deactivate",                     "L    403   403   403  403     409 409"),
        "reactivate": Route("POST", f"{d}/reactivate",                     "L    403   403   403  403     409 409"),
        "token": Route("POST", f"{d}/token",                               "L    403   403   403  403     409 409"),
        "revoke": Route("POST", f"{d}/token/revoke",                       "L    403   403   403  403     409 409"),
    }
    walk(app, "attendance_clocks", table, web_callers(app))
