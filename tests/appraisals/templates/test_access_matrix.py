"""Every template route as every role: HR and administrators keep templates; heads read them (list and page);
staff are refused; anonymous users go to the login page."""
from hrapp.extensions import db
from tests.access_matrix import Route, walk, web_callers


def table(t: int, c: int) -> dict[str, Route]:
    base = f"/appraisals/templates/{t}"
    crit = f"{base}/criteria/{c}"
    #                                                                         anon staff other head hk_head hr admin
    return {
        "list": Route("GET", "/appraisals/templates/",                        "L    403   403   200  200     200 200"),
        "show": Route("GET", base,                                            "L    403   403   200  200     200 200"),
        "show_unknown": Route("GET", "/appraisals/templates/999999",          "L    403   403   404  404     404 404"),
        "new": Route("GET", "/appraisals/templates/new",                      "L    403   403   403  403     200 200"),
        # posted empty: past the access check, then the form comes back with its messages
        "new_post": Route("POST", "/appraisals/templates/new",                "L    403   403   403  403     200 200"),
        "edit": Route("GET", f"{base}/edit",                                  "L    403   403   403  403     200 200"),
        "edit_post": Route("POST", f"{base}/edit",                            "L    403   403   403  403     200 200"),
        "copy": Route("GET", f"{base}/copy",                                  "L    403   403   403  403     200 200"),
        "copy_post": Route("POST", f"{base}/copy",                            "L    403   403   403  403     200 200"),
        "criterion_new": Route("GET", f"{base}/criteria/new",                 "L    403   403   403  403     200 200"),
        "criterion_new_post": Route("POST", f"{base}/criteria/new",           "L    403   403   403  403     200 200"),
        "criterion_edit": Route("GET", f"{crit}/edit",                        "L    403   403   403  403     200 200"),
        "criterion_edit_post": Route("POST", f"{crit}/edit",                  "L    403   403   403  403     200 200"),
        "criterion_unknown": Route("GET", f"{base}/criteria/999999/edit",     "L    403   403   403  403     404 404"),
        # posted without a version: past the access check, then refused as stale
        "up": Route("POST", f"{crit}/up",                                     "L    403   403   403  403     409 409"),
        "down": Route("POST", f"{crit}/down",                                 "L    403   403   403  403     409 409"),
        "remove": Route("POST", f"{crit}/remove",                             "L    403   403   403  403     409 409"),
        "activate": Route("POST", f"{base}/activate",                         "L    403   403   403  403     409 409"),
        "deactivate": Route("POST", f"{base}/deactivate",                     "L    403   403   403  403     409 409"),
    }


def test_templates_access_matrix(app, people, make_template):
    template = make_template()
    db.session.commit()
    walk(app, "appraisal_templates", table(template.id, template.criteria[0].id), web_callers(app))
    db.session.expire_all()
    assert len(template.criteria) == 3 and template.active
