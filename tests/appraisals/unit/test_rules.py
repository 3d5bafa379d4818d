"""The appraisal's pure rules: weights, scores, totals, grades, the guide and suggested outcomes."""
from datetime import date
from decimal import Decimal as D

import pytest

from hrapp.blueprints.appraisals import rules


@pytest.mark.parametrize("weights, code", [
    ([D("40"), D("30"), D("30")], None),
    ([D("33.33"), D("33.33"), D("33.33")], "weights_sum"),
    ([D("33.34"), D("33.33"), D("33.33")], None),
    ([D("50"), D("50.01")], "weights_sum"),
    ([D("100.001")], "weight_range"),
    ([D("99.995"), D("0.005")], "weight_places"),
    ([D("0"), D("100")], "weight_range"),
    ([D("-10"), D("110")], "weight_range"),
    ([], "no_criteria"),
])
def test_weights_problem_wants_exactly_100(weights, code):
    problem = rules.weights_problem(weights)
    assert (problem.code if problem else None) == code


def test_weights_problem_names_the_sum():
    assert dict(rules.weights_problem([D("33.33")] * 3).params) == {"total": "99.99"}


@pytest.mark.parametrize("level, count, score", [(1, 5, "20.00"), (5, 5, "100.00"), (2, 3, "66.67"), (3, 4, "75.00")])
def test_rating_score_is_level_over_count(level, count, score):
    assert rules.rating_score(level, count) == D(score)


@pytest.mark.parametrize("level", [0, 6, None, -1])
def test_rating_score_refuses_a_level_outside_the_scale(level):
    with pytest.raises(rules.AppraisalRuleError) as refused:
        rules.rating_score(level, 5)
    assert refused.value.problem.code == "level_range"


def test_extreme_levels_are_the_first_and_the_last():
    assert [rules.is_extreme_level(n, 5) for n in range(1, 6)] == [True, False, False, False, True]


BANDS = [["98", "100"], ["95", "80"], ["90", "60"], ["0", "0"]]


@pytest.mark.parametrize("value, score", [("99.5", "100.00"), ("98", "100.00"), ("97.99", "80.00"), ("90", "60.00"),
                                          ("89", "0.00")])
def test_band_score_higher_is_better(value, score):
    assert rules.band_score(D(value), BANDS) == D(score)


def test_band_score_lower_is_better():
    late = [["0", "100"], ["2", "80"], ["5", "50"], ["10", "0"]]
    assert [rules.band_score(D(v), late, higher_is_better=False) for v in ("0", "1", "2", "4", "10", "11")] == \
        [D("100.00"), D("80.00"), D("80.00"), D("50.00"), D("0.00"), D("0.00")]


@pytest.mark.parametrize("bands, code", [
    ([], "no_bands"), ([["a", "1"]], "band_shape"), ([["1", "101"]], "band_score_range"),
    ([["1", "10"], ["1.0", "20"]], "band_threshold_twice"), ([["1", "10"], ["2", "20"]], None)])
def test_bands_problem(bands, code):
    problem = rules.bands_problem(bands)
    assert (problem.code if problem else None) == code


def test_weighted_total_in_decimal():
    assert rules.weighted_total([(D("40"), D("80")), (D("30"), D("100")), (D("30"), D("60"))]) == D("80.00")
    assert rules.weighted_total([(D("33.34"), D("100")), (D("33.33"), D("50")), (D("33.33"), D("0"))]) == D("50.01")


def test_a_criterion_not_scored_does_not_count_as_zero():
    # The self-assessment left the second criterion out: the total is over the one scored, not (80×40)/100 = 32.
    assert rules.weighted_total([(D("40"), D("80")), (D("60"), None)]) == D("80.00")
    assert rules.weighted_total([(D("40"), None)]) is None


def test_result_score_takes_the_heads_score_or_the_measured_one():
    assert rules.result_score("rating", None, None) is None
    assert rules.result_score("metric", None, D("60")) == D("60")
    assert rules.result_score("imported", D("70"), D("60")) == D("70")
    assert rules.result_score("kpi", None, D("60")) is None


@pytest.mark.parametrize("total, grade", [("100", "excellent"), ("90", "excellent"), ("89.99", "good"),
                                          ("80", "good"), ("60", "pass"), ("59.99", "needs_improvement"),
                                          ("50", "needs_improvement"), ("49.99", "fail"), ("0", "fail")])
def test_grade_for_default_bands(total, grade):
    assert rules.grade_for(D(total)) == grade


def test_grade_for_custom_bands():
    bands = [["excellent", "95"], ["good", "85"], ["pass", "70"], ["needs_improvement", "60"], ["fail", "0"]]
    assert rules.grade_for(D("94.99"), bands) == "good"
    assert rules.grade_bands_problem(bands) is None


@pytest.mark.parametrize("bands, code", [
    ([["excellent", "90"], ["good", "80"]], "grade_bands_incomplete"),
    ([["excellent", "90"], ["good", "95"], ["pass", "60"], ["needs_improvement", "50"], ["fail", "0"]],
     "grade_bands_order"),
    ([["excellent", "90"], ["good", "80"], ["pass", "60"], ["needs_improvement", "50"], ["fail", "10"]],
     "grade_bands_zero"),
    ([["excellent", "190"], ["good", "80"], ["pass", "60"], ["needs_improvement", "50"], ["fail", "0"]],
     "grade_band_range"),
])
def test_grade_bands_problem(bands, code):
    assert rules.grade_bands_problem(bands).code == code


def test_distribution_against_the_guide():
    grades = ["excellent"] * 3 + ["good"] * 4 + ["pass"] * 2 + ["fail"]
    shares = rules.distribution(grades, 20, 70, 10)
    assert shares.counts == {"top": 3, "middle": 6, "bottom": 1}
    assert shares.share("top") == D("30.00")
    assert shares.over_guide("top") and not shares.over_guide("bottom") and not shares.over_guide("middle")
    assert rules.distribution([], 20, 70, 10).share("top") == D("0.00")


def test_guide_problem():
    assert rules.guide_problem(20, 70, 10) is None
    assert rules.guide_problem(20, 70, 20).code == "guide_sum"
    assert rules.guide_problem(-1, 91, 10).code == "guide_range"


def test_leniency_and_outliers():
    assert rules.leniency(D("88"), D("80")) == 1
    assert rules.leniency(D("74"), D("80")) == -1
    assert rules.leniency(D("82"), D("80")) == 0
    assert rules.leniency(D("82"), None) == 0
    assert rules.is_outlier(D("60"), D("80")) and not rules.is_outlier(D("70"), D("80"))


def test_suggested_outcomes_follow_the_grade():
    assert rules.suggested_outcomes("excellent") == ("reward",)
    assert rules.suggested_outcomes("good") == ()
    assert rules.suggested_outcomes("fail") == ("training", "improvement")


def test_respond_by_and_deadlines():
    assert rules.respond_by(date(2026, 10, 5), 7) == date(2026, 10, 12)
    assert rules.deadline_passed(date(2026, 10, 5), date(2026, 10, 6))
    assert not rules.deadline_passed(date(2026, 10, 5), date(2026, 10, 5))
    assert not rules.deadline_passed(None, date(2026, 10, 6))


def test_decimal_or_none_refuses_what_is_not_a_finite_number():
    assert rules.decimal_or_none(" 4.5 ") == D("4.5")
    assert [rules.decimal_or_none(v) for v in ("", None, "abc", "NaN", "Infinity")] == [None] * 5
