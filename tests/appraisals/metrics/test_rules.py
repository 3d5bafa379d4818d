"""The metrics part's pure rules."""
from datetime import date
from decimal import Decimal

import pytest

from hrapp.blueprints.appraisals.metrics import rules

pytestmark = pytest.mark.unit


def test_attendance_rate_rounds_half_up_to_two_places():
    assert rules.attendance_rate(4, 1, 1) == Decimal("66.67")
    assert rules.attendance_rate(1, 2, 0) == Decimal("33.33")
    assert rules.attendance_rate(7, 1, 0) == Decimal("87.50")
    assert rules.attendance_rate(65, 0, 0) == Decimal("100.00")


def test_no_working_day_has_no_rate():
    assert rules.attendance_rate(0, 0, 0) is None
    assert rules.attendance_rate(0, 1, 0) == Decimal("0.00")


def test_average_percent_of_passed_attempts():
    assert rules.average_percent([(Decimal("80"), Decimal("100")), (Decimal("45"), Decimal("50"))]) == Decimal("85.00")
    assert rules.average_percent([(Decimal("2"), Decimal("3"))]) == Decimal("66.67")
    assert rules.average_percent([]) is None
    assert rules.average_percent([(Decimal("5"), Decimal("0"))]) is None


def test_certificates_count_up_to_the_last_day_or_today():
    assert rules.overdue_cutoff(date(2026, 6, 30), date(2026, 12, 1)) == date(2026, 6, 30)
    assert rules.overdue_cutoff(date(2026, 6, 30), date(2026, 5, 1)) == date(2026, 5, 1)


@pytest.mark.parametrize(("code", "raw", "problem"), [
    ("csat", "", "required"), ("csat", None, "required"), ("sales", "abc", "not_number"),
    ("sales", "NaN", "not_number"), ("sales", float("inf"), "not_number"), ("sales", "-Infinity", "not_number"),
    ("sales", True, "not_number"), ("sales", "-1", "negative"), ("csat", "0.9", "csat_range"),
    ("csat", "5.01", "csat_range"), ("order_completion", "100.5", "percent_range"), ("sales", "1e12", "too_big"),
])
def test_bad_kpi_values(code, raw, problem):
    assert rules.kpi_value_problem(code, raw) == (problem, None)


def test_good_kpi_values():
    assert rules.kpi_value_problem("csat", "4.6") == ("", Decimal("4.6"))
    assert rules.kpi_value_problem("csat", 5) == ("", Decimal("5"))
    assert rules.kpi_value_problem("order_completion", 0) == ("", Decimal("0"))
    assert rules.kpi_value_problem("sales", " 123456.78 ") == ("", Decimal("123456.78"))
    assert rules.kpi_value_problem("calls_per_day", 4.123456) == ("", Decimal("4.1235"))
