"""Every staff route as every role: HR and administrators see and edit everyone; a head sees the staff of
the departments they head (sub-departments included); a person sees, and edits the contact of, only their
own record."""
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture


def table(o) -> dict[str, Route]:
    desk, fo, hk = o.desk_staff.id, o.head_staff.id, o.hk_staff.id
    #                                                       anon staff other head hk_head hr admin
    return {
        "list": Route("GET", "/staff/",                     "L    403   403   200  200     200 200"),
        "me": Route("GET", "/staff/me",                     "L    200   200   200  404     404 404"),
        "show_desk": Route("GET", f"/staff/{desk}",          "L    200   404   200  404     200 200"),
        "show_fo": Route("GET", f"/staff/{fo}",              "L    404   404   200  404     200 200"),
        "show_hk": Route("GET", f"/staff/{hk}",              "L    404   200   404  200     200 200"),
        "show_missing": Route("GET", "/staff/999999",        "L    404   404   404  404     404 404"),
        "new": Route("GET", "/staff/new",                   "L    403   403   403  403     200 200"),
        "new_post": Route("POST", "/staff/new",             "L    403   403   403  403     200 200"),
        "edit_desk": Route("GET", f"/staff/{desk}/edit",     "L    403   403   403  403     200 200"),
        "edit_desk_post": Route("POST", f"/staff/{desk}/edit", "L  403   403   403  403     200 200"),
        "edit_hk": Route("GET", f"/staff/{hk}/edit",         "L    403   403   403  403     200 200"),
        "contact_desk": Route("GET", f"/staff/{desk}/contact", "L  200   404   403  404     403 403"),
        "contact_desk_post": Route("POST", f"/staff/{desk}/contact", "L 200 404 403 404    403 403"),  # versionless: refused as stale
        "contact_fo": Route("GET", f"/staff/{fo}/contact",   "L    404   404   200  404     403 403"),
        "contact_hk": Route("GET", f"/staff/{hk}/contact",   "L    404   200   404  403     403 403"),
    }


def test_every_staff_route_for_every_role(app, people):
    walk(app, "staff", table(people), web_callers(app))
