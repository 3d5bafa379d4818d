"""Every route of the capture part as every role (tests/access_matrix.py).

Columns: anonymous, staff (李前台), other (HK clerk), head (FO, with a staff record), hk_head (no staff record),
hr, admin. The punch page needs a staff record (404 without one); the import and device id pages are HR's
(AttendancePerm.MANAGE). A staged import belongs to the HR user who uploaded it: the administrator gets 403.
Posts without data: the forms come back (200, 422) or the stale answer (409); nothing changes.
"""
import pytest

from hrapp.blueprints.attendance.capture.file_import import parse_upload
from hrapp.blueprints.staff_import_export.staging import stage_import
from hrapp.extensions import db
from hrapp.models import DeviceUserId, Role
from tests.access_matrix import Route, walk, web_callers


@pytest.fixture
def scene(app, org, make_user):
    people = org
    people.hk_head = make_user(Role.HEAD, "hkhead", departments=[org.housekeeping])
    people.override = DeviceUserId(staff_id=people.hk_staff.id, clock_id="5005")
    db.session.add(people.override)
    db.session.commit()
    rows, extra = parse_upload("a.dat", b"9001\t2026-05-04 08:00:00\t0\n", "Asia/Shanghai").staged()
    people.token = stage_import(app.config["IMPORT_DIR"], people.hr.id, "a.dat", {}, rows, extra)
    return people


def table(s) -> dict[str, Route]:
    imp, ids = f"/attendance/import/{s.token}", f"/attendance/ids/{s.override.id}"
    #                                                               anon staff other head hk_head hr  admin
    return {
        "punch": Route("GET", "/attendance/punch",                  "L    200   200   200  404     404 404"),
        "punch_post": Route("POST", "/attendance/punch",            "L    302   302   302  404     404 404"),
        "import": Route("GET", "/attendance/import",                "L    403   403   403  403     200 200"),
        "import_post": Route("POST", "/attendance/import",          "L    403   403   403  403     200 200"),
        "columns": Route("GET", f"{imp}/columns",                   "L    403   403   403  403     200 403"),
        "columns_post": Route("POST", f"{imp}/columns",             "L    403   403   403  403     200 403"),
        "preview": Route("GET", imp,                                "L    403   403   403  403     200 403"),
        "map_import_id": Route("POST", f"{imp}/map",                "L    403   403   403  403     302 403"),
        "confirm": Route("POST", f"{imp}/confirm",                  "L    403   403   403  403     302 403"),
        "ids": Route("GET", "/attendance/ids",                      "L    403   403   403  403     200 200"),
        "map": Route("POST", "/attendance/ids/map",                 "L    403   403   403  403     422 422"),
        "add": Route("POST", "/attendance/ids/new",                 "L    403   403   403  403     422 422"),
        "edit": Route("GET", f"{ids}/edit",                         "L    403   403   403  403     200 200"),
        "edit_post": Route("POST", f"{ids}/edit",                   "L    403   403   403  403     200 200"),
        "remove": Route("POST", f"{ids}/remove",                    "L    403   403   403  403     409 409"),
    }


def test_access_matrix(app, scene):
    walk(app, "attendance_capture", table(scene), web_callers(app))
    assert db.session.get(DeviceUserId, scene.override.id).clock_id == "5005"  # nothing changed
