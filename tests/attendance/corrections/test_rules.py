"""The pure rules: which days need a correction, the window's edges, the limit, month bounds."""
from datetime import date, datetime

import pytest

from hrapp.blueprints.attendance.corrections import rules
from hrapp.blueprints.attendance.corrections.rules import DayFacts

WINDOW = (datetime(2026, 5, 4, 5), datetime(2026, 5, 4, 21))
AFTER = datetime(2026, 5, 4, 21)


@pytest.mark.parametrize(("facts", "kind", "now", "expected"), [
    (DayFacts("missing_punch", True, False, WINDOW), "missing_out", AFTER, None),
    (DayFacts("missing_punch", True, False, WINDOW), "missing_in", AFTER, rules.NOT_NEEDED),
    (DayFacts("missing_punch", False, True, WINDOW), "missing_in", AFTER, None),
    (DayFacts("absent", False, False, WINDOW), "missing_in", AFTER, None),
    (DayFacts("absent", False, False, WINDOW), "missing_out", AFTER, None),
    (DayFacts("present", True, True, WINDOW), "missing_out", AFTER, rules.NOT_NEEDED),
    (DayFacts("late", True, True, WINDOW), "missing_in", AFTER, rules.NOT_NEEDED),
    (DayFacts("pending", True, False, WINDOW), "missing_out", AFTER, rules.NOT_NEEDED),
    (DayFacts("rest", False, False, None), "missing_in", AFTER, rules.NO_SHIFT),
    (DayFacts(None, False, False, None), "missing_in", AFTER, rules.NO_SHIFT),
    (DayFacts("missing_punch", True, False, WINDOW), "missing_out", datetime(2026, 5, 4, 20, 59), rules.NOT_YET),
])
def test_day_refusal(facts, kind, now, expected):
    assert rules.day_refusal(facts, kind, now) == expected


@pytest.mark.parametrize(("claimed", "expected"), [
    (datetime(2026, 5, 4, 4, 59), rules.OUTSIDE_WINDOW), (datetime(2026, 5, 4, 5), None),
    (datetime(2026, 5, 4, 21), None), (datetime(2026, 5, 4, 21, 1), rules.OUTSIDE_WINDOW),
])
def test_time_refusal_edges(claimed, expected):
    assert rules.time_refusal(WINDOW, claimed) == expected


@pytest.mark.parametrize(("counted", "limit", "expected"), [
    (0, 3, None), (2, 3, None), (3, 3, rules.LIMIT_REACHED), (4, 3, rules.LIMIT_REACHED), (0, 0, rules.LIMIT_REACHED),
])
def test_limit_refusal(counted, limit, expected):
    assert rules.limit_refusal(counted, limit) == expected


@pytest.mark.parametrize(("day", "bounds"), [
    (date(2026, 5, 17), (date(2026, 5, 1), date(2026, 5, 31))),
    (date(2026, 2, 1), (date(2026, 2, 1), date(2026, 2, 28))),
    (date(2026, 12, 31), (date(2026, 12, 1), date(2026, 12, 31))),
])
def test_month_bounds(day, bounds):
    assert rules.month_bounds(day) == bounds
