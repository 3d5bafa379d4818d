"""The review's pure rules: the deadline in the company's day, who may still respond, the adjustment ceiling of
each rule kind (with the ladder), the amount checks and the cap."""
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from hrapp.blueprints.conduct import penalty
from hrapp.blueprints.conduct.penalty import PenaltyInput, RuleTerms, Step
from hrapp.blueprints.conduct.review import rules

pytestmark = pytest.mark.unit
D = Decimal
SHANGHAI = ZoneInfo("Asia/Shanghai")
DEADLINE = date(2026, 5, 20)


def test_local_day_follows_the_company_zone():
    assert rules.local_day(datetime(2026, 5, 20, 15, 59), SHANGHAI) == date(2026, 5, 20)
    assert rules.local_day(datetime(2026, 5, 20, 16, 0), SHANGHAI) == date(2026, 5, 21)


@pytest.mark.parametrize("today,open_", [(date(2026, 5, 19), True), (DEADLINE, True), (date(2026, 5, 21), False)])
def test_the_deadline_day_itself_is_still_open(today, open_):
    assert rules.may_still_respond(DEADLINE, today) is open_
    assert rules.silence_due(DEADLINE, today) is (not open_)


def test_no_deadline_never_acknowledges_by_silence():
    assert rules.may_still_respond(None, date(2030, 1, 1)) and not rules.silence_due(None, date(2030, 1, 1))


@pytest.mark.parametrize("state,today,appealing,code", [
    ("submitted", DEADLINE, True, None),
    ("submitted", date(2026, 5, 21), True, rules.DEADLINE_PASSED),
    ("submitted", date(2026, 5, 21), False, rules.DEADLINE_PASSED),
    ("appealed", DEADLINE, True, rules.ALREADY_APPEALED),
    ("appealed", DEADLINE, False, rules.ALREADY_RESPONDED),
    ("acknowledged", DEADLINE, True, rules.ALREADY_RESPONDED),
    ("final", DEADLINE, False, rules.ALREADY_RESPONDED),
])
def test_response_refusals(state, today, appealing, code):
    assert rules.response_refusal(state, DEADLINE, today, appealing) == code


LADDER = (Step(2, D("2"), "written_warning"),)


@pytest.mark.parametrize("terms,given,recorded,ceiling", [
    (RuleTerms(kind="fine_range", min_amount=D("5"), max_amount=D("10")), PenaltyInput(), D("8"), D("10.00")),
    (RuleTerms(kind="fine_range", min_amount=D("5"), max_amount=D("10"), lookback_days=90, ladder=LADDER),
     PenaltyInput(prior_occurrences=1), D("16"), D("20.00")),
    (RuleTerms(kind="fine_range", min_amount=D("5")), PenaltyInput(), D("8"), None),
    (RuleTerms(kind="fine_min", min_amount=D("50")), PenaltyInput(), D("80"), None),
    (RuleTerms(kind="compensation"), PenaltyInput(), D("123.45"), D("123.45")),
    (RuleTerms(kind="daily_wage_multiple", factor=D("3")), PenaltyInput(daily_wage=D("200.00")), D("600"), D("600.00")),
    (RuleTerms(kind="daily_wage_multiple", factor=D("3")), PenaltyInput(), D("600.00"), D("600.00")),  # no wage now
    (RuleTerms(kind="amount_multiple", factor=D("2")), PenaltyInput(amount_involved=D("50")), D("100"), D("100.00")),
    (RuleTerms(kind="warning_only"), PenaltyInput(), D("0"), D("0.00")),
    (RuleTerms(kind="fine_range", form="points", min_amount=D("5"), max_amount=D("10"), points=D("2")),
     PenaltyInput(), D("0"), D("0.00")),
])
def test_amount_ceiling(terms, given, recorded, ceiling):
    assert rules.amount_ceiling(terms, given, recorded) == ceiling


@pytest.mark.parametrize("amount,ceiling,codes", [
    (None, D("10"), [penalty.AMOUNT_REQUIRED]),
    (D("0"), D("10"), []),
    (D("10.00"), D("10.00"), []),
    (D("10.01"), D("10.00"), [rules.AMOUNT_ABOVE_ALLOWED]),
    (D("99999"), None, []),
    (D("-1"), None, ["pay_negative"]),
    (D("1.005"), None, ["pay_precision"]),
    (D("NaN"), None, ["money_not_finite"]),
])
def test_adjustment_problems(amount, ceiling, codes):
    assert rules.adjustment_problems(amount, ceiling) == codes


@pytest.mark.parametrize("amount,cap,needed", [(D("500.00"), D("500.00"), False), (D("500.01"), D("500.00"), True),
                                               (D("99999"), None, False)])
def test_the_cap(amount, cap, needed):
    assert rules.needs_second_approval(amount, cap) is needed
