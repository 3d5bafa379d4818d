"""CP-SAT generation on small cases: hard rules hold, demand met, shortfalls named (no app, no database)."""
from collections import Counter
from datetime import date, time, timedelta

import pytest

from hrapp.blueprints.roster.generation import (
    FIXED_CELL,
    ONE_SHIFT_PER_DAY,
    FairnessCounts,
    GenerationProblem,
    facts_of,
    generate,
)
from hrapp.blueprints.roster.rules import ContextShift, RuleSettings, ShiftSpec, check_roster

pytestmark = pytest.mark.unit  # pure: no app, no database

MON = date(2026, 3, 2)
DAYS = tuple(MON + timedelta(days=i) for i in range(14))
SHIFTS = {
    "早": ShiftSpec("早", time(7), time(15), 30),
    "中": ShiftSpec("中", time(14), time(22), 30),
    "夜": ShiftSpec("夜", time(22), time(6), 60, is_night=True),
    "休": ShiftSpec("休", kind="rest"),
}
FAST = {"time_limit_s": 5.0, "polish_time_s": 1.0, "num_workers": 2, "random_seed": 1}


def demand(early=2, late=2, night=1, days=DAYS):
    return {(d, code): n for d in days for code, n in (("早", early), ("中", late), ("夜", night)) if n}


def problem(staff=8, **kw) -> GenerationProblem:
    args = {"days": DAYS, "staff_ids": tuple(range(1, staff + 1)), "shifts": SHIFTS, "rest_code": "休",
            "demand": demand(), "department_id": 1, **FAST} | kw
    return GenerationProblem(**args)


def test_feasible_case_meets_demand_and_every_hard_rule():
    p = problem()
    result = generate(p)
    assert result.ok and not result.shortfalls
    assert [b for b in check_roster(result.assignments, facts_of(p)) if b.is_hard] == []
    counts = Counter((a.day, a.shift_code) for a in result.assignments)
    assert all(counts[key] >= need for key, need in p.demand.items())
    # One cell per person and day.
    assert len({(a.staff_id, a.day) for a in result.assignments}) == len(result.assignments) == 8 * 14


def test_fixed_cells_unavailable_days_and_history_are_respected():
    context = (ContextShift(1, MON - timedelta(days=1), SHIFTS["夜"], 1),)  # night into Monday 06:00
    p = problem(fixed={(2, DAYS[3]): "夜", (3, DAYS[0]): "休"}, unavailable=frozenset({(4, DAYS[1])}),
                context=context)
    result = generate(p)
    by = {(a.staff_id, a.day): a.shift_code for a in result.assignments}
    assert result.ok
    assert by[(2, DAYS[3])] == "夜" and by[(3, DAYS[0])] == "休" and (4, DAYS[1]) not in by
    assert by[(1, DAYS[0])] in ("夜", "休")  # no early or late after the night before the period
    assert [b for b in check_roster(result.assignments, facts_of(p)) if b.is_hard] == []


def test_fairness_spreads_nights_with_history():
    prior = {1: FairnessCounts(nights=6)}
    result = generate(problem(prior_counts=prior))
    nights = Counter(a.staff_id for a in result.assignments if a.shift_code == "夜")
    assert nights[1] <= min(nights[s] for s in range(2, 9))


def test_requested_days_off_are_granted_when_possible():
    wishes = frozenset({(5, DAYS[5]), (6, DAYS[6])})
    result = generate(problem(requested_off=wishes))
    by = {(a.staff_id, a.day): a.shift_code for a in result.assignments}
    assert by[(5, DAYS[5])] == "休" and by[(6, DAYS[6])] == "休"


def test_infeasible_case_names_the_short_days_and_shifts():
    # Two people cannot staff two early shifts every day: weekly hours (5 x 7.5 h max) and rest bind.
    days = DAYS[:7]
    p = problem(staff=2, days=days, demand={**demand(2, 0, 0, days), (days[2], "夜"): 1},
                unavailable=frozenset({(2, days[4])}), unavailable_reasons={(2, days[4]): "on_leave"})
    result = generate(p)
    assert result.status == "short" and result.assignments == ()  # no silent partial roster
    short = {(s.day, s.shift_code): s for s in result.shortfalls}
    assert sum(s.missing for s in result.shortfalls) == 14 + 1 - 10  # 5 shifts each at most
    friday = short[(days[4], "早")]
    assert "on_leave" in dict(friday.binding)
    reasons = {code for s in result.shortfalls for code, _ in s.binding}
    assert reasons & {"weekly_hours_exceeded", "rest_too_short", ONE_SHIFT_PER_DAY}
    assert result.proven


def test_partial_roster_only_when_asked():
    days = DAYS[:7]
    p = problem(staff=1, days=days, demand=demand(1, 1, 0, days))
    result = generate(p, allow_partial=True)
    assert result.status == "short" and result.assignments
    assert all(s.missing == 1 for s in result.shortfalls)


def test_fixed_cell_is_a_binding_reason():
    days = DAYS[:1]
    p = problem(staff=2, days=days, demand={(days[0], "早"): 2}, fixed={(2, days[0]): "休"})
    result = generate(p)
    assert result.shortfalls[0].binding == ((FIXED_CELL, 1),)


def test_comprehensive_hours_allow_a_heavy_week():
    settings = RuleSettings(comprehensive_hours=True)
    days = DAYS
    # Six earlies in week one need 45 h: impossible week by week, fine averaged over two weeks.
    need = {(d, "早"): 1 for d in days[:6]} | {(days[7], "早"): 1}
    assert generate(problem(staff=1, days=days, demand=need)).status == "short"
    assert generate(problem(staff=1, days=days, demand=need, settings=settings)).ok
