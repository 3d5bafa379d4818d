"""Every route of the sessions part as every role (tests/access_matrix.py).

Columns: anonymous, staff (李前台, FO-DESK, enrolled in the front office's session), other (HK clerk), head (FO,
heads FO-DESK), hk_head (no staff record), hr, admin. The scene: a front-office session (course not open) with
李前台 enrolled. Steps are posted without a version: whoever may take them gets the stale answer (409) and
nothing changes; whoever may see the session but not act 403; whoever may not see it 404.
"""
import pytest

from hrapp.extensions import db
from hrapp.models import Enrolment, EnrolmentStatus, SessionStatus, TrainingSession
from tests.access_matrix import ROLES, USERNAMES, Route, walk, web_callers
from tests.api.conftest import bearer


@pytest.fixture
def scene(site, session_at, make_enrolment):
    site.session = session_at(department=site.front, capacity=5)
    site.place = make_enrolment(site.session, site.desk_staff)
    db.session.commit()
    return site


def table(s) -> dict[str, Route]:
    p, e = f"/training/sessions/{s.session.id}", f"/training/sessions/places/{s.place.id}/cancel"
    #                                                                        anon staff other head hk_head hr admin
    return {
        "list": Route("GET", "/training/sessions/",                          "L    200   200   200  200     200 200"),
        "past": Route("GET", "/training/sessions/?when=past",                "L    200   200   200  200     200 200"),
        "open": Route("GET", "/training/sessions/open",                      "L    200   200   200  200     200 200"),
        "my": Route("GET", "/training/sessions/my",                          "L    200   200   200  200     200 200"),
        "new": Route("GET", "/training/sessions/new",                        "L    403   403   200  200     200 200"),
        "new_post": Route("POST", "/training/sessions/new",                  "L    403   403   200  200     200 200"),
        "show": Route("GET", p,                                              "L    200   404   200  404     200 200"),
        "edit": Route("GET", f"{p}/edit",                                    "L    403   404   200  404     200 200"),
        "edit_post": Route("POST", f"{p}/edit",                              "L    403   404   200  404     200 200"),
        "enrol": Route("GET", f"{p}/enrol",                                  "L    403   404   200  404     200 200"),
        "enrol_post": Route("POST", f"{p}/enrol",                            "L    403   404   200  404     200 200"),
        "enrol_self": Route("POST", f"{p}/enrol-self",                       "L    403   404   403  404     403 403"),
        "roster": Route("POST", f"{p}/roster",                               "L    403   404   409  404     409 409"),
        "cancel_place": Route("POST", e,                                     "L    409   404   409  404     409 409"),
        "cancel": Route("POST", f"{p}/cancel", "L 403 404 409 404 409 409", {"reason": "讲师生病"}),
    }


def test_access_matrix(app, scene):
    walk(app, "training_sessions", table(scene), web_callers(app))
    assert db.session.get(TrainingSession, scene.session.id).status == SessionStatus.SCHEDULED  # nothing changed
    assert db.session.get(Enrolment, scene.place.id).status == EnrolmentStatus.ENROLLED
    assert not db.session.get(TrainingSession, scene.session.id).on_roster


def test_api_access_matrix(app, site):
    users = {u.username: u for u in (site.admin, site.hr, site.head, site.hk_head, site.staff, site.other_staff)}
    headers = {"anon": {}} | {role: bearer(users[name]) for role, name in USERNAMES.items()}
    client = app.test_client()
    callers = {role: (lambda route, h=headers[role]: client.open(route.path, method=route.method, headers=h))
               for role in ROLES}
    #                                                                      anon staff other head hk_head hr admin
    rows = {"list": Route("GET", "/api/v1/training/sessions",             "401  200   200   200  200     200 200")}
    walk(app, "api_training_sessions", rows, callers)
