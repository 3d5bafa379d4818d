"""Every route of the home's charts part as every role (tests/access_matrix.py): HR and the administrator see
every department, heads their own (another department's figures answer 404), staff nothing."""
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture


def test_access_matrix(app, people):
    fo, hk = people.front.id, people.housekeeping.id
    #                                                               anon staff other head hk_head hr admin
    table = {
        "show": Route("GET", "/charts/",                            "L    403   403   200  200     200 200"),
        "show_fo": Route("GET", f"/charts/?department={fo}",        "L    403   403   200  404     200 200"),
        "show_hk": Route("GET", f"/charts/?department={hk}",        "L    403   403   404  200     200 200"),
        "show_missing": Route("GET", "/charts/?department=999999",  "L    403   403   404  404     404 404"),
        "csv": Route("GET", "/charts/attendance.csv",               "L    403   403   200  200     200 200"),
        "xlsx_hk": Route("GET", f"/charts/grades.xlsx?department={hk}", "L 403 403   404  200     200 200"),
        "unknown_chart": Route("GET", "/charts/payroll.csv",        "L    403   403   404  404     404 404"),
        "unknown_format": Route("GET", "/charts/money.pdf",         "L    403   403   404  404     404 404"),
    }
    walk(app, "home_charts", table, web_callers(app))
