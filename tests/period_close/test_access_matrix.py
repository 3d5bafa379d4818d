"""Every period-close route as every role: closing and reopening a module's month is for HR and
administrators only; heads and staff are refused, guests sent to the login page."""
import pytest

from hrapp.blueprints.period_close.services import close_period
from hrapp.core.periods import parse_period
from hrapp.extensions import db
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture


@pytest.fixture
def site(people):
    """The front office's May 2026 rosters closed by HR."""
    o = people
    o.record, = close_period(o.hr, "roster", o.front, parse_period("2026-05"), 0, "attendance reconciled")
    db.session.commit()
    return o


def table(o) -> dict[str, Route]:
    close = f"/periods/close?module=roster&department_id={o.housekeeping.id}&month=2026-05"
    #                                                                        anon staff other head hk_head hr admin
    return {
        "list": Route("GET", "/periods/?month=2026-05",                      "L    403   403   403  403     200 200"),
        "close": Route("GET", close,                                         "L    403   403   403  403     200 200"),
        # An empty form names no module or department: those allowed get 404 (nothing to close).
        "close_post": Route("POST", "/periods/close",                        "L    403   403   403  403     404 404"),
        "reopen": Route("GET", f"/periods/{o.record.id}/reopen",             "L    403   403   403  403     200 200"),
        # An empty form (no version, no reason): those allowed get 400, nothing reopened.
        "reopen_post": Route("POST", f"/periods/{o.record.id}/reopen",       "L    403   403   403  403     400 400"),
        "reopen_missing": Route("GET", "/periods/999999/reopen",             "L    403   403   403  403     404 404"),
    }


def test_every_period_close_route_for_every_role(app, site):
    walk(app, "period_close", table(site), web_callers(app))
