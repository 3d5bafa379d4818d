"""The monthly conduct ledger's arithmetic and the legal guard rail (pure: no Flask, no SQLAlchemy).

A person's month is what the final violations and approved rewards of that ledger month carry: fines,
compensation at cost, the deductions they make together, bonuses, the net (bonuses minus deductions) and the
performance points deducted. The guard rail (劳动法 / 工资支付规定): the month's deductions must not exceed
`max_share` of the monthly wage in force on the month's last day, and must not leave less than the local
monthly minimum wage. A person with no wage record is flagged only when the month deducts something.
"""
from dataclasses import dataclass
from decimal import Decimal

from hrapp.core import money

ZERO = Decimal("0.00")
CENT = Decimal("0.01")

# Why a month is flagged (codes; labels.py of the ledger says them to people).
OVER_SHARE = "over_share"
BELOW_MINIMUM = "below_minimum"
NO_WAGE = "no_wage"

# A person's month on the ledger.
OK = "ok"  # within the limits (or nothing deducted)
FLAGGED = "flagged"  # over a limit and not resolved: blocks the month's close
ACCEPTED = "accepted"  # over a limit, HR recorded an override for (at most) these deductions

# Why an adjusted amount is refused (money's codes, plus this one).
ABOVE_RECORDED = "above_recorded"


@dataclass(frozen=True)
class MonthFigures:
    """What a person's month carries (all Decimal yuan, points with one place)."""

    fines: Decimal = ZERO
    compensation: Decimal = ZERO
    rewards: Decimal = ZERO
    points: Decimal = Decimal("0.0")

    @property
    def deductions(self) -> Decimal:
        """Everything taken from the pay: fines plus compensation."""
        return self.fines + self.compensation

    @property
    def net(self) -> Decimal:
        """Bonuses minus deductions (negative: the month takes money from the pay)."""
        return self.rewards - self.deductions


@dataclass(frozen=True)
class Override:
    """An accepted flag: HR's override recorded while the month deducted `deductions`."""

    deductions: Decimal


def guard_rail(deductions: Decimal, wage: Decimal | None, max_share: Decimal,
               minimum_wage: Decimal | None) -> tuple[str, ...]:
    """The flags a month with these `deductions` raises against the monthly `wage` (None: no wage record).

    OVER_SHARE when deductions > max_share × wage (exactly the share passes); BELOW_MINIMUM when
    wage − deductions < minimum_wage (exactly the minimum passes; `minimum_wage` None: not checked); NO_WAGE
    when there is no wage to check against. Nothing deducted raises nothing.
    """
    if deductions <= 0:
        return ()
    if wage is None:
        return (NO_WAGE,)
    flags = []
    if deductions > max_share * wage:
        flags.append(OVER_SHARE)
    if minimum_wage is not None and wage - deductions < minimum_wage:
        flags.append(BELOW_MINIMUM)
    return tuple(flags)


def month_status(flags: tuple[str, ...], deductions: Decimal, override: Override | None) -> str:
    """OK without flags; ACCEPTED when HR's override covers deductions at least as large as today's (an
    override does not cover fines added after it); FLAGGED otherwise."""
    if not flags:
        return OK
    if override is not None and deductions <= override.deductions:
        return ACCEPTED
    return FLAGGED


def adjustment_problem(recorded: Decimal, new: Decimal) -> str | None:
    """Why `new` cannot replace a violation's `recorded` amount (a money problem code, or ABOVE_RECORDED),
    or None: an adjustment only lowers, to a valid amount of at most 2 places, never below zero."""
    problem = money.money_problem(new)
    if problem:
        return problem
    return ABOVE_RECORDED if new > recorded else None

