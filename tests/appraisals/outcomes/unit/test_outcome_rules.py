"""The outcomes part's pure rules: the review date, the review reminder, the weakest criteria, the mean."""
from datetime import date
from decimal import Decimal as D

from hrapp.blueprints.appraisals.outcomes import rules

TODAY = date(2026, 10, 15)


def test_the_review_date_is_required_and_after_today():
    assert rules.review_on_problem(None, TODAY) == "review_on_required"
    assert rules.review_on_problem(TODAY, TODAY) == "review_on_past"
    assert rules.review_on_problem(date(2026, 10, 1), TODAY) == "review_on_past"
    assert rules.review_on_problem(date(2026, 10, 16), TODAY) is None


def test_a_plan_is_reviewed_from_its_date():
    assert not rules.may_review(date(2026, 10, 16), TODAY)
    assert rules.may_review(TODAY, TODAY) and rules.may_review(date(2026, 10, 1), TODAY)


def test_the_reminder_is_due_a_few_days_before():
    assert not rules.reminder_due(date(2026, 10, 19), TODAY, days=3)
    assert rules.reminder_due(date(2026, 10, 18), TODAY, days=3)
    assert rules.reminder_due(date(2026, 10, 10), TODAY, days=3)


def test_the_weakest_criteria_lowest_first_unscored_left_out():
    scored = [("态度", D("60")), ("出勤", None), ("满意度", D("40")), ("纪律", D("60"))]
    assert rules.weakest(scored) == ["满意度", "态度"]
    assert rules.weakest(scored, count=3) == ["满意度", "态度", "纪律"]
    assert rules.weakest([("出勤", None)]) == []


def test_the_mean_rounds_half_up():
    assert rules.mean([D("92"), D("81.5")]) == D("86.75")
    assert rules.mean([D("1"), D("2"), D("2")]) == D("1.67")
    assert rules.mean([]) is None
