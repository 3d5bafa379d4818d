"""Every route of the scoring part as every role (tests/access_matrix.py).

Columns: anonymous, staff (李前台, FO-DESK: the person appraised), other (the HK clerk), head (FO: scores the
clerk), hk_head, hr, admin. The appraisal waits for the self-assessment in a template with peer feedback; a
second one (the HK clerk's) waits for the head in a second cycle in head scoring. Steps are posted with an old
version: whoever may take them gets the stale answer (409) and nothing changes; whoever may see the appraisal
but not act 403; whoever may not see it 404.
"""
import pytest

from hrapp.extensions import db, limiter
from hrapp.models import AppraisalStatus, CycleStage
from tests.access_matrix import Route, walk, web_callers


@pytest.fixture
def matrix(scene, make_cycle, make_appraisal):
    limiter.reset()
    scene.scoring_cycle = make_cycle(name="2025-Q4", stage=CycleStage.HEAD_SCORING)
    scene.to_score = make_appraisal(scene.scoring_cycle, scene.desk_staff, scene.template,
                                    status=AppraisalStatus.HEAD_REVIEW)
    db.session.commit()
    return scene


def table(s) -> dict[str, Route]:
    own, scored = f"/appraisals/{s.appraisal.id}", f"/appraisals/{s.to_score.id}"
    stale = {"version_id": "0"}
    #                                                              anon staff other head hk_head hr admin
    return {
        "show": Route("GET", own,                                  "L    200   404   200  404     200 200"),
        "my": Route("GET", "/appraisals/my",                       "L    200   200   200  200     200 200"),
        "to_score": Route("GET", "/appraisals/to-score",           "L    403   403   200  200     200 200"),
        "self": Route("GET", f"{own}/self",                        "L    200   404   403  404     403 403"),
        "self_post": Route("POST", f"{own}/self",                  "L    409   404   403  404     403 403", stale),
        "self_submit": Route("POST", f"{own}/self/submit",         "L    409   404   403  404     403 403", stale),
        "score": Route("GET", f"{scored}/score",                   "L    403   404   200  404     403 403"),
        "score_post": Route("POST", f"{scored}/score",             "L    403   404   409  404     403 403", stale),
        "score_submit": Route("POST", f"{scored}/score/submit",    "L    403   404   409  404     403 403", stale),
        "peer": Route("GET", f"{own}/peer-feedback",               "L    403   404   403  404     403 403"),
        "peer_post": Route("POST", f"{own}/peer-feedback",         "L    403   404   403  404     403 403"),
    }


def test_access_matrix(app, matrix):
    walk(app, "appraisal_scoring", table(matrix), web_callers(app))
    db.session.expire_all()
    appraisal = db.session.get(type(matrix.appraisal), matrix.appraisal.id)
    assert appraisal.status == AppraisalStatus.SELF_REVIEW and appraisal.items[0].self_level is None
    assert db.session.get(type(matrix.to_score), matrix.to_score.id).status == AppraisalStatus.HEAD_REVIEW
