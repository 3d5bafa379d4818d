"""The head home's pure rules: the board's groups, a roster's state and gaps, deadlines, the month's rate."""
from datetime import date
from decimal import Decimal

import pytest

from hrapp.blueprints.home.head_home import rules

pytestmark = pytest.mark.unit


def test_board_groups_keep_the_main_states_and_the_used_others_in_board_order():
    groups = rules.board_groups([("late", "李"), ("in", "王"), ("overdue", "赵"), ("in", "周")])
    assert [g.state for g in groups] == ["in", "late", "missing", "absent", "leave", "overdue"]
    assert groups[0].names == ("王", "周") and groups[0].count == 2
    assert groups[2].count == 0


@pytest.mark.parametrize(("visible", "state"), [
    ((), "none"), ((False,), "draft"), ((True, False), "draft"), ((True, True), "published")])
def test_roster_state(visible, state):
    assert rules.roster_state(visible) == state


def test_roster_gaps_are_the_columns_below_demand():
    first, last = date(2026, 6, 1), date(2026, 6, 3)
    demand = {(date(2026, 6, 1), "早"): 2, (date(2026, 6, 2), "早"): 2, (date(2026, 6, 3), "早"): 1}
    counts = {(date(2026, 6, 1), "早"): 2, (date(2026, 6, 2), "早"): 1}
    gaps = rules.roster_gaps(first, last, demand, counts)
    assert gaps == [rules.Gap(date(2026, 6, 2), "早", 2, 1), rules.Gap(date(2026, 6, 3), "早", 1, 0)]
    assert sum(g.missing for g in gaps) == 2
    assert rules.roster_gaps(first, last, {}, counts) == []


def test_a_plan_item_is_due_at_its_quarters_end():
    assert rules.quarter_ends(2026, 1) == date(2026, 3, 31)
    assert rules.quarter_ends(2026, 4) == date(2026, 12, 31)


@pytest.mark.parametrize(("day", "quarter"), [(date(2026, 1, 1), 1), (date(2026, 3, 31), 1), (date(2026, 4, 1), 2),
                                              (date(2026, 9, 30), 3), (date(2026, 12, 31), 4)])
def test_quarter_number(day, quarter):
    assert rules.quarter_number(day) == quarter


def test_month_rate_is_the_appraisal_metrics_a_missing_punch_is_due_but_not_attended():
    figures = rules.MonthFigures(attended=9, missing_punch=1)
    assert figures.attendance_rate == Decimal("90.00")
    assert rules.MonthFigures(attended=2, absent=1).attendance_rate == Decimal("66.67")
    assert rules.MonthFigures().attendance_rate is None
