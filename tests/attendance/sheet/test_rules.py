"""The sheet's pure rules: the month a URL names, overtime kinds, leave within the month, the totals."""
from datetime import date
from decimal import Decimal

import pytest

from hrapp.blueprints.attendance.sheet.rules import (
    HOLIDAY,
    REST_DAY,
    WORKDAY,
    DayFigures,
    leave_counts,
    leave_in_month,
    month_days,
    month_end,
    number,
    overtime_kind,
    parse_month,
    sheet_totals,
)

MAY1, MAY31 = date(2026, 5, 1), date(2026, 5, 31)


def every_day(_day):
    return True


@pytest.mark.parametrize("text, expected", [
    ("2026-05", date(2026, 5, 1)), ("2000-01", date(2000, 1, 1)), ("2100-12", date(2100, 12, 1)),
    ("2026-13", None), ("2026-00", None), ("1999-12", None), ("2026-5", None), ("", None), ("2026-05x", None),
    ("２０２６-05", None), ("2026-05\n", None),
])
def test_parse_month_reads_only_yyyy_mm(text, expected):
    assert parse_month(text) == expected


def test_month_end_and_days_know_february():
    assert month_end(date(2028, 2, 1)) == date(2028, 2, 29)
    assert month_end(date(2026, 12, 1)) == date(2026, 12, 31)
    assert len(month_days(date(2026, 2, 1))) == 28


@pytest.mark.parametrize("status, holiday, kind", [
    ("present", False, WORKDAY), ("late", False, WORKDAY), ("rest_worked", False, REST_DAY),
    ("unrostered", False, REST_DAY), ("rest_worked", True, HOLIDAY), ("present", True, HOLIDAY),
])
def test_overtime_kind(status, holiday, kind):
    assert overtime_kind(status, holiday) == kind


def test_leave_in_month_clips_to_the_month():
    days = leave_in_month(date(2026, 4, 28), date(2026, 5, 2), False, False, MAY1, MAY31, every_day)
    assert days == {date(2026, 5, 1): Decimal(1), date(2026, 5, 2): Decimal(1)}


def test_leave_in_month_halves_only_at_the_requests_own_ends():
    # starts in the afternoon of April 30th (outside the month): May 1st is a whole day; ends at noon on the 3rd
    days = leave_in_month(date(2026, 4, 30), date(2026, 5, 3), True, True, MAY1, MAY31, every_day)
    assert days == {date(2026, 5, 1): 1, date(2026, 5, 2): 1, date(2026, 5, 3): Decimal("0.5")}
    one = leave_in_month(date(2026, 5, 14), date(2026, 5, 14), True, False, MAY1, MAY31, every_day)
    assert one == {date(2026, 5, 14): Decimal("0.5")}


def test_leave_in_month_skips_days_that_do_not_count():
    weekdays = leave_in_month(date(2026, 5, 8), date(2026, 5, 11), False, False, MAY1, MAY31,
                              lambda d: d.weekday() < 5)
    assert sorted(weekdays) == [date(2026, 5, 8), date(2026, 5, 11)]


def test_leave_outside_the_month_counts_nothing():
    assert leave_in_month(date(2026, 6, 1), date(2026, 6, 3), False, False, MAY1, MAY31, every_day) == {}


@pytest.mark.parametrize("status, calendar, holiday, counts", [
    ("leave", False, False, True), ("", False, False, True), ("", False, True, False), ("", True, True, True),
    ("rest", False, False, False), ("rest", True, False, True), ("present", True, False, False),
    ("rest_worked", False, True, False),
])
def test_leave_counts(status, calendar, holiday, counts):
    assert leave_counts(status, calendar, holiday) is counts


def test_sheet_totals_add_up_a_month():
    days = [DayFigures("present"), DayFigures("late", late_minutes=12), DayFigures("early", early_minutes=20),
            DayFigures("late_and_early", late_minutes=3, early_minutes=7), DayFigures("absent"),
            DayFigures("missing_punch"), DayFigures("leave"), DayFigures("rest"),
            DayFigures("rest_worked", overtime_minutes=480, overtime_kind=REST_DAY),
            DayFigures("present", overtime_minutes=90), DayFigures("rest_worked", overtime_minutes=240,
                                                                  overtime_kind=HOLIDAY),
            DayFigures("pending")]
    totals = sheet_totals(days, {"annual": Decimal(2), "sick": Decimal("0.5"), "personal": Decimal(0)},
                          Decimal("1.5"))
    assert totals.worked_days == 8  # present ×2, late, early, late-and-early, missing punch, rest worked ×2
    assert (totals.late_count, totals.late_minutes) == (2, 15)
    assert (totals.early_count, totals.early_minutes) == (2, 27)
    assert (totals.absences, totals.missing_punches) == (1, 1)
    assert totals.leave_days == (("annual", Decimal(2)), ("sick", Decimal("0.5")))
    assert totals.leave_total == Decimal("2.5") and totals.leave_of("personal") == 0
    assert [totals.overtime_hours(k) for k in (WORKDAY, REST_DAY, HOLIDAY)] == [Decimal("1.5"), 8, 4]
    assert totals.rest_owed == Decimal("1.5")


def test_sheet_totals_of_nothing_are_zero():
    totals = sheet_totals([])
    assert totals.worked_days == totals.late_minutes == totals.absences == 0
    assert totals.overtime_hours(WORKDAY) == 0 and totals.leave_days == ()


@pytest.mark.parametrize("value, text", [(Decimal("2.0"), "2"), (Decimal("1.5"), "1.5"), (Decimal("0"), "0"),
                                         (7, "7"), (Decimal("10"), "10"), (Decimal("0.50"), "0.5")])
def test_number(value, text):
    assert number(value) == text


def test_a_month_past_36_hours_of_overtime_is_flagged():
    from hrapp.blueprints.attendance.sheet.rules import DayFigures, sheet_totals
    at_limit = sheet_totals([DayFigures("present", overtime_minutes=18 * 60)] * 2)
    over = sheet_totals([DayFigures("present", overtime_minutes=18 * 60),
                         DayFigures("rest_worked", overtime_minutes=18 * 60 + 1, overtime_kind="rest_day")])
    assert not at_limit.overtime_over_limit and over.overtime_over_limit
