"""Every route of the effect part as every role (tests/access_matrix.py).

Columns: anonymous, staff (李前台, FO-DESK), other (HK clerk), head (FO, heads FO-DESK), hk_head (no staff record),
hr, admin. Staff have no effect pages (403). Heads see the catalogue's active courses and the sessions they may see
(company-wide ones and their departments'); an inactive course (HR only) and another department's session answer
404 like a missing one.
"""
import pytest

from hrapp.extensions import db
from tests.access_matrix import Route, walk, web_callers


@pytest.fixture
def scene(effect_site, make_course, make_session):
    s = effect_site
    s.inactive = make_course(code="C-OLD", title="旧课程", active=False)
    s.front_session = make_session(s.course, department=s.front)
    db.session.commit()
    return s


def test_access_matrix(app, scene):
    c, ses = f"/training/effect/courses/{scene.course.id}", f"/training/effect/sessions/{scene.session.id}"
    #                                                                            anon staff other head hk_head hr  admin
    table = {
        "index": Route("GET", "/training/effect/",                               "L    403   403   200  200     200 200"),
        "course": Route("GET", f"{c}?year=2026",                                 "L    403   403   200  200     200 200"),
        "inactive": Route("GET", f"/training/effect/courses/{scene.inactive.id}", "L    403   403   404  404     200 200"),
        "no_course": Route("GET", "/training/effect/courses/999999",             "L    403   403   404  404     404 404"),
        "session": Route("GET", ses,                                             "L    403   403   200  200     200 200"),
        "front_session": Route("GET", f"/training/effect/sessions/{scene.front_session.id}",
                               "L    403   403   200  404     200 200"),
        "no_session": Route("GET", "/training/effect/sessions/999999",           "L    403   403   404  404     404 404"),
    }
    walk(app, "training_effect", table, web_callers(app))


def test_the_menu_entry(app, scene):
    from tests.access_matrix import login
    for username, shown in (("staff", False), ("head", True), ("hr", True)):
        html = login(app, username).get("/").get_data(as_text=True)
        assert ('id="nav-training-effect"' in html) is shown, username
