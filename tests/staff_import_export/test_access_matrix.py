"""Every staff import/export route as every role: HR and administrators import; heads export (their own
departments' staff), staff do neither."""
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

people = access_matrix.people  # the fixture

#                                                                    anon staff other head hk_head hr admin
TABLE = {
    "import": Route("GET", "/staff-import-export/import",                       "L    403   403   403  403     200 200"),
    "import_post": Route("POST", "/staff-import-export/import",                 "L    403   403   403  403     200 200"),
    "confirm": Route("POST", "/staff-import-export/import/confirm",             "L    403   403   403  403     302 302"),
    "template": Route("GET", "/staff-import-export/import/template.xlsx",       "L    403   403   403  403     200 200"),
    "export_csv": Route("GET", "/staff-import-export/export.csv",               "L    403   403   200  200     200 200"),
    "export_xlsx": Route("GET", "/staff-import-export/export.xlsx",             "L    403   403   200  200     200 200"),
}


def test_every_transfer_route_for_every_role(app, people):
    walk(app, "transfer", TABLE, web_callers(app))
