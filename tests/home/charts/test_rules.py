"""The charts' pure rules: the month range, quarters and the weekday fold."""
from datetime import date

from hrapp.blueprints.home.charts import rules


def test_default_range_is_the_last_six_months():
    period = rules.default_range(date(2026, 3, 15))
    assert (period.first, period.last) == (date(2025, 10, 1), date(2026, 3, 31))
    assert period.months == ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]


def test_month_range_reads_swaps_and_bounds():
    today = date(2026, 3, 15)
    assert rules.month_range("2026-02", "2025-12", today) == rules.MonthRange(date(2025, 12, 1), date(2026, 2, 28))
    assert rules.month_range("junk", None, today) == rules.default_range(today)
    long = rules.month_range("2010-01", "2026-03", today)
    assert len(long.months) == rules.MAX_MONTHS and long.last_month == "2026-03"


def test_quarters_of_a_range():
    period = rules.month_range("2025-11", "2026-04", date(2026, 5, 1))
    assert [q.name for q in period.quarters] == ["2025-Q4", "2026-Q1", "2026-Q2"]
    assert period.quarters[1].bounds == (date(2026, 1, 1), date(2026, 3, 31))


def test_weekday_totals_fold_days():
    rows = [(date(2026, 3, 2), 1, 1, 1), (date(2026, 3, 9), 1, 0, 1), (date(2026, 3, 3), None, 2, 4)]
    assert rules.weekday_totals(rows) == {(0, 1): (1, 2), (1, None): (2, 4)}

