"""Leave arithmetic at its boundaries: statutory days, proration, carry-over, the balance, counting days."""
from datetime import date, timedelta
from decimal import Decimal

import pytest

from hrapp.blueprints.leave import rules
from hrapp.blueprints.leave.rules import LeaveUse


@pytest.mark.parametrize(("years", "days"), [(0, 0), (1, 5), (9, 5), (10, 10), (19, 10), (20, 15), (35, 15)])
def test_statutory_annual_days_by_cumulative_years(years, days):
    assert rules.statutory_annual_days(years) == Decimal(days)


def test_full_years_counts_whole_anniversaries():
    assert rules.full_years(date(2016, 3, 1), date(2026, 2, 28)) == 9
    assert rules.full_years(date(2016, 3, 1), date(2026, 3, 1)) == 10


def test_a_whole_year_is_granted_in_full_and_a_hire_in_july_prorated_down_to_a_whole_day():
    assert rules.annual_grant(2026, date(2010, 5, 1)).days == Decimal(10)
    hired = rules.annual_grant(2026, date(2026, 7, 1), career_started_on=date(2015, 1, 1))
    # 184 of 365 days of 10 = 5.04 -> 5 (part of a day does not count)
    assert hired.days == Decimal(5) and hired.prorated_from == date(2026, 7, 1) and hired.years_of_service == 11


def test_first_year_of_cumulative_service_earns_the_remainder_from_the_anniversary():
    grant = rules.annual_grant(2026, date(2025, 10, 1))  # one year on 2026-10-01: 92/365 of 5 = 1.26 -> 1
    assert grant.days == Decimal(1) and grant.prorated_from == date(2026, 10, 1)
    assert rules.annual_grant(2026, date(2026, 3, 1)).days == 0  # not a year of service in 2026


def test_fixed_yearly_days_replace_the_statutory_scale():
    assert rules.annual_grant(2026, date(2020, 1, 1), fixed_days=Decimal(12)).days == Decimal(12)


def test_carry_over_is_capped_and_never_negative_and_expires_at_the_months_end():
    assert rules.carry_over(Decimal("7.5"), Decimal(5)) == Decimal(5)
    assert rules.carry_over(Decimal("-1"), Decimal(5)) == 0
    assert rules.carry_expiry(2027, 3) == date(2027, 3, 31)
    assert rules.carry_expiry(2027, 12) == date(2027, 12, 31)


def test_balance_uses_carried_days_first_and_lapses_what_was_unused_by_the_expiry():
    uses = [LeaveUse(date(2027, 2, 1), Decimal(2), True), LeaveUse(date(2027, 5, 3), Decimal(1), False)]
    before = rules.balance(Decimal(5), Decimal(3), date(2027, 3, 31), Decimal(0), uses, date(2027, 3, 31))
    assert (before.taken, before.pending, before.lapsed, before.available) == (2, 1, 0, 5)
    after = rules.balance(Decimal(5), Decimal(3), date(2027, 3, 31), Decimal(0), uses, date(2027, 4, 1))
    assert after.lapsed == 1 and after.available == 4


def test_count_days_skips_days_that_do_not_count_and_halves_the_ends():
    weekdays = lambda d: d.weekday() < 5  # noqa: E731
    monday = date(2026, 12, 7)
    assert rules.count_days(monday, monday + timedelta(days=6), False, False, weekdays) == 5
    assert rules.count_days(monday, monday + timedelta(days=4), True, True, weekdays) == Decimal(4)
    assert rules.count_days(monday, monday, True, False, weekdays) == Decimal("0.5")
