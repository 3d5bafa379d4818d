"""The health probe and the front-end packages as every role: both public (the home pages: tests/home)."""
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture

#                                                   anon staff other head hk_head hr admin
TABLE = {
    "healthz": Route("GET", "/healthz",             "200  200   200   200  200     200 200"),
    # front-end packages (ECharts) the app serves itself: public, like the static files
    "vendor_file": Route("GET", "/vendor/echarts.min.js",
                                                    "200  200   200   200  200     200 200"),
}


def test_every_main_route_for_every_role(app, people):
    walk(app, "main", TABLE, web_callers(app))
