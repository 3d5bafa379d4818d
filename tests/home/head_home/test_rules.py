"""The head home's pure rules: months, the board's groups, a roster's state and gaps, deadlines, the month's rate."""
from datetime import date

import pytest

from hrapp.blueprints.home.head_home import rules

pytestmark = pytest.mark.unit


def test_months_around_a_day():
    assert rules.month_of(date(2026, 2, 14)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert rules.next_month(date(2026, 1, 31)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert rules.next_month(date(2026, 12, 3)) == (date(2027, 1, 1), date(2027, 1, 31))


def test_board_groups_keep_the_main_states_and_the_used_others_in_board_order():
    groups = rules.board_groups([("late", "李"), ("in", "王"), ("overdue", "赵"), ("in", "周")])
    assert [g.state for g in groups] == ["in", "late", "missing", "absent", "leave", "overdue"]
    assert groups[0].names == ("王", "周") and groups[0].count == 2
    assert groups[2].count == 0


@pytest.mark.parametrize(("statuses", "state"), [
    ((), "none"), (("draft",), "draft"), (("published", "draft"), "draft"), (("published", "locked"), "published")])
def test_roster_state(statuses, state):
    assert rules.roster_state(statuses) == state


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


def test_month_figures():
    figures = rules.month_figures({"present": 7, "late": 2, "late_and_early": 1, "absent": 2, "rest": 4,
                                   "leave": 1}, 3, 1)
    assert (figures.attended, figures.expected, figures.late) == (10, 12, 3)
    assert figures.attendance_rate == 83.3
    assert rules.month_figures({}, 0, 0).attendance_rate is None
