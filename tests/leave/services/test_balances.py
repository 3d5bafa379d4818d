"""Balances: the many-people reading (`balances_for`, a few queries) gives exactly what `leave_balance` gives one
person and type at a time; carried days lapse after their expiry; pending requests hold their days."""
from datetime import date
from decimal import Decimal

from hrapp.blueprints.leave.balances import balances_for, leave_balance
from hrapp.extensions import db
from hrapp.models import LeaveStatus, RestOwedEntry, RestOwedReason
from tests.leave.fixtures import write_leave


def test_the_bulk_reading_matches_one_by_one(org, leave_types, make_entitlement):
    desk, hk, head = org.desk_staff, org.hk_staff, org.head_staff
    make_entitlement(desk, 2026, granted=10, carried=3, carry_expires_on=date(2026, 3, 31), adjusted=-1)
    make_entitlement(hk, 2026, granted=5)
    write_leave(desk, date(2026, 2, 2), date(2026, 2, 3), days=Decimal(2))  # approved, before the expiry
    write_leave(desk, date(2026, 6, 1), date(2026, 6, 1), status=LeaveStatus.PENDING, days=Decimal("0.5"))
    write_leave(hk, date(2025, 12, 30), date(2025, 12, 31), days=Decimal(2))  # last year: not this year's
    write_leave(hk, date(2026, 7, 1), date(2026, 7, 1), code="rest_owed", status=LeaveStatus.PENDING,
                days=Decimal(1))
    db.session.add(RestOwedEntry(staff_id=hk.id, day=date(2026, 5, 2), days=Decimal(2),
                                 reason=RestOwedReason.WORKED_REST_DAY))
    db.session.flush()
    as_of = date(2026, 8, 1)
    bulk = balances_for([desk, hk, head], as_of)
    for person in (desk, hk, head):
        for line in bulk[person.id]:
            assert line.balance == leave_balance(person, line.leave_type, as_of), (person, line.leave_type.code)
    annual = {p.id: next(b.balance for b in bulk[p.id] if b.leave_type.code == "annual") for p in (desk, hk)}
    assert annual[desk.id].lapsed == 1 and annual[desk.id].available == Decimal("8.5")  # 10+3-1-1 lapsed-2-0.5
    assert annual[hk.id].available == 5
    rest = next(b.balance for b in bulk[hk.id] if b.leave_type.code == "rest_owed")
    assert rest.available == 1  # two owed, one waiting
