"""The board's pure rules: the month asked for, where a rostered person stands, a month's totals."""
from datetime import date, datetime

import pytest

from hrapp.blueprints.attendance.board import rules
from hrapp.blueprints.attendance.board.rules import DayFigures, board_state, month_days, month_totals, parse_month

TODAY = date(2026, 5, 17)


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-02", date(2026, 2, 1)), ("", date(2026, 5, 1)), (None, date(2026, 5, 1)), ("2026-13", date(2026, 5, 1)),
    ("garbage", date(2026, 5, 1)), ("1900-01", date(2026, 5, 1)), ("2026-1-5", date(2026, 5, 1)),
])
def test_parse_month_falls_back_to_this_month(text, expected):
    assert parse_month(text, TODAY) == expected


def test_month_days_covers_the_month():
    assert len(month_days(date(2024, 2, 1))) == 29 and month_days(date(2026, 12, 1))[-1] == date(2026, 12, 31)


START = datetime(2026, 5, 4, 7, 0)


@pytest.mark.parametrize(("status", "kind", "punches", "now", "expected"), [
    ("late", "work", 1, START, rules.LATE),
    ("late_and_early", "work", 2, START, rules.LATE),
    ("missing_punch", "work", 1, START, rules.MISSING),
    ("absent", "work", 0, START, rules.ABSENT),
    ("leave", "work", 0, START, rules.LEAVE),
    ("present", "work", 2, START, rules.IN),
    (None, "leave", 0, START, rules.LEAVE),
    (None, "rest", 0, START, rules.REST),
    (None, "work", 1, START, rules.IN),
    (None, "work", 0, datetime(2026, 5, 4, 6, 30), rules.NOT_YET),
    (None, "work", 0, datetime(2026, 5, 4, 7, 30), rules.OVERDUE),
])
def test_board_state(status, kind, punches, now, expected):
    assert board_state(status, kind, punches, START, now) == expected


def test_month_totals():
    totals = month_totals([DayFigures("present", 0, 90), DayFigures("late", 12), DayFigures("late_and_early", 3),
                           DayFigures("absent"), DayFigures("missing_punch"), DayFigures("rest"),
                           DayFigures("leave")])
    assert (totals.worked_days, totals.late_count, totals.late_minutes, totals.absences,
            totals.missing_punches, totals.overtime_hours) == (4, 2, 15, 1, 1, 1.5)


def test_a_day_in_progress_with_a_late_check_in_shows_late():
    assert board_state("pending", "work", 1, START, START, late_minutes=12) == "late"
    assert board_state("pending", "work", 1, START, START, late_minutes=0) == "in"
