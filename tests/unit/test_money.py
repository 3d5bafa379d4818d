"""The one money parser and check (hrapp.core.money) and the pay rules (hrapp.core.pay): no app, no database."""
from datetime import date
from decimal import Decimal

import pytest

from hrapp.core import money
from hrapp.core.money import MoneyError, daily_from_monthly, money_problem, parse_money
from hrapp.core.pay import BELOW_MINIMUM, PayPolicy, explicit_daily_for, wage_of, wage_problems


@pytest.mark.parametrize(("value", "expected"), [
    ("4500", Decimal("4500.00")),
    ("4,500.5", Decimal("4500.50")),
    (" 12 ", Decimal("12.00")),
    (4500.1, Decimal("4500.10")),
    (200, Decimal("200.00")),
    (Decimal("0.1"), Decimal("0.10")),
    ("-0", Decimal("0.00")),
    ("99999999.99", Decimal("99999999.99")),
    ("", None),
    (None, None),
])
def test_parse_money_gives_two_places(value, expected):
    amount = parse_money(value)
    assert amount == expected
    assert amount is None or amount.as_tuple().exponent == -2


@pytest.mark.parametrize(("value", "code"), [
    ("Infinity", money.NOT_FINITE),
    ("-Infinity", money.NOT_FINITE),
    ("inf", money.NOT_FINITE),
    ("nan", money.NOT_FINITE),
    ("sNaN", money.NOT_FINITE),
    (float("inf"), money.NOT_FINITE),
    (float("nan"), money.NOT_FINITE),
    (Decimal("Infinity"), money.NOT_FINITE),
    ("1e999", money.TOO_LARGE),
    (10 ** 30, money.TOO_LARGE),
    ("100000000.00", money.TOO_LARGE),
    ("1e5", money.NOT_A_NUMBER),
    ("12,34", money.NOT_A_NUMBER),
    ("abc", money.NOT_A_NUMBER),
    (True, money.NOT_A_NUMBER),
    ("-1", money.NEGATIVE),
    ("1.005", money.PRECISION),
    (0.1 + 0.2, money.PRECISION),
])
def test_parse_money_refuses(value, code):
    with pytest.raises(MoneyError) as caught:
        parse_money(value)
    assert caught.value.code == code


def test_negative_only_when_asked_and_ceiling_is_configurable():
    assert parse_money("-12.5", allow_negative=True) == Decimal("-12.50")
    assert money_problem(Decimal("-100000000"), allow_negative=True) == money.TOO_LARGE
    with pytest.raises(MoneyError) as caught:
        parse_money("1000.01", max_amount=Decimal("1000"))
    assert (caught.value.code, caught.value.max_amount) == (money.TOO_LARGE, Decimal("1000"))
    assert parse_money("1000", max_amount=Decimal("1000")) == Decimal("1000.00")


@pytest.mark.parametrize(("monthly", "paid_days", "daily"), [
    ("4350.00", "21.75", "200.00"),
    ("2690.00", "21.75", "123.68"),   # 123.678... rounds up
    ("1.00", "21.75", "0.05"),        # 0.04597... half-up
    ("0.00", "21.75", "0.00"),
    ("3000.00", "20.83", "144.02"),
])
def test_daily_from_monthly_rounds_half_up(monthly, paid_days, daily):
    assert daily_from_monthly(Decimal(monthly), Decimal(paid_days)) == Decimal(daily)


def test_daily_from_monthly_needs_positive_paid_days():
    with pytest.raises(ValueError):
        daily_from_monthly(Decimal("4350"), Decimal("0"))


def test_wage_of_derives_or_keeps_the_explicit_daily():
    assert wage_of(Decimal("4350.00"), None) == wage_of(Decimal("4350.00"), None, Decimal("21.75"))
    assert wage_of(Decimal("4350.00"), None).daily == Decimal("200.00")
    explicit = wage_of(Decimal("4350.00"), Decimal("210.00"), since=date(2026, 1, 1))
    assert (explicit.monthly, explicit.daily, explicit.since) == (Decimal("4350.00"), Decimal("210.00"), date(2026, 1, 1))


def test_explicit_daily_is_stored_only_when_it_differs():
    assert explicit_daily_for(Decimal("4350.00"), Decimal("200.00")) is None
    assert explicit_daily_for(Decimal("4350.00"), Decimal("210.00")) == Decimal("210.00")
    assert explicit_daily_for(Decimal("0.00"), Decimal("180.00")) == Decimal("180.00")


def test_wage_problems_minimum_wage_and_ceiling():
    policy = PayPolicy(max_amount=Decimal("50000"), minimum_monthly_wage=Decimal("2690.00"))
    assert wage_problems(Decimal("2690.00"), Decimal("0"), policy) == {}
    assert wage_problems(Decimal("2689.99"), Decimal("0"), policy) == {"monthly": [BELOW_MINIMUM]}
    assert wage_problems(Decimal("0"), Decimal("150"), policy) == {}  # paid by the day
    assert wage_problems(Decimal("50000.01"), Decimal("-1"), policy) == {
        "monthly": [money.TOO_LARGE], "daily": [money.NEGATIVE]}
    assert wage_problems(Decimal("Infinity"), Decimal("NaN"), PayPolicy()) == {
        "monthly": [money.NOT_FINITE], "daily": [money.NOT_FINITE]}
    assert wage_problems(Decimal("100"), Decimal("0"), PayPolicy()) == {}  # no minimum set
