"""The pure rules of plans: totals per quarter and year in Decimal against the budget, spreading people over
quarters, expected hires, editable states and an item's checks (no app, no database)."""
from decimal import Decimal

import pytest

from hrapp.blueprints.training.plans import rules
from hrapp.core.validation import ValidationFailed


def test_totals_per_quarter_and_year_are_decimal_and_compare_with_the_budget():
    lines = [rules.Line(1, 3, Decimal("4.0"), Decimal("300.10")), rules.Line(1, 2, Decimal("1.5"), Decimal("0.20")),
             rules.Line(4, 10, Decimal("2.0"), Decimal("1000.00"))]
    totals = rules.plan_totals(lines, Decimal("30.0"), Decimal("1000.00"))
    assert totals.quarters[1].person_hours == Decimal("15.0") and totals.quarters[1].cost == Decimal("300.30")
    assert totals.quarters[2].items == 0 and totals.quarters[3].person_hours == Decimal("0.0")
    assert totals.year.person_hours == Decimal("35.0") and totals.year.cost == Decimal("1300.30")
    assert totals.year.people == 15 and totals.year.items == 3
    assert totals.hours_over == Decimal("5.0") and totals.cost_over == Decimal("300.30")
    assert all(isinstance(v, Decimal) for v in (totals.year.person_hours, totals.year.cost, totals.hours_over))


def test_within_budget_nothing_is_over():
    totals = rules.plan_totals([rules.Line(2, 1, Decimal("1"), Decimal("1"))], Decimal("1"), Decimal("1"))
    assert totals.hours_over == 0 and totals.cost_over == 0


@pytest.mark.parametrize("total, spread", [(0, (0, 0, 0, 0)), (-3, (0, 0, 0, 0)), (5, (2, 1, 1, 1)),
                                           (8, (2, 2, 2, 2)), (3, (1, 1, 1, 0))])
def test_spread_evenly(total, spread):
    assert rules.spread_evenly(total) == spread


def test_expected_hires_take_the_larger_of_last_year_and_the_gap():
    assert rules.expected_hires((0, 3, 0, 0), 10, 5) == (2, 3, 1, 1)
    assert rules.expected_hires((1, 0, 0, 2), 4, 9) == (1, 0, 0, 2)  # over the headcount: no gap


def test_only_drafts_and_returned_plans_are_editable():
    assert rules.is_editable("draft") and rules.is_editable("returned")
    assert not rules.is_editable("submitted") and not rules.is_editable("approved")


def test_an_item_needs_a_course_or_title_and_figures_in_range():
    assert rules.item_problems(1, 1, Decimal("1"), Decimal("0"), True, "") == {}
    problems = rules.item_problems(5, -1, Decimal("-1"), Decimal("-0.01"), False, "  ")
    assert problems == {"title": "what", "quarter": "quarter", "people": "people", "hours": "hours", "cost": "cost"}
    with pytest.raises(ValidationFailed) as caught:
        rules.check_item(None, None, None, None, False, "")
    assert set(caught.value.errors) == {"title", "quarter", "people", "hours", "cost"}
