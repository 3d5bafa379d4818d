"""Pure rules of training plans: totals by quarter against the budget, expected new hires per quarter, which plan
states may be edited, and the checks on an item's figures. No Flask, no database."""
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from hrapp.core.validation import ValidationFailed

QUARTERS = (1, 2, 3, 4)
ZERO_HOURS, ZERO_MONEY = Decimal("0.0"), Decimal("0.00")
MAX_PEOPLE, MAX_HOURS, MAX_COST = 100_000, Decimal("9999.9"), Decimal("99999999.99")
EDITABLE = frozenset({"draft", "returned"})

MESSAGES = {
    "what": "Choose a course or give a title.",
    "quarter": "The quarter is 1, 2, 3 or 4.",
    "people": "People is a whole number from 0 to 100000.",
    "hours": "Hours per person is from 0 to 9999.9.",
    "cost": "The cost is from 0 to 99999999.99.",
}


@dataclass(frozen=True)
class Line:
    """An item's figures: `people` attending `hours` each, costing `cost` in all."""

    quarter: int
    people: int
    hours: Decimal
    cost: Decimal

    @property
    def person_hours(self) -> Decimal:
        return Decimal(self.people) * self.hours


@dataclass(frozen=True)
class Totals:
    """Person-hours and cost of a quarter (or of the year)."""

    items: int = 0
    people: int = 0
    person_hours: Decimal = ZERO_HOURS
    cost: Decimal = ZERO_MONEY

    def plus(self, line: Line) -> "Totals":
        return Totals(self.items + 1, self.people + line.people, self.person_hours + line.person_hours,
                      self.cost + line.cost)


@dataclass(frozen=True)
class PlanTotals:
    """A plan's totals per quarter (Q1..Q4) and for the year, against its budget: what is over, by how much."""

    quarters: dict[int, Totals]
    year: Totals
    budget_hours: Decimal
    budget_cost: Decimal

    @property
    def hours_over(self) -> Decimal:
        """Person-hours beyond the budget hours (0 when within it)."""
        return max(self.year.person_hours - self.budget_hours, ZERO_HOURS)

    @property
    def cost_over(self) -> Decimal:
        """Cost beyond the budget cost (0 when within it)."""
        return max(self.year.cost - self.budget_cost, ZERO_MONEY)


def plan_totals(lines: Iterable[Line], budget_hours: Decimal, budget_cost: Decimal) -> PlanTotals:
    """Sum the lines per quarter and for the year (Decimal throughout)."""
    quarters = {q: Totals() for q in QUARTERS}
    year = Totals()
    for line in lines:
        quarters[line.quarter] = quarters[line.quarter].plus(line)
        year = year.plus(line)
    return PlanTotals(quarters, year, Decimal(budget_hours), Decimal(budget_cost))


def spread_evenly(total: int, parts: int = 4) -> tuple[int, ...]:
    """`total` people spread over `parts` quarters as evenly as whole people allow, the earlier ones first
    (5 -> 2, 1, 1, 1); nothing for a total of 0 or less."""
    total = max(total, 0)
    share, rest = divmod(total, parts)
    return tuple(share + (1 if i < rest else 0) for i in range(parts))


def expected_hires(last_year: Sequence[int], planned_headcount: int, active: int) -> tuple[int, ...]:
    """New hires expected per quarter: last year's hires in that quarter, at least the gap between the planned
    headcount and the active staff spread evenly over the year."""
    gap = spread_evenly(planned_headcount - active)
    return tuple(max(int(last_year[i]), gap[i]) for i in range(4))


def is_editable(status) -> bool:
    """Items and the budget change only while the plan is a draft or returned."""
    return str(getattr(status, "value", status)) in EDITABLE


def item_problems(quarter, people, hours, cost, has_course: bool, title: str) -> dict[str, str]:
    """field -> message key (MESSAGES) for the figures of an item; empty when they are fine."""
    problems = {}
    if not has_course and not (title or "").strip():
        problems["title"] = "what"
    if quarter not in QUARTERS:
        problems["quarter"] = "quarter"
    if people is None or not 0 <= people <= MAX_PEOPLE:
        problems["people"] = "people"
    if hours is None or not ZERO_HOURS <= hours <= MAX_HOURS:
        problems["hours"] = "hours"
    if cost is None or not ZERO_MONEY <= cost <= MAX_COST:
        problems["cost"] = "cost"
    return problems


def check_item(quarter, people, hours, cost, has_course: bool, title: str, messages=None) -> None:
    """:raise ValidationFailed: the problems of `item_problems`, worded by `messages` (default: MESSAGES)."""
    words = messages or MESSAGES
    problems = item_problems(quarter, people, hours, cost, has_course, title)
    if problems:
        raise ValidationFailed({field: [words[key]] for field, key in problems.items()})
