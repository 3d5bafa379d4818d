"""The rewards part's pure rules: a proposal's kind, bonus range and date; a measure's days and targets; revoking."""
from datetime import date
from decimal import Decimal

import pytest

from hrapp.blueprints.conduct.rewards import rules
from hrapp.blueprints.conduct.rewards.rules import MeasureInput, RewardInput, RewardTerms

pytestmark = pytest.mark.unit
D = Decimal
TODAY = date(2026, 6, 1)
BONUS = RewardTerms("bonus", D("100.00"), D("5000.00"))
OPEN_BONUS = RewardTerms("bonus", D("100.00"), None)
COMMENDATION = RewardTerms("commendation")


def given(kind="bonus", amount="300.00", day=date(2026, 5, 12), reason="表扬", **kw) -> RewardInput:
    return RewardInput(kind, day, D(amount) if amount is not None else None, reason, TODAY,
                       kw.pop("hire_on", date(2020, 1, 1)), kw.pop("left_on", None))


@pytest.mark.parametrize("amount,ok", [("99.99", False), ("100.00", True), ("5000.00", True), ("5000.01", False),
                                       ("-1", False), ("1.001", False), ("NaN", False), (None, False)])
def test_bonus_range_bounds(amount, ok):
    assert (not rules.reward_problems(BONUS, given(amount=amount))) is ok


def test_a_bonus_without_a_maximum_is_open_above():
    assert not rules.reward_problems(OPEN_BONUS, given(amount="99999.00"))
    assert rules.reward_problems(OPEN_BONUS, given(amount="99.00")) == {"amount": [rules.AMOUNT_OUT_OF_RANGE]}


def test_kinds_and_amounts():
    assert not rules.reward_problems(COMMENDATION, given("commendation", amount=None))
    assert not rules.reward_problems(BONUS, given("promotion", amount="0"))
    assert rules.reward_problems(COMMENDATION, given("bonus")) == {"kind": [rules.BONUS_NOT_IN_RULE]}
    assert rules.reward_problems(BONUS, given("promotion")) == {"amount": [rules.AMOUNT_NOT_ALLOWED]}
    assert rules.reward_problems(BONUS, given("medal")) == {"kind": [rules.KIND_UNKNOWN]}
    assert rules.reward_problems(RewardTerms("fine_range", category="penalty"), given("commendation", None)) == {
        "rule_code": [rules.RULE_NOT_REWARD]}


@pytest.mark.parametrize("day,kw,code", [
    (date(2026, 6, 2), {}, rules.DATE_FUTURE), (date(2019, 12, 31), {}, rules.DATE_BEFORE_HIRE),
    (date(2026, 5, 2), {"left_on": date(2026, 5, 1)}, rules.DATE_AFTER_LEAVING)])
def test_dates(day, kw, code):
    assert rules.reward_problems(BONUS, given(day=day, **kw)) == {"awarded_on": [code]}
    assert not rules.reward_problems(BONUS, given(day=TODAY))


def test_reason_required():
    assert rules.reward_problems(BONUS, given(reason="  ")) == {"reason": [rules.REASON_REQUIRED]}


def measure(kind, starts=date(2026, 5, 1), ends=None, **kw) -> MeasureInput:
    return MeasureInput(kind, starts, ends, TODAY, date(2020, 1, 1), kw.pop("left_on", None), 1,
                        kw.pop("position_id", 10), **kw)


def test_measure_rules():
    assert not rules.measure_problems(measure("final_warning"))
    assert rules.measure_problems(measure("unpaid_suspension")) == {"ends_on": [rules.END_REQUIRED]}
    assert rules.measure_problems(measure("unpaid_suspension", ends=date(2026, 4, 30))) == {
        "ends_on": [rules.END_BEFORE_START]}
    assert not rules.measure_problems(measure("unpaid_suspension", ends=date(2026, 5, 1)))
    assert rules.measure_problems(measure("unpaid_suspension", ends=date(2026, 5, 3), overlapping_suspension=True)
                                  ) == {"starts_on": [rules.SUSPENSION_OVERLAP]}
    assert rules.measure_problems(measure("warning", ends=date(2026, 5, 3))) == {"ends_on": [rules.END_NOT_ALLOWED]}
    assert rules.measure_problems(measure("demotion", to_position_id=10)) == {
        "to_position_id": [rules.POSITION_UNCHANGED]}
    assert rules.measure_problems(measure("transfer", to_department_id=1, to_position_id=10)) == {
        "to_department_id": [rules.TRANSFER_UNCHANGED]}
    assert not rules.measure_problems(measure("transfer", to_department_id=2))
    assert rules.measure_problems(measure("dismissal", starts=date(2026, 6, 2))) == {"starts_on": [rules.DATE_FUTURE]}
    assert rules.measure_problems(measure("warning", left_on=date(2026, 1, 1))) == {
        "staff_number": [rules.ALREADY_LEFT]}
    assert rules.measure_problems(measure("exile")) == {"kind": [rules.MEASURE_UNKNOWN]}


def test_revoke_rules():
    assert rules.revoke_problems("dismissal", False, "x") == {"note": [rules.REVOKE_DISMISSAL]}
    assert rules.revoke_problems("warning", True, "x") == {"note": [rules.ALREADY_REVOKED]}
    assert rules.revoke_problems("warning", False, " ") == {"note": [rules.REASON_REQUIRED]}
    assert not rules.revoke_problems("unpaid_suspension", False, "申诉成立")
    assert rules.active_on(date(2026, 5, 1), date(2026, 5, 3), False, date(2026, 5, 3))
    assert not rules.active_on(date(2026, 5, 1), date(2026, 5, 3), True, date(2026, 5, 2))
