"""The editor's pure rules: levels and bands read from lines, the metrics' usual bands, a criterion's problems,
grade bands, scope, a usable template and the weights' sum written out."""
from decimal import Decimal as D

import pytest

from hrapp.blueprints.appraisals.rules import band_score
from hrapp.blueprints.appraisals.templates import rules
from hrapp.models import Metric


def _code(problem):
    return problem.code if problem else None


def test_levels_are_read_one_per_line_lowest_first():
    assert rules.parse_levels("差\n\n 一般 \n优秀\n") == (["差", "一般", "优秀"], None)
    assert rules.levels_text(["差", "优秀"]) == "差\n优秀"


@pytest.mark.parametrize("text, code", [
    ("只有一级", "levels_count"), ("", "levels_count"), ("\n".join(str(n) for n in range(11)), "levels_count"),
    ("\n".join(str(n) for n in range(10)), None), ("好\n好", "level_twice"), ("差\n" + "长" * 121, "level_too_long"),
])
def test_levels_need_two_to_ten_distinct_descriptors(text, code):
    assert _code(rules.parse_levels(text)[1]) == code


def test_bands_are_read_from_lines_with_any_separator():
    bands, problem = rules.parse_bands("98 100\n95,80\n90：60\n\n0\t0")
    assert problem is None
    assert bands == [["98", "100"], ["95", "80"], ["90", "60"], ["0", "0"]]
    assert rules.bands_text(bands) == "98 100\n95 80\n90 60\n0 0"
    assert rules.parse_bands("95.50 80.0")[0] == [["95.5", "80"]]


@pytest.mark.parametrize("text, code", [
    ("", "no_bands"), ("95", "band_line"), ("95 80 1", "band_line"), ("abc 80", "band_line"),
    ("95 120", "band_score_range"), ("95 80\n95 60", "band_threshold_twice"), ("NaN 80", "band_line"),
])
def test_bands_that_cannot_stand(text, code):
    assert _code(rules.parse_bands(text)[1]) == code


def test_every_metric_has_usual_bands_that_stand():
    assert set(rules.METRIC_DEFAULTS) == {m.value for m in Metric}
    for default in rules.METRIC_DEFAULTS.values():
        assert rules.parse_bands(rules.bands_text(default.bands))[1] is None


def test_attendance_and_lateness_defaults_score_as_the_company_does():
    attendance, late = rules.metric_default("attendance_rate"), rules.metric_default("late_count")
    assert attendance.higher_is_better and not late.higher_is_better
    assert band_score(D("96.5"), attendance.bands, True) == D("80.00")
    assert band_score(D("1"), late.bands, False) == D("80.00")
    assert band_score(D("6"), late.bands, False) == D("0.00")
    assert rules.metric_default("unknown") is None


METRICS = [m.value for m in Metric]


def _check(**fields):
    return rules.check_criterion(rules.CriterionInput(**fields), METRICS)


def test_a_rating_keeps_its_levels_and_drops_bands():
    checked = _check(kind="rating", weight=D("25"), levels="差\n好", bands="1 1", self_scored=True)
    assert checked.problems == {} and checked.levels == ["差", "好"] and checked.bands == []


def test_a_metric_without_bands_takes_its_usual_ones():
    checked = _check(kind="metric", weight=D("10"), metric="late_count", higher_is_better=True)
    assert checked.problems == {}
    assert checked.bands == [["0", "100"], ["2", "80"], ["5", "60"]] and checked.higher_is_better is False
    typed = _check(kind="metric", weight=D("10"), metric="late_count", bands="0 100\n3 50", higher_is_better=False)
    assert typed.bands == [["0", "100"], ["3", "50"]]


@pytest.mark.parametrize("fields, problems", [
    ({"kind": "rating", "weight": D("0")}, {"weight": "weight_range", "levels": "levels_count"}),
    ({"kind": "kpi", "weight": D("10.005"), "bands": "1 1"}, {"weight": "weight_places"}),
    ({"kind": "kpi", "weight": D("100.01"), "bands": "1 1"}, {"weight": "weight_range"}),
    ({"kind": "kpi", "weight": None, "bands": "1 1"}, {"weight": "weight_range"}),
    ({"kind": "metric", "weight": D("10"), "metric": "", "bands": "1 1"}, {"metric": "metric"}),
    ({"kind": "imported", "weight": D("10"), "kpi_code": " ", "bands": "1 1"}, {"kpi_code": "kpi_code"}),
    ({"kind": "imported", "weight": D("10"), "kpi_code": "csat", "bands": "1 1", "self_scored": True},
     {"self_scored": "self_scored"}),
    ({"kind": "cooking", "weight": D("10")}, {"kind": "kind"}),
    ({"kind": "kpi", "weight": D("100"), "bands": "100 100\n0 0", "self_scored": True}, {}),
])
def test_a_criterions_problems(fields, problems):
    assert {field: p.code for field, p in _check(**fields).problems.items()} == problems


def test_grade_bands_from_the_lowest_totals():
    lows = {"excellent": D("90"), "good": D("80"), "pass": D("60"), "needs_improvement": D("50"), "fail": D("0")}
    assert rules.grade_bands_from(lows) == ([["excellent", "90"], ["good", "80"], ["pass", "60"],
                                             ["needs_improvement", "50"], ["fail", "0"]], None)
    assert _code(rules.grade_bands_from(lows | {"good": D("95")})[1]) == "grade_bands_order"
    assert _code(rules.grade_bands_from(lows | {"fail": D("10")})[1]) == "grade_bands_zero"
    assert _code(rules.grade_bands_from(lows | {"pass": None})[1]) == "grade_bands_incomplete"
    assert rules.grade_lows([])["pass"] == D("60")


def test_a_template_applies_to_a_department_or_a_position():
    assert rules.scope_problem(None, None, False) is None and rules.scope_problem(1, None, True) is None
    assert _code(rules.scope_problem(1, 2, False)) == "scope_both"
    assert _code(rules.scope_problem(None, 2, True)) == "team_position"


def test_a_usable_template_is_in_use_with_weights_of_exactly_100():
    assert rules.template_problem(True, [D("60"), D("40")]) is None
    assert _code(rules.template_problem(False, [D("60"), D("40")])) == "inactive"
    problem = rules.template_problem(True, [D("33.33")] * 3)
    assert problem.code == "weights_sum" and dict(problem.params) == {"total": "99.99"}
    assert _code(rules.template_problem(True, [])) == "no_criteria"


def test_the_weights_sum_written_out():
    assert rules.weights_sum_text([D("33.33")] * 3) == "33.33 × 3 = 99.99"
    assert rules.weights_sum_text([D("25.00"), D("15"), D("60")]) == "25 + 15 + 60 = 100"
    assert rules.weights_sum_text([D("100")]) == "100 = 100" and rules.weights_sum_text([]) == "0"


def test_moving_swaps_with_the_neighbour():
    assert rules.moved([1, 2, 3], 2, -1) == [2, 1, 3] and rules.moved([1, 2, 3], 2, 1) == [1, 3, 2]
    assert rules.moved([1, 2, 3], 1, -1) == [1, 2, 3] and rules.moved([1, 2, 3], 9, 1) == [1, 2, 3]
    assert rules.kpi_code_normal(" CSAT ") == "csat"
