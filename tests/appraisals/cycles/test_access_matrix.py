"""Every route of the cycles part as every role (tests/access_matrix.py).

Columns: anonymous, staff (李前台, FO-DESK), other (HK clerk), head (FO), hk_head, hr, admin. The scene: a cycle in
self-assessment with the standard template. Everyone with the appraisal permission sees cycles; only HR acts.
Steps are posted without a version: HR gets the stale answer (409) and nothing changes; the others 403.
"""
from hrapp.extensions import db
from hrapp.models import AppraisalCycle, CycleStage
from tests.access_matrix import ROLES, USERNAMES, Route, walk, web_callers
from tests.api.conftest import bearer
from tests.appraisals.fixtures import write_cycle


def table(cycle) -> dict[str, Route]:
    p = f"/appraisals/cycles/{cycle.id}"
    #                                                                    anon staff other head hk_head hr admin
    return {
        "list": Route("GET", "/appraisals/cycles/",                      "L    200   200   200  200     200 200"),
        "new": Route("GET", "/appraisals/cycles/new",                    "L    403   403   403  403     200 200"),
        "new_post": Route("POST", "/appraisals/cycles/new",              "L    403   403   403  403     200 200"),
        "show": Route("GET", p,                                          "L    200   200   200  200     200 200"),
        "edit": Route("GET", f"{p}/edit",                                "L    403   403   403  403     200 200"),
        "edit_post": Route("POST", f"{p}/edit",                          "L    403   403   403  403     200 200"),
        "extend": Route("POST", f"{p}/extend",                           "L    403   403   403  403     409 409"),
        "add": Route("POST", f"{p}/add-person",                          "L    403   403   403  403     200 200"),
        "open": Route("POST", f"{p}/open",                               "L    403   403   403  403     409 409"),
        "head": Route("POST", f"{p}/head-scoring",                       "L    403   403   403  403     409 409"),
        "calibration": Route("POST", f"{p}/calibration",                 "L    403   403   403  403     409 409"),
        "publish": Route("POST", f"{p}/publish",                         "L    403   403   403  403     409 409"),
        "close": Route("POST", f"{p}/close",                             "L    403   403   403  403     409 409"),
    }


def test_access_matrix(app, scene):
    cycle = write_cycle("2026-AM", stage=CycleStage.SELF_ASSESSMENT)
    db.session.commit()
    walk(app, "appraisal_cycles", table(cycle), web_callers(app))
    assert db.session.get(AppraisalCycle, cycle.id).stage == CycleStage.SELF_ASSESSMENT  # nothing changed


def test_a_missing_cycle_is_404(app, scene):
    callers = web_callers(app)
    for role in ("staff", "hr"):
        assert callers[role](Route("GET", "/appraisals/cycles/99999", "")).status_code == 404
        assert callers[role](Route("POST", "/appraisals/cycles/99999/open", "")).status_code == 404


def test_api_access_matrix(app, scene):
    users = {u.username: u for u in (scene.admin, scene.hr, scene.head, scene.hk_head, scene.staff,
                                     scene.other_staff)}
    headers = {"anon": {}} | {role: bearer(users[name]) for role, name in USERNAMES.items()}
    client = app.test_client()
    #                                                                    anon staff other head hk_head hr admin
    row = Route("GET", "/api/v1/appraisals/cycles",                      "401  200   200   200  200     200 200")
    for role, want in zip(ROLES, row.codes.split(), strict=True):
        assert str(client.get(row.path, headers=headers[role]).status_code) == want, role
