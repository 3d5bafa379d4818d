"""Every route of the calibration part as every role (tests/access_matrix.py).

Columns: anonymous, staff (李前台, FO-DESK), other (the HK clerk), head (FO), hk_head (no staff record), hr,
admin. Cycles are visible to everyone with the appraisal permission: heads read the calibration page and the
results (their departments'); staff 403. Changes are HR's: posted without a version, HR gets the stale answer
(409) and nothing changes; heads and staff 403.
"""
from decimal import Decimal

from hrapp.extensions import db, limiter
from hrapp.models import Appraisal, AppraisalAdjustment, AppraisalStatus
from tests.access_matrix import ROLES, USERNAMES, Route, walk, web_callers
from tests.api.conftest import bearer


def table(s) -> dict[str, Route]:
    cycle, desk = f"/appraisals/calibration/cycles/{s.cycle.id}", f"/appraisals/calibration/appraisals/{s.desk.id}"
    adjust = {"total": "70", "reason": "x"}
    #                                                                  anon staff other head hk_head hr admin
    return {
        "calibrate": Route("GET", cycle,                               "L    403   403   200  200     200 200"),
        "results": Route("GET", f"{cycle}/results",                    "L    403   403   200  200     200 200"),
        "export": Route("GET", f"{cycle}/results.csv",                 "L    403   403   200  200     200 200"),
        "adjust": Route("GET", f"{desk}/adjust",                       "L    403   403   403  403     200 200"),
        "adjust_post": Route("POST", f"{desk}/adjust",                 "L    403   403   403  403     409 409", adjust),
        "undo": Route("POST", f"{desk}/undo",                          "L    403   403   403  403     409 409"),
        "return": Route("POST", f"{desk}/return", "L 403 403 403 403 409 409", {"note": "x"}),
    }


def test_access_matrix(app, scene):
    walk(app, "appraisal_calibration", table(scene), web_callers(app))
    db.session.expire_all()
    desk = db.session.get(Appraisal, scene.desk.id)
    assert desk.total == Decimal("85.00") and desk.status == AppraisalStatus.SCORED  # nothing changed
    assert db.session.query(AppraisalAdjustment).count() == 0


def test_out_of_scope_appraisal_is_404_for_a_head(client, auth, scene):
    auth.login("hkhead")
    assert client.get(f"/appraisals/calibration/appraisals/{scene.desk.id}/adjust").status_code == 403
    assert client.get("/appraisals/calibration/cycles/999999").status_code == 404
    auth.logout()
    auth.login("hr")
    assert client.get("/appraisals/calibration/appraisals/999999/adjust").status_code == 404


def test_api_access_matrix(app, scene):
    limiter.reset()
    users = {u.username: u for u in (scene.admin, scene.hr, scene.head, scene.hk_head, scene.staff, scene.other_staff)}
    headers = {"anon": {}} | {role: bearer(users[name]) for role, name in USERNAMES.items()}
    client = app.test_client()

    def caller(role):
        return lambda route: client.open(route.path, method=route.method, headers=headers[role])
    path = f"/api/v1/appraisals/cycles/{scene.cycle.id}/results"
    #                                                  anon staff other head hk_head hr admin
    walk(app, "api_appraisal_results", {"results": Route("GET", path, "401  403   403   200  200     200 200")},
         {role: caller(role) for role in ROLES})
