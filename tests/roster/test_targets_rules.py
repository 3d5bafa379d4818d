"""Contracted working days and allowed shifts: the pure rules and the CP-SAT model (no app, no database)."""
from collections import Counter
from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from hrapp.blueprints.roster.generation import NOT_ALLOWED, GenerationProblem, facts_of, generate
from hrapp.blueprints.roster.rules import ShiftSpec, check_roster
from hrapp.blueprints.roster.rules.targets import (
    ResolvedTerms,
    WorkTarget,
    WorkTerms,
    defaults_problems,
    office_days,
    person_target,
    resolve_terms,
    target_days,
    target_range,
    terms_problems,
)

pytestmark = pytest.mark.unit

FEB = tuple(date(2026, 2, 1) + timedelta(days=i) for i in range(28))
SHIFTS = {
    "早": ShiftSpec("早", time(7), time(15), 30),
    "中": ShiftSpec("中", time(14), time(22), 30),
    "夜": ShiftSpec("夜", time(22), time(6), 60, is_night=True),
    "常": ShiftSpec("常", time(9), time(18), 60),
    "休": ShiftSpec("休", kind="rest"),
}
FAST = {"time_limit_s": 8.0, "polish_time_s": 3.0, "num_workers": 2, "random_seed": 1}
SPRING = {date(2026, 2, 15) + timedelta(days=i): "holiday" for i in range(9)} | {
    date(2026, 2, 14): "workday", date(2026, 2, 28): "workday"}


def test_a_full_month_owes_the_monthly_figure_whatever_its_length():
    assert target_days(Decimal("21.75"), FEB) == Decimal("21.75")
    march = [date(2026, 3, 1) + timedelta(days=i) for i in range(31)]
    assert target_days(Decimal("21.75"), march) == Decimal("21.75")


def test_partial_months_and_leave_are_prorated_by_day():
    assert target_days(Decimal("21.75"), FEB[:14]) == Decimal("10.88")  # half of February
    week = [date(2026, 3, 30) + timedelta(days=i) for i in range(7)]  # two days of March, five of April
    assert target_days(Decimal("21.75"), week) == (Decimal("21.75") * (Decimal(2) / 31 + Decimal(5) / 30)).quantize(
        Decimal("0.01"))


@pytest.mark.parametrize(("target", "tolerance", "expected"), [
    (Decimal("21.75"), Decimal("1"), (21, 22)), (Decimal("21.75"), Decimal("0"), (22, 22)),
    (Decimal("16"), Decimal("1"), (15, 17)), (Decimal("0.4"), Decimal("1"), (0, 1)),
])
def test_target_range_is_whole_days_within_the_tolerance(target, tolerance, expected):
    assert target_range(target, tolerance) == expected


def test_terms_fall_back_field_by_field():
    position = WorkTerms(shift_codes=frozenset({"常"}), office_days_only=True)
    person = WorkTerms(days_per_month=Decimal("10"), office_days_only=False)
    assert resolve_terms(person, position, Decimal("21.75")) == ResolvedTerms(Decimal("10"), frozenset({"常"}), False)
    assert resolve_terms(None, None, Decimal("22")) == ResolvedTerms(Decimal("22"), None, False)


def test_office_days_follow_the_company_calendar_and_cap_an_office_workers_target():
    office = office_days(FEB, SPRING)
    assert len(office) == 16 and date(2026, 2, 14) in office and date(2026, 2, 16) not in office
    manager = ResolvedTerms(Decimal("21.75"), frozenset({"常"}), True)
    assert person_target(manager, Decimal("1"), FEB, office) == WorkTarget(Decimal("16"), 15, 17)


def test_impossible_terms_and_defaults_are_named():
    assert terms_problems(WorkTerms(Decimal("32"), frozenset({"X"})), {"早"}) == {
        "days_per_month": ["days_per_month_range"], "shift_codes": ["terms_unknown_shift"]}
    assert defaults_problems(Decimal("21.75"), Decimal("11")) == {"tolerance": ["tolerance_range"]}
    assert terms_problems(WorkTerms(Decimal("21.75"), frozenset({"早"})), {"早"}) == {}


def _february(**kw) -> GenerationProblem:
    """Six people, one of them (1) a manager on 常 office days; demand one 早/中/夜 a day, nothing on 常."""
    staff = tuple(range(1, 7))
    args = {"days": FEB, "staff_ids": staff, "shifts": SHIFTS, "rest_code": "休",
            "demand": {(d, k): 1 for d in FEB for k in ("早", "中", "夜")}, "department_id": 1,
            "allowed_shifts": {1: frozenset({"常"})}, "allowed_days": {1: office_days(FEB, SPRING)},
            "targets": {1: WorkTarget(Decimal("16"), 15, 17)} | {s: WorkTarget(Decimal("21.75"), 21, 22)
                                                                 for s in staff[1:]}, **FAST} | kw
    return GenerationProblem(**args)


def test_generation_meets_each_target_and_keeps_the_manager_on_office_days():
    p = _february()
    result = generate(p)
    assert result.ok and result.target_misses == ()
    worked = Counter(a.staff_id for a in result.assignments if SHIFTS[a.shift_code].is_work)
    assert all(21 <= worked[s] <= 22 for s in range(2, 7)) and 15 <= worked[1] <= 17
    manager = {a.day: a.shift_code for a in result.assignments if a.staff_id == 1}
    assert {code for day, code in manager.items() if code != "休"} == {"常"}
    assert all(day in office_days(FEB, SPRING) for day, code in manager.items() if code == "常")
    assert [b for b in check_roster(result.assignments, facts_of(p)) if b.is_hard] == []


def test_without_targets_demand_alone_leaves_people_far_below_a_month():
    """The February case: with nothing owed, meeting the demand gives about 17 days each, not 21-22."""
    result = generate(_february(targets={}))
    worked = Counter(a.staff_id for a in result.assignments if SHIFTS[a.shift_code].is_work and a.staff_id != 1)
    assert min(worked.values()) < 21


def test_a_target_the_hard_rules_cannot_reach_is_a_reported_miss_not_a_failure():
    p = _february(targets={2: WorkTarget(Decimal("28"), 28, 28)})  # max six days in a row forbids 28
    result = generate(p)
    assert result.ok
    (miss,) = result.target_misses
    assert miss.staff_id == 2 and miss.worked < 28 and not miss.limited_by_availability


def test_a_shift_only_the_manager_could_take_is_reported_as_not_allowed():
    p = _february(demand={(FEB[1], "夜"): 1}, staff_ids=(1,), targets={})
    result = generate(p)
    assert result.status == "short"
    assert dict(result.shortfalls[0].binding) == {NOT_ALLOWED: 1}
