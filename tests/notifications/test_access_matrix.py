"""Every notification route as every role: everyone logged in has a list; a notification opens for its
recipient only (someone else's gets 403)."""
import pytest

from hrapp.extensions import db
from hrapp.models import Notification
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture


@pytest.fixture
def site(people):
    """One notification for the front-desk clerk, one for the head of housekeeping."""
    o = people
    o.note = Notification(user_id=o.staff.id, text="hello", link="/staff/me")
    o.hk_note = Notification(user_id=o.hk_head.id, text="hello", link="/staff/")
    db.session.add_all([o.note, o.hk_note])
    db.session.commit()
    return o


def table(o) -> dict[str, Route]:
    #                                                                        anon staff other head hk_head hr admin
    return {
        "list": Route("GET", "/notifications/",                              "L    200   200   200  200     200 200"),
        "read_all": Route("POST", "/notifications/read",                     "L    302   302   302  302     302 302"),
        "open_staff": Route("POST", f"/notifications/{o.note.id}/open",      "L    302   404   404  404     404 404"),
        "open_hk_head": Route("POST", f"/notifications/{o.hk_note.id}/open", "L    404   404   404  302     404 404"),
        "open_missing": Route("POST", "/notifications/999999/open",          "L    404   404   404  404     404 404"),
    }


def test_every_notification_route_for_every_role(app, site):
    walk(app, "notifications", table(site), web_callers(app))
