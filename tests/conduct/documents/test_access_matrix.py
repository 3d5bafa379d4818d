"""The registry's pages for penalty notices and commendations as every role (columns of tests.access_matrix):
the person sees their own notice but never issues it; a head issues for the departments they head (the FO head
is also the general manager of the FO unit, so issues commendations there); another department's staff and
head do not learn the records exist (404); HR and administrators reach everything."""
import pytest

from hrapp.blueprints.conduct.documents.commendation import COMMENDATION
from hrapp.blueprints.conduct.documents.notice import PENALTY_NOTICE
from hrapp.blueprints.reports import services
from hrapp.extensions import db
from tests.access_matrix import ROLES, Route, expected, outcome, web_callers


@pytest.fixture
def documents(scene):
    scene.notice = services.issue_document(PENALTY_NOTICE, scene.violation, scene.head)
    scene.commendation = services.issue_document(COMMENDATION, scene.reward, scene.hr)
    db.session.commit()
    return scene


def table(o) -> dict[str, Route]:
    v, r, n, c = o.violation.id, o.reward.id, o.notice.id, o.commendation.id
    doc = "/reports/documents"
    #                                                                            anon staff other head hk_head hr admin
    return {
        "notice_issue": Route("GET", f"/reports/issue/penalty-notice/{v}",     "L    403   404   200  404     200 200"),
        "notice": Route("GET", f"{doc}/{n}",                                   "L    200   404   200  404     200 200"),
        "notice_pdf": Route("GET", f"{doc}/{n}/pdf",                           "L    200   404   200  404     200 200"),
        "commendation_issue": Route("GET", f"/reports/issue/commendation/{r}", "L    403   404   200  404     200 200"),
        "commendation": Route("GET", f"{doc}/{c}",                             "L    200   404   200  404     200 200"),
        "commendation_pdf": Route("GET", f"{doc}/{c}/pdf",                     "L    200   404   200  404     200 200"),
        # refused signatures are flashed on the document page; out-of-scope ones answer 404
        "notice_sign": Route("POST", f"{doc}/{n}/sign",                        "L    302   404   302  404     302 302"),
        "notice_issue_post": Route("POST", f"/reports/issue/penalty-notice/{v}", "L  403   404   302  404     302 302"),
        "commendation_issue_post": Route("POST", f"/reports/issue/commendation/{r}",
                                         "L 403 404 302 404 302 302"),
    }


def test_access_matrix(app, documents):
    callers = web_callers(app)
    mismatches = []
    for name, route in table(documents).items():
        for role in ROLES:
            got = outcome(callers[role](route))
            if got != expected(route)[role]:
                mismatches.append(f"{name} {role}: expected {expected(route)[role]}, got {got}")
    assert not mismatches, "\n".join(mismatches)
