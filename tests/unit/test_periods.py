"""hrapp.core.periods: names read and written back, bounds of the period containing a day, stepping."""
from datetime import date, timedelta

import pytest

from hrapp.core.periods import (
    MONTH,
    QUARTER,
    WEEK,
    YEAR,
    Period,
    PeriodError,
    iso_week,
    parse_period,
    period_label,
    period_of,
    periods_between,
)


@pytest.mark.parametrize("text, kind, first, last", [
    ("2026-05", MONTH, date(2026, 5, 1), date(2026, 5, 31)),
    (" 2026-5 ", MONTH, date(2026, 5, 1), date(2026, 5, 31)),
    ("2026-02", MONTH, date(2026, 2, 1), date(2026, 2, 28)),
    ("2028-02", MONTH, date(2028, 2, 1), date(2028, 2, 29)),  # leap year
    ("2000-02", MONTH, date(2000, 2, 1), date(2000, 2, 29)),  # divisible by 400: leap
    ("2100-02", MONTH, date(2100, 2, 1), date(2100, 2, 28)),  # divisible by 100 only: not leap
    ("2026-12", MONTH, date(2026, 12, 1), date(2026, 12, 31)),
    ("2026-W19", WEEK, date(2026, 5, 4), date(2026, 5, 10)),
    ("2026w01", WEEK, date(2025, 12, 29), date(2026, 1, 4)),  # ISO week 1 starts in the year before
    ("2020-W53", WEEK, date(2020, 12, 28), date(2021, 1, 3)),  # a year with 53 ISO weeks
    ("2026-W53", WEEK, date(2026, 12, 28), date(2027, 1, 3)),
    ("2026-Q1", QUARTER, date(2026, 1, 1), date(2026, 3, 31)),
    ("2026q2", QUARTER, date(2026, 4, 1), date(2026, 6, 30)),
    ("2026-Q3", QUARTER, date(2026, 7, 1), date(2026, 9, 30)),
    ("2026-Q4", QUARTER, date(2026, 10, 1), date(2026, 12, 31)),
    ("2028-Q1", QUARTER, date(2028, 1, 1), date(2028, 3, 31)),
    ("2026", YEAR, date(2026, 1, 1), date(2026, 12, 31)),
    ("2028", YEAR, date(2028, 1, 1), date(2028, 12, 31)),
])
def test_parse_every_kind(text, kind, first, last):
    period = parse_period(text)
    assert period == (kind, first, last) and period.kind == kind and period.bounds == (first, last)


@pytest.mark.parametrize("text", [
    "", "   ", "May", "2026-13", "2026-00", "2026-05-01", "26-05", "2021-W53", "2026-W54", "2026-W00",
    "2026-Q0", "2026-Q5", "0000", "0000-01", "2026-W", "2026/05", "Q2-2026", None,
])
def test_bad_names_are_refused(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_kinds_limit_what_is_read_and_the_message_says_which():
    assert parse_period("2026-W19", (WEEK, MONTH)).kind == WEEK
    with pytest.raises(PeriodError, match="YYYY-MM or YYYY-Www"):
        parse_period("2026-Q2", (WEEK, MONTH))
    with pytest.raises(PeriodError, match="No such period"):
        parse_period("2026-13", (WEEK, MONTH))


@pytest.mark.parametrize("name", ["2026-05", "2026-W19", "2020-W53", "2026-W01", "2026-Q2", "2026"])
def test_names_round_trip(name):
    period = parse_period(name)
    assert period.name == name and period_label(period.kind, period.first) == name


@pytest.mark.parametrize("kind, day, name", [
    (WEEK, date(2026, 5, 10), "2026-W19"),  # a Sunday ends its week
    (WEEK, date(2027, 1, 1), "2026-W53"),
    (WEEK, date(2024, 12, 30), "2025-W01"),
    (MONTH, date(2028, 2, 29), "2028-02"),
    (QUARTER, date(2026, 3, 31), "2026-Q1"),
    (QUARTER, date(2026, 4, 1), "2026-Q2"),
    (QUARTER, date(2026, 12, 31), "2026-Q4"),
    (YEAR, date(2026, 7, 15), "2026"),
])
def test_the_period_containing_a_day(kind, day, name):
    period = period_of(kind, day)
    assert period.name == name and period.contains(day)
    assert not period.contains(period.first - timedelta(days=1)) and not period.contains(period.last + timedelta(days=1))


@pytest.mark.parametrize("name, previous, following", [
    ("2026-05", "2026-04", "2026-06"),
    ("2026-01", "2025-12", "2026-02"),
    ("2026-12", "2026-11", "2027-01"),
    ("2021-W01", "2020-W53", "2021-W02"),
    ("2020-W53", "2020-W52", "2021-W01"),
    ("2026-Q1", "2025-Q4", "2026-Q2"),
    ("2026-Q4", "2026-Q3", "2027-Q1"),
    ("2026", "2025", "2027"),
])
def test_previous_and_next(name, previous, following):
    period = parse_period(name)
    assert period.previous().name == previous and period.next().name == following
    assert period.previous().next() == period
    assert period.previous().last + timedelta(days=1) == period.first


def test_a_year_has_twelve_months_four_quarters_and_its_days():
    months, period = [], parse_period("2028-01")
    while period.first.year == 2028:
        months.append(period)
        period = period.next()
    assert len(months) == 12 and sum((m.last - m.first).days + 1 for m in months) == 366
    quarters = {period_of(QUARTER, m.first) for m in months}
    assert len(quarters) == 4 and period_of(YEAR, date(2028, 5, 5)) == Period(YEAR, months[0].first, months[-1].last)


def test_weeks_always_run_monday_to_sunday():
    day = date(2026, 1, 1)
    for offset in range(400):
        week = period_of(WEEK, day + timedelta(days=offset))
        assert week.first.weekday() == 0 and (week.last - week.first).days == 6
        assert iso_week(week.first) == iso_week(week.last)


def test_unknown_kinds_are_refused():
    with pytest.raises(PeriodError):
        period_of("fortnight", date(2026, 5, 1))
    with pytest.raises(PeriodError):
        period_label("decade", date(2026, 5, 1))


def test_periods_between_are_those_a_range_of_days_touches():
    months = periods_between(MONTH, date(2025, 11, 20), date(2026, 2, 3))
    assert [m.name for m in months] == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert months[0].first == date(2025, 11, 1) and months[-1].last == date(2026, 2, 28)
    quarters = periods_between(QUARTER, date(2025, 11, 1), date(2026, 4, 30))
    assert [q.name for q in quarters] == ["2025-Q4", "2026-Q1", "2026-Q2"]
    assert periods_between(MONTH, date(2026, 3, 5), date(2026, 3, 5)) == [period_of(MONTH, date(2026, 3, 1))]
    assert periods_between(MONTH, date(2026, 3, 5), date(2026, 2, 5)) == []
    with pytest.raises(PeriodError):
        periods_between("fortnight", date(2026, 5, 1), date(2026, 6, 1))


@pytest.mark.parametrize(("name", "number"), [("2026-W19", 19), ("2026-05", 5), ("2026-Q2", 2), ("2026-Q4", 4),
                                              ("2026", 1)])
def test_number_within_the_year(name, number):
    assert parse_period(name).number == number
