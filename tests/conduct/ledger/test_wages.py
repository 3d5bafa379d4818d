"""The ledger's set-based wages agree with hrapp.pay.wage_on, and the ledger is computed in a few queries."""
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy import event

from hrapp.blueprints.conduct.ledger.queries import compute_ledger, wages_on
from hrapp.core.periods import parse_period
from hrapp.extensions import db
from hrapp.models import StaffMember
from hrapp.pay import wage_on
from tests.conftest import is_savepoint


def test_wages_on_matches_wage_on(org, set_wage, make_staff):
    set_wage(org.desk_staff, Decimal("4000.00"), date(2026, 1, 1))
    set_wage(org.desk_staff, Decimal("4500.00"), date(2026, 5, 31))
    set_wage(org.desk_staff, Decimal("9000.00"), date(2026, 6, 1))
    set_wage(org.hk_staff, Decimal("3000.00"), date(2026, 6, 1))  # not yet in force
    among = sa.select(StaffMember.id)
    for day in (date(2026, 5, 30), date(2026, 5, 31), date(2026, 6, 1)):
        wages = wages_on(day, among)
        for staff in (org.desk_staff, org.hk_staff, org.head_staff):
            expected = wage_on(staff, day)
            assert wages.get(staff.id) == (expected.monthly if expected else None), (staff, day)


def test_the_ledger_takes_a_fixed_number_of_queries(ledger, make_violation, make_staff, set_wage):
    for n in range(12):
        person = make_staff(ledger.housekeeping)
        set_wage(person, Decimal("3000.00"))
        make_violation(person, ledger.fine, amount=Decimal("700.00") if n % 3 == 0 else Decimal("20.00"))
    statements = []

    def count_statement(conn, cursor, statement, *args):
        if not is_savepoint(statement):
            statements.append(statement)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", count_statement)
    try:
        ledger_ = compute_ledger(parse_period("2026-05"))
    finally:
        event.remove(engine, "before_cursor_execute", count_statement)
    assert len(ledger_.lines) == 12 and len(ledger_.flagged_ids()) == 4
    assert len(statements) <= 7, statements
