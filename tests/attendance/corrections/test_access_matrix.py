"""Every corrections route as every role: one's own list and form (404 without a staff record), the list for
heads (their departments) and HR, HR's correction, a correction's page within scope (404 outside), and the
steps: deciding (heads of the person's department, HR; never the person: 403) and withdrawing (the person)."""
from datetime import date, datetime

import pytest

from hrapp.extensions import db
from hrapp.models import AttendanceCorrection, CorrectionKind, CorrectionStatus, Punch, PunchSource
from tests.access_matrix import Route, walk, web_callers


@pytest.fixture
def corrections(rostered):
    o = rostered
    made = {}
    for key, staff in (("desk", o.desk_staff), ("hk", o.hk_staff)):
        made[key] = AttendanceCorrection(staff_id=staff.id, department_id=staff.department_id, day=date(2026, 5, 4),
                                         kind=CorrectionKind.MISSING_IN, punched_at=datetime(2026, 5, 3, 23), reason="x",
                                         status=CorrectionStatus.PENDING)
        db.session.add(made[key])
    db.session.commit()
    return o, made


def table(made) -> dict[str, Route]:
    desk, hk = made["desk"].id, made["hk"].id
    #                                                                                     anon staff other head hk_head hr admin
    return {
        "mine": Route("GET", "/attendance/corrections/",                                  "L    200   200   200  404     404 404"),
        "new": Route("GET", "/attendance/corrections/new",                                "L    200   200   200  404     404 404"),
        # posted empty: past the access check, then the form's errors
        "new_post": Route("POST", "/attendance/corrections/new",                          "L    200   200   200  404     404 404"),
        "all": Route("GET", "/attendance/corrections/all",                                "L    403   403   200  200     200 200"),
        "hr_new": Route("GET", "/attendance/corrections/hr/new",                          "L    403   403   403  403     200 200"),
        "hr_new_post": Route("POST", "/attendance/corrections/hr/new",                    "L    403   403   403  403     200 200"),
        "show_desk": Route("GET", f"/attendance/corrections/{desk}",                      "L    200   404   200  404     200 200"),
        "show_hk": Route("GET", f"/attendance/corrections/{hk}",                          "L    404   200   404  200     200 200"),
        "show_unknown": Route("GET", "/attendance/corrections/999999",                    "L    404   404   404  404     404 404"),
        # posted without a version: past the access check, then refused as stale (nothing changes)
        "accept": Route("POST", f"/attendance/corrections/{desk}/accept",                 "L    403   404   409  404     409 409"),
        "reject": Route("POST", f"/attendance/corrections/{desk}/reject",                 "L    403   404   409  404     409 409"),
        "withdraw": Route("POST", f"/attendance/corrections/{desk}/withdraw",             "L    409   404   403  404     403 403"),
        "accept_hk": Route("POST", f"/attendance/corrections/{hk}/accept",                "L    404   403   404  409     409 409"),
        # HR sets a wrong punch aside (posted empty: past the access check, then the form's error)
        "exclude": Route("GET", "/attendance/corrections/punches/{punch}/exclude",        "L    403   403   403  403     200 200"),
        "exclude_post": Route("POST", "/attendance/corrections/punches/{punch}/exclude",  "L    403   403   403  403     200 200"),
    }


def test_corrections_access_matrix(app, corrections):
    o, made = corrections
    punch = Punch(clock_id=o.desk_staff.staff_number, staff_id=o.desk_staff.id, punched_at=datetime(2026, 5, 4, 1),
                  source=PunchSource.DEMO)
    db.session.add(punch)
    db.session.commit()
    routes = {key: r._replace(path=r.path.replace("{punch}", str(punch.id)))
              for key, r in table(made).items()}
    walk(app, "attendance_corrections", routes, web_callers(app))
