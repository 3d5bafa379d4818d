"""Who may wish for a day off, as a plain function: boundaries of today, the horizon and the monthly limit."""
from datetime import date, timedelta

import pytest

from hrapp.blueprints.roster.services.day_off import MAX_DAYS_AHEAD, MAX_PER_MONTH, day_off_refusal
from hrapp.core.periods import period_of
from hrapp.models import PeriodKind

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize("day, kwargs, expected", [
    (TODAY, {}, "day_off_past"),
    (TODAY + timedelta(days=1), {}, None),
    (TODAY + timedelta(days=MAX_DAYS_AHEAD), {}, None),
    (TODAY + timedelta(days=MAX_DAYS_AHEAD + 1), {}, "day_off_too_far"),
    (date(2026, 4, 1), {"has_left": True}, "day_off_left"),
    (date(2026, 4, 1), {"published": True}, "day_off_published"),
    (date(2026, 4, 1), {"taken": {date(2026, 4, 1)}}, "day_off_duplicate"),
    (date(2026, 4, 9), {"taken": {date(2026, 4, n) for n in range(1, MAX_PER_MONTH)}}, None),
    (date(2026, 4, 9), {"taken": {date(2026, 4, n) for n in range(1, MAX_PER_MONTH + 1)}}, "day_off_too_many"),
    (date(2026, 4, 1), {"note": "x" * 200}, None),
    (date(2026, 4, 1), {"note": "x" * 201}, "day_off_note"),
])
def test_refusals(day, kwargs, expected):
    args = {"has_left": False, "published": False} | kwargs
    assert day_off_refusal(day, TODAY, **args) == expected


@pytest.mark.parametrize("day, first, last", [
    (date(2026, 2, 14), date(2026, 2, 1), date(2026, 2, 28)),
    (date(2028, 2, 29), date(2028, 2, 1), date(2028, 2, 29)),
    (date(2026, 12, 31), date(2026, 12, 1), date(2026, 12, 31)),
])
def test_the_monthly_limit_counts_calendar_months(day, first, last):
    assert period_of(PeriodKind.MONTH, day).bounds == (first, last)
