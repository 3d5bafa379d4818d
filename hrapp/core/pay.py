"""Pay rules (pure): a wage from a pay record, the company's pay policy, and what makes a wage acceptable.

The database side (which record is in force on a day, recording a change) is hrapp/pay.py.
"""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hrapp.core.money import DEFAULT_MAX_AMOUNT, DEFAULT_PAID_DAYS_PER_MONTH, daily_from_monthly, money_problem

BELOW_MINIMUM = "below_minimum_wage"


@dataclass(frozen=True)
class PayPolicy:
    """The company's pay limits: the money ceiling, the local monthly minimum wage (None: not set)
    and the paid days per month that turn a monthly wage into a daily one."""

    max_amount: Decimal = DEFAULT_MAX_AMOUNT
    minimum_monthly_wage: Decimal | None = None
    paid_days_per_month: Decimal = DEFAULT_PAID_DAYS_PER_MONTH


@dataclass(frozen=True)
class Wage:
    """A person's wage on a day: monthly and daily, in yuan, 2 places; `since` is the record's date."""

    monthly: Decimal
    daily: Decimal
    since: date | None = None


def wage_of(monthly: Decimal, explicit_daily: Decimal | None, paid_days: Decimal = DEFAULT_PAID_DAYS_PER_MONTH,
            since: date | None = None) -> Wage:
    """The wage a pay record gives: the explicit daily wage when set, else monthly / `paid_days`
    rounded to 0.01 half-up (4350.00 / 21.75 = 200.00)."""
    daily = explicit_daily if explicit_daily is not None else daily_from_monthly(monthly, paid_days)
    return Wage(monthly=monthly, daily=daily, since=since)


def explicit_daily_for(monthly: Decimal, daily: Decimal,
                       paid_days: Decimal = DEFAULT_PAID_DAYS_PER_MONTH) -> Decimal | None:
    """What a pay record stores as its explicit daily wage when both figures are entered:
    None when `daily` is what the monthly wage gives anyway, else `daily` itself."""
    return None if daily == daily_from_monthly(monthly, paid_days) else daily


def wage_problems(monthly: Decimal, daily: Decimal, policy: PayPolicy) -> dict[str, list[str]]:
    """Problem codes per field ("monthly", "daily") for a wage under `policy` (empty if acceptable).

    Each amount must be a valid money amount (hrapp.core.money codes). A monthly wage other than 0
    must not be below the minimum wage (BELOW_MINIMUM); 0 means no monthly wage (someone paid by
    the day, or pay not entered yet).
    """
    problems: dict[str, list[str]] = {}
    for name, amount in (("monthly", monthly), ("daily", daily)):
        code = money_problem(amount, max_amount=policy.max_amount)
        if code:
            problems[name] = [code]
    minimum = policy.minimum_monthly_wage
    if "monthly" not in problems and minimum and 0 < monthly < minimum:
        problems["monthly"] = [BELOW_MINIMUM]
    return problems
