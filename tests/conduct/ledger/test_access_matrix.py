"""Every ledger route as every role: HR and administrators only (ConductPerm.LEDGER); heads and staff are
refused with 403 before anything is loaded, anonymous users go to the login page."""
from decimal import Decimal

from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers

from .conftest import MONTH

people = access_matrix.people  # the fixture


def table(o) -> dict[str, Route]:
    p = f"/conduct/ledger/{o.desk_staff.id}/{MONTH}"
    #                                                                         anon staff other head hk_head hr admin
    return {
        "list": Route("GET", f"/conduct/ledger/?month={MONTH}",                "L    403   403   403  403     200 200"),
        "person": Route("GET", p,                                              "L    403   403   403  403     200 200"),
        "person_unknown": Route("GET", f"/conduct/ledger/999999/{MONTH}",      "L    403   403   403  403     404 404"),
        "xlsx": Route("GET", f"/conduct/ledger/export.xlsx?month={MONTH}",     "L    403   403   403  403     200 200"),
        "csv": Route("GET", f"/conduct/ledger/export.csv?month={MONTH}",       "L    403   403   403  403     200 200"),
        "consistency": Route("GET", "/conduct/ledger/consistency",             "L    403   403   403  403     200 200"),
        # posted without a reason: past the access check, then a bad request
        "adjust": Route("POST", f"{p}/adjust",                                 "L    403   403   403  403     400 400"),
        "defer": Route("POST", f"{p}/defer",                                   "L    403   403   403  403     400 400"),
        "override": Route("POST", f"{p}/override",                             "L    403   403   403  403     400 400"),
    }


def test_ledger_access_matrix(app, people, make_rule, make_violation, set_wage):
    set_wage(people.desk_staff)
    rule = make_rule(min_amount=Decimal("10"), max_amount=Decimal("1000"))
    make_violation(people.desk_staff, rule, amount=Decimal("900.00"))
    walk(app, "conduct_ledger", table(people), web_callers(app))
