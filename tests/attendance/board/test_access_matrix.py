"""Every board route as every role: the day board and month for heads (their departments) and HR; one's own
month for anyone with a staff record; a person's month within scope (404 outside); the overview and settings
for HR and administrators (403 for heads and staff)."""
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import ShiftType
from tests.access_matrix import Route, walk, web_callers

from .conftest import MONTH


def table(o, shift_type_id: int) -> dict[str, Route]:
    fo = o.front.id
    #                                                                                anon staff other head hk_head hr admin
    return {
        "today": Route("GET", "/attendance/today",                                   "L    403   403   200  200     200 200"),
        "today_fo": Route("GET", f"/attendance/today?department_id={fo}",            "L    403   403   200  404     200 200"),
        "month": Route("GET", f"/attendance/month?month={MONTH}",                    "L    403   403   200  200     200 200"),
        "month_fo": Route("GET", f"/attendance/month?department_id={fo}",            "L    403   403   200  404     200 200"),
        "me": Route("GET", f"/attendance/me?month={MONTH}",                          "L    200   200   200  404     404 404"),
        "person": Route("GET", f"/attendance/people/{o.desk_staff.id}",              "L    200   404   200  404     200 200"),
        "person_hk": Route("GET", f"/attendance/people/{o.hk_staff.id}",             "L    404   200   404  200     200 200"),
        "person_unknown": Route("GET", "/attendance/people/999999",                  "L    404   404   404  404     404 404"),
        "overview": Route("GET", f"/attendance/?month={MONTH}",                      "L    403   403   403  403     200 200"),
        "settings": Route("GET", "/attendance/settings",                             "L    403   403   403  403     200 200"),
        # posted empty: past the access check, then the form's errors
        "settings_post": Route("POST", "/attendance/settings",                       "L    403   403   403  403     200 200"),
        # posted without a version: past the access check, then refused as stale
        "window": Route("POST", f"/attendance/settings/shift-types/{shift_type_id}", "L    403   403   403  403     400 400"),
    }


def test_board_access_matrix(app, rostered):
    early = db.session.scalar(sa.select(ShiftType).where(ShiftType.code == "早"))
    walk(app, "attendance_board", table(rostered, early.id), web_callers(app))
