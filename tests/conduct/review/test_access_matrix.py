"""Every review route as every role (tests.access_matrix): the person answers their own violation, HR reviews,
the general manager of the unit (the head of FO) decides what is referred; a violation out of one's scope answers
404, one in scope but not one's step 403. POSTs carry no version, so those the step admits reach the version
check (409) or the form (200)."""
import pytest

from hrapp.models import ViolationState as S
from tests.access_matrix import Route, walk, web_callers


@pytest.fixture
def site(scene):
    scene.submitted = scene.violation(state=S.SUBMITTED)
    scene.acked = scene.violation(state=S.ACKNOWLEDGED)
    scene.appealed = scene.violation(state=S.APPEALED)
    scene.referred = scene.violation(state=S.REFERRED)
    scene.awaiting = scene.violation(state=S.AWAITING_SECOND, decided_by_id=scene.org.hr.id)
    return scene


def table(s) -> dict[str, Route]:
    v = "/conduct/review/violations"
    sub, ack, app_, ref, aw = s.submitted.id, s.acked.id, s.appealed.id, s.referred.id, s.awaiting.id
    #                                                                    anon staff other head hk_head hr admin
    return {
        "queue": Route("GET", "/conduct/review/",                        "L    403   403   403  403     200 200"),
        "referred": Route("GET", "/conduct/review/referred",             "L    403   403   200  200     403 403"),
        "show": Route("GET", f"{v}/{sub}",                               "L    200   404   200  404     200 200"),
        "acknowledge": Route("POST", f"{v}/{sub}/acknowledge",           "L    409   404   403  404     403 403"),
        "appeal": Route("POST", f"{v}/{sub}/appeal",                     "L    200   404   403  404     403 403"),
        "review": Route("POST", f"{v}/{ack}/review",                     "L    403   404   403  404     200 200"),
        "void": Route("POST", f"{v}/{app_}/void",                        "L    403   404   403  404     200 200"),
        "refer": Route("POST", f"{v}/{app_}/refer",                      "L    403   404   403  404     200 200"),
        "decide": Route("POST", f"{v}/{ref}/decide",                     "L    403   404   200  404     403 403"),
        # the first reviewer (hr) may not give the second approval
        "second": Route("POST", f"{v}/{aw}/second-approve",              "L    403   404   409  404     403 409"),
    }


def test_every_review_route_for_every_role(app, site):
    walk(app, "conduct_review", table(site), web_callers(app))
