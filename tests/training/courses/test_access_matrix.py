"""Every courses route as every role: the catalogue and a course's page for everyone in training (a course out
of use for HR only, 404 to the others), adding, editing, taking out of use and positions' required training for
HR and administrators; a position's required training for heads of its department and HR."""
from hrapp.extensions import db
from hrapp.models import PositionCourse
from tests.access_matrix import ROLES, USERNAMES, Route, walk, web_callers
from tests.api.conftest import bearer


def table(o, ids) -> dict[str, Route]:
    c, old, desk, hk, row = ids["course"], ids["old"], ids["desk"], ids["hk"], ids["row"]
    #                                                                              anon staff other head hk_head hr admin
    return {
        "list": Route("GET", "/training/courses/",                                 "L    200   200   200  200     200 200"),
        "show": Route("GET", f"/training/courses/{c}",                             "L    200   200   200  200     200 200"),
        "show_old": Route("GET", f"/training/courses/{old}",                       "L    404   404   404  404     200 200"),
        "show_unknown": Route("GET", "/training/courses/999999",                   "L    404   404   404  404     404 404"),
        "new": Route("GET", "/training/courses/new",                               "L    403   403   403  403     200 200"),
        # posted empty: past the access check, then the form comes back with its messages
        "new_post": Route("POST", "/training/courses/new",                         "L    403   403   403  403     200 200"),
        "edit": Route("GET", f"/training/courses/{c}/edit",                        "L    403   403   403  403     200 200"),
        "edit_post": Route("POST", f"/training/courses/{c}/edit",                  "L    403   403   403  403     200 200"),
        # posted without a version: past the access check, then refused as stale
        "deactivate": Route("POST", f"/training/courses/{c}/deactivate",           "L    403   403   403  403     409 409"),
        "reactivate": Route("POST", f"/training/courses/{old}/reactivate",         "L    403   403   403  403     409 409"),
        "add_position": Route("POST", f"/training/courses/{c}/positions/add",      "L    403   403   403  403     200 200"),
        "position_desk": Route("GET", f"/training/courses/positions/{desk}",       "L    403   403   200  404     200 200"),
        "position_hk": Route("GET", f"/training/courses/positions/{hk}",           "L    403   403   404  200     200 200"),
        "position_unknown": Route("GET", "/training/courses/positions/999999",     "L    403   403   404  404     404 404"),
        # HR removes it; the administrator then finds it gone (said on the course page)
        "remove_position": Route("POST", f"/training/courses/{c}/positions/{row}/remove",
                                                                                   "L    403   403   403  403     302 302"),
    }


def test_courses_access_matrix(app, site, make_course):
    o = site
    course, old = make_course("ETQ", "服务礼仪"), make_course("OLD", "旧课程", active=False)
    row = PositionCourse(position_id=o.receptionist.id, course_id=course.id, due_days=30)
    db.session.add(row)
    db.session.commit()
    ids = {"course": course.id, "old": old.id, "desk": o.receptionist.id, "hk": o.attendant.id, "row": row.id}
    walk(app, "training_courses", table(o, ids), web_callers(app))
    assert db.session.get(PositionCourse, ids["row"]) is None


def test_courses_api_access_matrix(app, site, make_course):
    """The API with bearer tokens: everyone in training reads the catalogue; no token 401; bad filters 422."""
    make_course("ETQ", "服务礼仪")
    db.session.commit()
    users = {u.username: u for u in (site.admin, site.hr, site.head, site.hk_head, site.staff, site.other_staff)}
    headers = {"anon": {}} | {role: bearer(users[name]) for role, name in USERNAMES.items()}
    client = app.test_client()
    callers = {role: (lambda route, h=headers[role]: client.open(route.path, method=route.method, headers=h))
               for role in ROLES}
    #                                                                                 anon staff other head hk_head hr admin
    api = {
        "list": Route("GET", "/api/v1/training/courses",                              "401  200   200   200  200     200 200"),
        "list_bad": Route("GET", "/api/v1/training/courses?category=cooking",         "401  422   422   422  422     422 422"),
    }
    walk(app, "api_training_courses", api, callers)
