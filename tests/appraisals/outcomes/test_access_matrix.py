"""Every route of the outcomes part as every role (tests/access_matrix.py).

Columns: anonymous, staff (李前台, FO-DESK: 优秀, a reward suggested), other (the HK clerk: 不合格, a training
need suggested and an improvement plan), head (FO), hk_head (HK, no staff record), hr, admin. Steps are posted
without a version: whoever may take them gets the stale answer (409) and nothing changes; whoever may see the
record but not act 403; whoever may not see it 404.
"""
from datetime import timedelta

import pytest
import sqlalchemy as sa

from hrapp.blueprints.appraisals.outcomes import services
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import AppraisalOutcome, OutcomeKind, OutcomeStatus
from tests.access_matrix import Route, walk, web_callers

from .conftest import publish


@pytest.fixture
def matrix(scene):
    publish(scene)
    outcome = {o.kind: o for o in db.session.scalars(sa.select(AppraisalOutcome))}
    scene.reward, scene.training = outcome[OutcomeKind.REWARD], outcome[OutcomeKind.TRAINING]
    scene.plan = services.confirm_improvement(scene.hr, outcome[OutcomeKind.IMPROVEMENT], None, "按时出勤",
                                              company_today() + timedelta(days=20), company_today())
    db.session.commit()
    scene.ids = (scene.reward.id, scene.training.id, scene.plan.id, scene.desk_staff.id, scene.cycle.id)
    return scene


def table(s) -> dict[str, Route]:
    reward, training, plan, desk_staff, cycle = s.ids
    outcome, plans = f"/appraisals/outcomes/{training}", f"/appraisals/improvement-plans/{plan}"
    #                                                                          anon staff other head hk_head hr admin
    return {
        "list": Route("GET", "/appraisals/outcomes",                           "L    403   403   200  200     200 200"),
        "confirm": Route("GET", f"{outcome}/confirm",                          "L    403   403   403  403     200 200"),
        "reward_confirm": Route("GET", f"/appraisals/outcomes/{reward}/confirm", "L  403   403   403  403     200 200"),
        "confirm_post": Route("POST", f"{outcome}/confirm",                    "L    403   403   403  403     409 409"),
        "dismiss": Route("POST", f"{outcome}/dismiss",                         "L    403   403   403  403     409 409"),
        "report": Route("GET", f"/appraisals/outcomes/report?cycle={cycle}",  "L    403   403   200  200     200 200"),
        "export": Route("GET", f"/appraisals/outcomes/report.csv?cycle={cycle}", "L  403   403   200  200     200 200"),
        "my_history": Route("GET", "/appraisals/history/me",                   "L    302   302   302  404     404 404"),
        "history": Route("GET", f"/appraisals/history/{desk_staff}",           "L    200   404   200  404     200 200"),
        "plans": Route("GET", "/appraisals/improvement-plans",                 "L    200   200   200  200     200 200"),
        "plan": Route("GET", plans,                                            "L    404   200   404  200     200 200"),
        "review": Route("POST", f"{plans}/review",                             "L    403   403   404  409     409 409"),
    }


def test_access_matrix(app, matrix):
    walk(app, "appraisal_outcomes", table(matrix), web_callers(app))
    db.session.expire_all()
    assert {o.status for o in db.session.scalars(sa.select(AppraisalOutcome))} == {OutcomeStatus.SUGGESTED,
                                                                                 OutcomeStatus.CONFIRMED}
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AppraisalOutcome)
                             .where(AppraisalOutcome.status == OutcomeStatus.SUGGESTED)) == 2
