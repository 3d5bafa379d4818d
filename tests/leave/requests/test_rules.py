"""The request rules, pure: shape, employment, day counting on a fake calendar, amounts, overlaps, marked days."""
from datetime import date, timedelta
from decimal import Decimal

import pytest

from hrapp.blueprints.leave.requests import rules
from hrapp.blueprints.leave.requests.rules import RequestShape, TypeTerms

D = Decimal
WORKING = TypeTerms(half_days=True, counts_calendar_days=False, max_days=None, note_after_days=None)
CALENDAR = TypeTerms(half_days=False, counts_calendar_days=True, max_days=D(98), note_after_days=D(0))
MON = date(2027, 1, 4)


def weekdays(day: date) -> bool:
    return day.weekday() < 5


def test_shape_ends_before_start_is_refused_and_the_same_day_is_not():
    assert rules.shape_problems(RequestShape(MON, MON - timedelta(days=1)), WORKING) == {"ends_on": "ends_before_start"}
    assert rules.shape_problems(RequestShape(MON, MON), WORKING) == {}


def test_shape_one_day_cannot_be_both_halves_but_two_days_can():
    assert rules.shape_problems(RequestShape(MON, MON, True, True), WORKING) == {"ends_at_noon": "both_halves"}
    assert rules.shape_problems(RequestShape(MON, MON + timedelta(days=1), True, True), WORKING) == {}


def test_shape_halves_only_where_the_type_allows_them():
    assert rules.shape_problems(RequestShape(MON, MON, True, False), CALENDAR) == {"starts_afternoon": "no_half_days"}


def test_shape_at_most_a_year():
    assert rules.shape_problems(RequestShape(MON, MON + timedelta(days=365)), WORKING) == {}
    assert rules.shape_problems(RequestShape(MON, MON + timedelta(days=366)), WORKING) == {"ends_on": "too_long_span"}


@pytest.mark.parametrize("first,last,hire,left,expected", [
    (date(2027, 1, 4), date(2027, 1, 4), date(2027, 1, 4), None, None),
    (date(2027, 1, 3), date(2027, 1, 4), date(2027, 1, 4), None, "before_hire"),
    (date(2027, 1, 4), date(2027, 1, 8), date(2020, 1, 1), date(2027, 1, 8), None),
    (date(2027, 1, 4), date(2027, 1, 9), date(2020, 1, 1), date(2027, 1, 8), "after_leaving"),
])
def test_employment_boundaries(first, last, hire, left, expected):
    assert rules.employment_problem(RequestShape(first, last), hire, left) == expected


def test_working_days_skip_the_weekend_on_the_company_calendar():
    shape = RequestShape(MON, MON + timedelta(days=6))  # Monday to Sunday
    assert rules.requested_days(shape, WORKING, {}, weekdays) == D(5)


def test_the_roster_decides_where_it_has_cells():
    shape = RequestShape(MON, MON + timedelta(days=6))
    kinds = {MON: "rest", MON + timedelta(days=5): "work", MON + timedelta(days=6): "leave"}
    # Monday a rest day in the roster (not counted), Saturday a shift and Sunday a leave marker (both counted)
    assert rules.requested_days(shape, WORKING, kinds, weekdays) == D(6)


def test_halves_at_either_end():
    shape = RequestShape(MON, MON + timedelta(days=2), True, True)
    assert rules.requested_days(shape, WORKING, {}, weekdays) == D(2)
    assert rules.requested_days(RequestShape(MON, MON, False, True), WORKING, {}, weekdays) == D("0.5")


def test_calendar_days_count_every_day():
    shape = RequestShape(MON, MON + timedelta(days=13))
    assert rules.requested_days(shape, CALENDAR, {MON: "rest"}, weekdays) == D(14)


@pytest.mark.parametrize("days,available,expected", [
    (D(5), D(5), {}),
    (D("5.5"), D(5), {"leave_type_id": "beyond_balance"}),
    (D(0), D(5), {"ends_on": "no_days"}),
])
def test_balance_boundary(days, available, expected):
    assert rules.amount_problems(days, WORKING, available, False) == expected


def test_max_days_boundary():
    capped = TypeTerms(False, False, D(3), None)
    assert rules.amount_problems(D(3), capped, None, False) == {}
    assert rules.amount_problems(D(4), capped, None, False) == {"ends_on": "above_max"}


def test_note_needed_beyond_its_days():
    sick = TypeTerms(True, False, None, D(2))
    assert rules.amount_problems(D(2), sick, None, False) == {}
    assert rules.amount_problems(D("2.5"), sick, None, False) == {"note_file": "note_required"}
    assert rules.amount_problems(D("2.5"), sick, None, True) == {}


def test_overlap_and_halves_that_meet():
    a = RequestShape(MON, MON + timedelta(days=1), False, True)  # ends Tuesday noon
    b = RequestShape(MON + timedelta(days=1), MON + timedelta(days=2), True, False)  # from Tuesday afternoon
    assert not rules.overlaps(a, b) and not rules.overlaps(b, a)
    assert rules.overlaps(a, RequestShape(MON + timedelta(days=1), MON + timedelta(days=1)))
    assert not rules.overlaps(a, RequestShape(MON + timedelta(days=2), MON + timedelta(days=3)))


def test_marked_days_leave_half_days_and_uncounted_days_alone():
    shape = RequestShape(MON, MON + timedelta(days=6), True, False)
    assert rules.marked_days(shape, weekdays) == [MON + timedelta(days=n) for n in (1, 2, 3, 4)]
