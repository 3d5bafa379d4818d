"""Every route of the rewards part as every role (tests/access_matrix.py), and the API endpoints per role.

Columns: anonymous, staff (李前台, FO-DESK: the person of the FO rewards), other (HK clerk), head (FO, the general
manager of FO and FO-DESK, proposer of `fo`), hk_head, hr, admin. Steps are posted without a version: whoever may
take them gets the stale answer (409) and nothing changes; whoever may see the reward but not take the step 403;
whoever may not see it 404.
"""
from datetime import date

import pytest
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import ConductRule, DisciplinaryMeasure, Measure, RewardState
from tests.access_matrix import ROLES, Route, walk, web_callers
from tests.api.conftest import bearer


@pytest.fixture
def scene(site, make_reward):
    r2 = db.session.scalar(sa.select(ConductRule).where(ConductRule.code == "R-2"))
    site.fo = make_reward(site.desk_staff, r2, state=RewardState.PROPOSED, amount=300, proposed_by=site.head)
    site.ok = make_reward(site.desk_staff, r2, state=RewardState.APPROVED, amount=200, proposed_by=site.desk_head)
    site.measure = DisciplinaryMeasure(staff_id=site.hk_staff.id, kind=Measure.WARNING, starts_on=date(2026, 5, 1))
    db.session.add(site.measure)
    db.session.commit()
    return site


def table(s) -> dict[str, Route]:
    fo, ok, m = f"/conduct/rewards/{s.fo.id}", f"/conduct/rewards/{s.ok.id}", f"/conduct/measures/{s.measure.id}"
    note = {"note": "理由"}
    #                                                                   anon staff other head hk_head hr  admin
    return {
        "list": Route("GET", "/conduct/rewards/",                       "L    403   403   200  200     200 200"),
        "new": Route("GET", "/conduct/rewards/new",                     "L    403   403   200  200     200 200"),
        "new_post": Route("POST", "/conduct/rewards/new",               "L    403   403   200  200     200 200"),
        "show": Route("GET", fo,                                        "L    404   404   200  404     200 200"),
        "show_approved": Route("GET", ok,                               "L    200   404   200  404     200 200"),
        "approve": Route("POST", f"{fo}/approve",                       "L    404   404   403  404     409 409"),
        "reject": Route("POST", f"{fo}/reject", "L 404 404 403 404 409 409", note),
        "propose": Route("POST", f"{fo}/submit",                       "L    404   404   409  404     403 403"),
        "withdraw": Route("POST", f"{fo}/withdraw",                     "L    404   404   409  404     403 403"),
        "approve_approved": Route("POST", f"{ok}/approve",              "L    403   404   409  404     409 409"),
        "mine": Route("GET", "/conduct/my/rewards",                     "L    200   200   200  200     200 200"),
        "measures": Route("GET", "/conduct/measures/",                  "L    403   403   403  403     200 200"),
        "new_measure": Route("GET", "/conduct/measures/new",            "L    403   403   403  403     200 200"),
        "new_measure_post": Route("POST", "/conduct/measures/new",      "L    403   403   403  403     200 200"),
        "measure": Route("GET", m,                                      "L    403   403   403  403     200 200"),
        "revoke": Route("POST", f"{m}/revoke", "L 403 403 403 403 409 409", note),
        "person_desk": Route("GET", f"/conduct/people/{s.desk_staff.id}", "L  200   404   200  404     200 200"),
        "person_hk": Route("GET", f"/conduct/people/{s.hk_staff.id}",   "L    404   200   404  200     200 200"),
    }


def test_access_matrix(app, scene):
    walk(app, "conduct_rewards", table(scene), web_callers(app))
    assert db.session.get(type(scene.fo), scene.fo.id).state == RewardState.PROPOSED  # nothing changed


API_TABLE = {
    #                                                      anon staff other head hk_head hr  admin
    ("GET", "/api/v1/rewards"):                            "401  200   200   200  200     200 200",
    ("GET", "/api/v1/me/rewards"):                         "401  200   200   200  200     200 200",
    ("POST", "/api/v1/rewards"):                           "401  403   403   422  422     422 422",
}


def test_api_access_matrix(client, scene):
    users = {"staff": scene.staff, "other": scene.other_staff, "head": scene.head, "hk_head": scene.hk_head,
             "hr": scene.hr, "admin": scene.admin}
    headers = {"anon": {}} | {role: bearer(user) for role, user in users.items()}
    mismatches = []
    for (method, path), codes in API_TABLE.items():
        for role, want in zip(ROLES, codes.split(), strict=True):
            got = client.open(path, method=method, json={} if method == "POST" else None, headers=headers[role])
            if str(got.status_code) != want:
                mismatches.append(f"{method} {path} {role}: expected {want}, got {got.status_code}")
    assert not mismatches, "\n".join(mismatches)
