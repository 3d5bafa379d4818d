"""Every route of the sign-off part as every role (tests/access_matrix.py).

Columns: anonymous, staff (李前台, FO-DESK: the person appraised), other (HK clerk), head (FO, the scorer),
hk_head, hr, admin. The steps are posted without a version: the person gets the stale message back on the
appraisal page (302) and nothing changes; whoever may see the appraisal but not take the step 403; whoever may
not see it 404."""
from hrapp.blueprints.appraisals.signoff import services
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalStatus
from tests.access_matrix import Route, walk, web_callers


def test_access_matrix(app, scene):
    services.appeal(scene.staff, scene.appraisal, "请复核。", scene.appraisal.version_id)
    db.session.commit()
    base = f"/appraisals/signoff/{scene.appraisal.id}"
    #                                                                     anon staff other head hk_head hr admin
    table = {
        "appeals": Route("GET", "/appraisals/signoff/appeals",           "L    403   403   403  403     200 200"),
        "decide": Route("GET", f"{base}/decide",                         "L    403   404   403  404     200 200"),
        "missing": Route("GET", "/appraisals/signoff/999999/decide",     "L    404   404   404  404     404 404"),
        "acknowledge": Route("POST", f"{base}/acknowledge",              "L    302   404   403  404     403 403"),
        "appeal": Route("POST", f"{base}/appeal",                        "L    302   404   403  404     403 403",
                        {"note": "x"}),
        "decide_post": Route("POST", f"{base}/decide",                   "L    403   404   403  404     409 409",
                             {"decision": "upheld", "reason": "x"}),
    }
    walk(app, "appraisal_signoff", table, web_callers(app))
    assert db.session.get(Appraisal, scene.appraisal.id).status == AppraisalStatus.APPEALED
