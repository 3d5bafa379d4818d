"""Sign-off's pure rules: the time to respond and what a decision may set."""
from datetime import date
from decimal import Decimal as D

import pytest

from hrapp.blueprints.appraisals.signoff import rules

pytestmark = pytest.mark.unit


def test_the_last_day_to_respond_is_inclusive():
    last = date(2026, 10, 10)
    assert rules.may_still_respond(last, date(2026, 10, 10))
    assert not rules.may_still_respond(last, date(2026, 10, 11))
    assert rules.may_still_respond(None, date(2030, 1, 1))
    assert not rules.silence_due(last, last) and rules.silence_due(last, date(2026, 10, 11))
    assert not rules.silence_due(None, date(2030, 1, 1))


@pytest.mark.parametrize("text, value", [("87.5", D("87.5")), (" 90 ", D("90")), ("", None), ("abc", None),
                                         (None, None), ("NaN", None), ("Infinity", None)])
def test_parse_total(text, value):
    assert rules.parse_total(text) == value


@pytest.mark.parametrize("decision, total, current, problem", [
    ("upheld", None, D("80"), None),
    ("upheld", D("120"), D("80"), None),  # upholding ignores a total
    ("adjusted", D("85.25"), D("80"), None),
    ("adjusted", D("0"), D("80"), None),
    ("adjusted", D("100"), D("80"), None),
    ("adjusted", None, D("80"), rules.TOTAL_REQUIRED),
    ("adjusted", D("-1"), D("80"), rules.TOTAL_RANGE),
    ("adjusted", D("100.01"), D("80"), rules.TOTAL_RANGE),
    ("adjusted", D("85.125"), D("80"), rules.TOTAL_PLACES),
    ("adjusted", D("80.00"), D("80"), rules.TOTAL_UNCHANGED),
    ("overturned", D("80"), D("80"), rules.UNKNOWN_DECISION),
])
def test_decision_problem(decision, total, current, problem):
    assert rules.decision_problem(decision, total, current) == problem
