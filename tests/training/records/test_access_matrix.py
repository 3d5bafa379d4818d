"""Every route of the training records part as every role (tests/access_matrix.py).

Columns: anonymous, staff (李前台, FO-DESK: the person of the record), other (HK clerk), head (FO, heads
FO-DESK), hk_head (no staff record), hr, admin. The waiver is posted without a version: HR gets the stale answer
(409) and nothing changes; whoever may see the assignment but not waive it 403; whoever may not see it 404.
"""
from datetime import timedelta

import pytest
import sqlalchemy as sa

from hrapp.blueprints.training.records.induction import assign_inductions
from hrapp.extensions import db
from hrapp.models import InductionAssignment, InductionReason, InductionStatus
from tests.access_matrix import ROLES, USERNAMES, Route, walk, web_callers
from tests.api.conftest import bearer


@pytest.fixture
def scene(site):
    assign_inductions(site.desk_staff, site.desk_job.id, site.today - timedelta(days=20), InductionReason.HIRE)
    db.session.commit()
    site.assignment = db.session.scalars(sa.select(InductionAssignment)).first()
    return site


def test_access_matrix(app, scene):
    record, waive = f"/training/records/{scene.desk_staff.id}", f"/training/inductions/{scene.assignment.id}/waive"
    #                                                                        anon staff other head hk_head hr admin
    table = {
        "mine": Route("GET", "/training/records/mine",                       "L    200   200   200  200     200 200"),
        "record": Route("GET", record,                                       "L    200   404   200  404     200 200"),
        "missing": Route("GET", "/training/records/999999",                  "L    404   404   404  404     404 404"),
        "list": Route("GET", "/training/inductions",                         "L    403   403   200  200     200 200"),
        "export": Route("GET", "/training/inductions/export.xlsx",           "L    403   403   200  200     200 200"),
        "waive": Route("GET", waive,                                         "L    403   404   403  404     200 200"),
        "waive_post": Route("POST", waive, "L 403 404 403 404 409 409", {"reason": "持证"}),
    }
    walk(app, "training_records", table, web_callers(app))
    assert db.session.get(InductionAssignment, scene.assignment.id).status == InductionStatus.OPEN


@pytest.fixture
def api_callers(app, site):
    users = {u.username: u for u in (site.admin, site.hr, site.head, site.hk_head, site.staff, site.other_staff)}
    headers = {"anon": {}} | {role: bearer(users[name]) for role, name in USERNAMES.items()}
    client = app.test_client()
    return {role: (lambda route, h=headers[role]: client.open(route.path, method=route.method, headers=h))
            for role in ROLES}


def test_api_access_matrix(app, site, api_callers):
    table = {"mine": Route("GET", "/api/v1/me/training", "401 200 200 200 200 200 200")}
    walk(app, "api_my_training", table, api_callers)
