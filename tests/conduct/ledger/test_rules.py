"""The ledger's pure rules at their boundaries (no app, no database)."""
from decimal import Decimal

import pytest

from hrapp.blueprints.conduct.ledger import rules
from hrapp.blueprints.conduct.ledger.rules import MonthFigures, Override, adjustment_problem, guard_rail, month_status
from hrapp.core import money

SHARE = Decimal("0.20")
WAGE = Decimal("4350.00")


@pytest.mark.parametrize(("deductions", "flags"), [
    (Decimal("0.00"), ()),
    (Decimal("869.99"), ()),
    (Decimal("870.00"), ()),  # exactly 20% passes
    (Decimal("870.01"), (rules.OVER_SHARE,)),  # 20% + 0.01 flags
])
def test_share_of_the_wage(deductions, flags):
    assert guard_rail(deductions, WAGE, SHARE, None) == flags


@pytest.mark.parametrize(("deductions", "flags"), [
    (Decimal("350.00"), ()),  # leaves exactly the minimum: passes
    (Decimal("350.01"), (rules.BELOW_MINIMUM,)),
])
def test_minimum_wage(deductions, flags):
    assert guard_rail(deductions, WAGE, SHARE, Decimal("4000.00")) == flags


def test_both_limits_and_no_minimum_configured():
    assert guard_rail(Decimal("900.00"), WAGE, SHARE, Decimal("4000.00")) == (rules.OVER_SHARE, rules.BELOW_MINIMUM)
    assert guard_rail(Decimal("900.00"), Decimal("2000.00"), Decimal("0.50"), None) == ()


def test_no_wage_flags_only_with_deductions():
    assert guard_rail(Decimal("0.01"), None, SHARE, None) == (rules.NO_WAGE,)
    assert guard_rail(Decimal("0.00"), None, SHARE, Decimal("2000.00")) == ()


def test_a_settings_share_other_than_20_percent():
    assert guard_rail(Decimal("1305.00"), WAGE, Decimal("0.30"), None) == ()
    assert guard_rail(Decimal("1305.01"), WAGE, Decimal("0.30"), None) == (rules.OVER_SHARE,)


def test_month_figures():
    f = MonthFigures(fines=Decimal("100.00"), compensation=Decimal("50.50"), rewards=Decimal("200.00"),
                     points=Decimal("3.0"))
    assert f.deductions == Decimal("150.50") and f.net == Decimal("49.50")
    assert MonthFigures().net == Decimal("0.00")


def test_status_with_and_without_an_override():
    flags = (rules.OVER_SHARE,)
    assert month_status((), Decimal("10.00"), None) == rules.OK
    assert month_status(flags, Decimal("900.00"), None) == rules.FLAGGED
    assert month_status(flags, Decimal("900.00"), Override(Decimal("900.00"))) == rules.ACCEPTED
    # a fine added after the override flags the month again
    assert month_status(flags, Decimal("900.01"), Override(Decimal("900.00"))) == rules.FLAGGED


@pytest.mark.parametrize(("new", "problem"), [
    (Decimal("100.00"), None),  # unchanged is allowed (nothing lowered)
    (Decimal("99.99"), None),
    (Decimal("0.00"), None),
    (Decimal("100.01"), rules.ABOVE_RECORDED),
    (Decimal("-0.01"), money.NEGATIVE),
    (Decimal("1.005"), money.PRECISION),
    (Decimal("NaN"), money.NOT_FINITE),
    (Decimal("Infinity"), money.NOT_FINITE),
])
def test_an_adjusted_amount(new, problem):
    assert adjustment_problem(Decimal("100.00"), new) == problem
