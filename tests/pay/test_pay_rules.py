"""Pay in the staff rules (pure, no app, no database): the pay policy's checks and the pay-change event."""
from decimal import Decimal

from hrapp.blueprints.staff.rules import history_events, staff_problems
from hrapp.core.pay import PayPolicy
from hrapp.models.staff import EventKind
from tests.unit.test_staff_rules import TODAY, data


def test_staff_pay_is_checked_under_the_policy():
    policy = PayPolicy(max_amount=Decimal("30000"), minimum_monthly_wage=Decimal("2690.00"))
    record = data(monthly_base_amount=Decimal("2000.00"), daily_wage_amount=Decimal("30000.01"))
    assert staff_problems(record, TODAY, policy=policy) == {
        "monthly_base_amount": ["below_minimum_wage"], "daily_wage_amount": ["pay_too_large"]}
    assert staff_problems(record, TODAY) == {}  # the default policy: no minimum, the column's ceiling
    assert staff_problems(data(daily_wage_amount=Decimal("Infinity")), TODAY) == {
        "daily_wage_amount": ["money_not_finite"]}


def test_a_change_of_either_pay_figure_is_a_pay_change_event():
    before = data(monthly_base_amount=Decimal("4350.00"), daily_wage_amount=Decimal("200.00"))
    raised = data(monthly_base_amount=Decimal("4785.00"), daily_wage_amount=Decimal("200.00"))
    daily_only = data(monthly_base_amount=Decimal("4350.00"), daily_wage_amount=Decimal("210.00"))
    for after in (raised, daily_only):
        assert [e.kind for e in history_events(before, after)] == [EventKind.PAY_CHANGE]
    assert history_events(before, before) == []
    moved = data(department_id=2, monthly_base_amount=Decimal("4785.00"), daily_wage_amount=Decimal("200.00"))
    assert [e.kind for e in history_events(before, moved)] == [EventKind.TRANSFER, EventKind.PAY_CHANGE]
