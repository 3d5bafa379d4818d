"""Every sheet route as every role: a department's sheet and its XLSX for its heads (sub-departments included)
and HR, 404 for a head of another department, 403 for staff; the payroll export for HR and administrators only."""
from tests.access_matrix import Route, walk, web_callers

from .conftest import MONTH_TEXT


def table() -> dict[str, Route]:
    m = MONTH_TEXT
    #                                                                                  anon staff other head hk_head hr admin
    return {
        "index": Route("GET", f"/attendance/sheet/?month={m}",                        "L    403   403   302  302     302 302"),
        "sheet_fo": Route("GET", f"/attendance/sheet/FO/{m}",                         "L    403   403   200  404     200 200"),
        "sheet_desk": Route("GET", f"/attendance/sheet/FO-DESK/{m}",                  "L    403   403   200  404     200 200"),
        "sheet_hk": Route("GET", f"/attendance/sheet/HK/{m}",                         "L    403   403   404  200     200 200"),
        "sheet_unknown": Route("GET", f"/attendance/sheet/NOPE/{m}",                  "L    403   403   404  404     404 404"),
        "sheet_bad_month": Route("GET", "/attendance/sheet/FO/2026-13",               "L    403   403   404  404     404 404"),
        "xlsx_fo": Route("GET", f"/attendance/sheet/FO/{m}/xlsx",                     "L    403   403   200  404     200 200"),
        "xlsx_hk": Route("GET", f"/attendance/sheet/HK/{m}/xlsx",                     "L    403   403   404  200     200 200"),
        "payroll": Route("GET", f"/attendance/sheet/payroll?month={m}",               "L    403   403   403  403     200 200"),
        "payroll_csv": Route("GET", f"/attendance/sheet/payroll/{m}/csv",             "L    403   403   403  403     200 200"),
        "payroll_xlsx": Route("GET", f"/attendance/sheet/payroll/{m}/xlsx?department=HK", "L 403 403   403  403     200 200"),
    }


def test_sheet_access_matrix(app, sheet_month):
    walk(app, "attendance_sheet", table(), web_callers(app))
