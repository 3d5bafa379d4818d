"""Every route of the results part as every role (tests/access_matrix.py).

Columns: anonymous, staff (李前台, FO-DESK: enrolled and present, scored), other (the HK clerk: the session's
trainer), head (FO: runs the FO session), hk_head (no staff record), hr, admin. Steps are posted without a version:
whoever may take them gets the stale answer (409) and nothing changes; whoever may see the record but not act
403; whoever may not see it 404.
"""
from decimal import Decimal

import pytest

from hrapp.blueprints.training.results import assessment
from hrapp.extensions import db, limiter
from hrapp.models import Presence
from tests.access_matrix import ROLES, USERNAMES, Route, walk, web_callers
from tests.api.conftest import bearer


@pytest.fixture
def matrix(scene):
    limiter.reset()
    scene.desk.presence = Presence.PRESENT
    db.session.flush()
    scene.attempt = assessment.record_attempt(scene.hr, scene.desk, Decimal("70"))
    db.session.commit()
    return scene


def table(s) -> dict[str, Route]:
    session, desk, attempt = (f"/training/results/sessions/{s.session.id}",
                              f"/training/results/enrolments/{s.desk.id}", f"/training/results/attempts/{s.attempt.id}")
    present = {"presence": "present"}
    #                                                                         anon staff other head hk_head hr admin
    return {
        "sign_in": Route("GET", "/training/sign-in",                          "L    200   200   200  200     200 200"),
        "sign_in_post": Route("POST", "/training/sign-in",                    "L    422   422   422  422     422 422"),
        "results": Route("GET", session,                                      "L    403   200   200  404     200 200"),
        "scores": Route("POST", f"{session}/scores",                          "L    403   200   200  404     200 200"),
        "feedback": Route("GET", f"{desk}/feedback",                          "L    200   403   403  404     403 403"),
        "feedback_post": Route("POST", f"{desk}/feedback",                    "L    200   403   403  404     403 403"),
        "edit": Route("GET", f"{attempt}/edit",                               "L    403   200   200  404     200 200"),
        "edit_post": Route("POST", f"{attempt}/edit",                         "L    403   409   409  404     409 409"),
        "certificates": Route("GET", "/training/results/certificates",        "L    403   403   200  200     200 200"),
        "export": Route("GET", "/training/results/certificates/export.xlsx",  "L    403   403   200  200     200 200"),
        "presence": Route("POST", f"{desk}/presence", "L 403 409 409 404 409 409", present),
        "all_present": Route("POST", f"{session}/all-present",                "L    403   409   409  404     409 409"),
        "code": Route("POST", f"{session}/code",                              "L    403   409   409  404     409 409"),
    }


def test_access_matrix(app, matrix):
    walk(app, "training_results", table(matrix), web_callers(app))
    db.session.expire_all()
    session = db.session.get(type(matrix.session), matrix.session.id)
    assert session.signin_code == "123456"  # nothing changed
    assert db.session.get(type(matrix.attempt), matrix.attempt.id).score == Decimal("70")


@pytest.fixture
def api_callers(app, scene):
    users = {u.username: u for u in (scene.admin, scene.hr, scene.head, scene.hk_head, scene.staff, scene.other_staff)}
    headers = {"anon": {}} | {role: bearer(users[name]) for role, name in USERNAMES.items()}
    client = app.test_client()

    def caller(role):
        return lambda route: client.open(route.path, method=route.method, headers=headers[role])
    return {role: caller(role) for role in ROLES}


def test_api_access_matrix(app, scene, api_callers):
    path = f"/api/v1/training/sessions/{scene.session.id}/results"
    #                                                     anon staff other head hk_head hr admin
    table = {"results": Route("GET", path,               "401  403   403   200  404     200 200")}
    walk(app, "api_training_results", table, api_callers)
