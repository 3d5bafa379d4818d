"""The monthly ledger read from the database, set-based: a handful of aggregate queries for any number of
people (the month's violations and rewards per person, the wages in force on the month's last day, HR's
resolutions), then the pure rules per person. The ledger page, the export, the CLI, the close check and the
benchmark all compute it here.
"""
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache

import sqlalchemy as sa

from hrapp.blueprints.conduct.settings import conduct_settings
from hrapp.core.periods import Period
from hrapp.extensions import db
from hrapp.models import (
    ConductRuleVersion,
    Department,
    LedgerResolution,
    LedgerResolutionKind,
    PayRate,
    Reward,
    RewardState,
    RuleKind,
    StaffMember,
    Violation,
    ViolationState,
)
from hrapp.models.conduct import POINTS
from hrapp.models.staff import MONEY
from hrapp.pay import pay_policy

from . import rules
from .rules import MonthFigures, Override

# Violations that must be decided (or deferred) before their ledger month closes.
OPEN_STATES = frozenset({ViolationState.SUBMITTED, ViolationState.ACKNOWLEDGED, ViolationState.APPEALED,
                         ViolationState.REFERRED, ViolationState.AWAITING_SECOND})


@dataclass(frozen=True)
class LedgerLine:
    """One person's month: the figures, the wage checked against, the flags, the status and HR's resolution."""

    staff_id: int
    figures: MonthFigures
    wage: Decimal | None
    flags: tuple[str, ...]
    status: str
    resolution: LedgerResolution | None = None
    violation_count: int = 0
    reward_count: int = 0

    @property
    def flagged(self) -> bool:
        """Over a limit and not resolved: blocks the close."""
        return self.status == rules.FLAGGED


@dataclass(frozen=True)
class Ledger:
    """A month's ledger for a set of people: staff id -> line (only people with records that month)."""

    month: Period
    lines: dict[int, LedgerLine] = field(default_factory=dict)

    @property
    def totals(self) -> MonthFigures:
        """The figures summed over every line."""
        return MonthFigures(fines=sum((x.figures.fines for x in self.lines.values()), rules.ZERO),
                            compensation=sum((x.figures.compensation for x in self.lines.values()), rules.ZERO),
                            rewards=sum((x.figures.rewards for x in self.lines.values()), rules.ZERO),
                            points=sum((x.figures.points for x in self.lines.values()), Decimal("0.0")))

    def flagged_ids(self) -> list[int]:
        """The people whose month is flagged and unresolved."""
        return [x.staff_id for x in self.lines.values() if x.flagged]


def violation_on_ledger(month=None) -> sa.ColumnElement[bool]:
    """SQL condition on Violation: it counts on the ledger (final), of ledger month `month` when given (a month
    name or a bound parameter). The one definition the ledger, the home pages, the charts and the metrics use."""
    final = Violation.state == ViolationState.FINAL
    return final if month is None else sa.and_(Violation.ledger_month == month, final)


def reward_on_ledger(month=None) -> sa.ColumnElement[bool]:
    """SQL condition on Reward: it counts on the ledger (approved), of ledger month `month` when given."""
    approved = Reward.state == RewardState.APPROVED
    return approved if month is None else sa.and_(Reward.ledger_month == month, approved)


_ZERO_MONEY = sa.literal(Decimal("0.00"), MONEY)


def fine_amount() -> sa.ColumnElement:
    """SQL expression: what a violation fines (its amount, nothing for compensation for damage). Needs the
    violation's ConductRuleVersion joined (`Violation.rule_version_id`)."""
    return sa.case((ConductRuleVersion.kind == RuleKind.COMPENSATION, _ZERO_MONEY), else_=Violation.amount)


def compensation_amount() -> sa.ColumnElement:
    """SQL expression: what a violation charges as compensation for damage (at cost, apart from fines). Needs the
    violation's ConductRuleVersion joined."""
    return sa.case((ConductRuleVersion.kind == RuleKind.COMPENSATION, Violation.amount), else_=_ZERO_MONEY)


def final_violations(month: str):
    """SELECT of the people with violations a ledger month carries."""
    return sa.select(Violation.staff_id).where(violation_on_ledger(month))


def approved_rewards(month: str):
    """SELECT of the people with rewards a ledger month carries."""
    return sa.select(Reward.staff_id).where(reward_on_ledger(month))


def month_people(month: str) -> sa.ColumnElement[bool]:
    """SQL condition on StaffMember: the people with records on `month`'s ledger."""
    return sa.or_(StaffMember.id.in_(final_violations(month)), StaffMember.id.in_(approved_rewards(month)))


def in_department_tree(department: Department) -> sa.ColumnElement[bool]:
    """SQL condition on StaffMember: a member of `department` or of a department below it."""
    return StaffMember.department_id.in_(
        sa.select(Department.id).where(Department.path.startswith(department.path, autoescape=True)))


def _violation_sums(month: str, people: sa.ColumnElement[bool]) -> dict[int, tuple]:
    rows = db.session.execute(
        sa.select(Violation.staff_id, sa.type_coerce(sa.func.sum(fine_amount()), MONEY),
                  sa.type_coerce(sa.func.sum(compensation_amount()), MONEY),
                  sa.type_coerce(sa.func.sum(Violation.points), POINTS), sa.func.count())
        .join(ConductRuleVersion, ConductRuleVersion.id == Violation.rule_version_id)
        .join(StaffMember, StaffMember.id == Violation.staff_id)
        .where(violation_on_ledger(month), people)
        .group_by(Violation.staff_id))
    return {staff_id: (fines, compensation, points, n) for staff_id, fines, compensation, points, n in rows}


def _reward_sums(month: str, people: sa.ColumnElement[bool]) -> dict[int, tuple]:
    rows = db.session.execute(
        sa.select(Reward.staff_id, sa.type_coerce(sa.func.sum(Reward.amount), MONEY), sa.func.count())
        .join(StaffMember, StaffMember.id == Reward.staff_id)
        .where(reward_on_ledger(month), people)
        .group_by(Reward.staff_id))
    return {staff_id: (amount, n) for staff_id, amount, n in rows}


def wage_in_force(staff_id, day) -> sa.ScalarSelect:
    """SQL scalar: the monthly wage in force on `day` for the person `staff_id` (a column or value): the latest pay
    record effective on or before it (NULL: none). The SQL twin of hrapp.pay.wage_on; one index seek per person."""
    return (sa.select(PayRate.monthly_wage_amount).where(PayRate.staff_id == staff_id, PayRate.effective_on <= day)
            .order_by(PayRate.effective_on.desc()).limit(1).scalar_subquery())


def wage_rows(day, among) -> sa.Select:
    """SELECT of (staff_id, wage) for the staff ids `among` selects (a SELECT of ids) with a wage in force on `day`."""
    wage = wage_in_force(StaffMember.id, day)
    return (sa.select(StaffMember.id.label("staff_id"), wage.label("wage"))
            .where(StaffMember.id.in_(among), wage.is_not(None)))


def wages_on(day, among) -> dict[int, Decimal]:
    """staff id -> the monthly wage in force on `day` for the staff ids `among` selects; one query."""
    return {staff_id: wage for staff_id, wage in db.session.execute(wage_rows(day, among))}


def resolutions(month: str, staff_ids: Iterable[int] | None = None) -> dict[int, LedgerResolution]:
    """staff id -> HR's resolution of their `month` (all of the month's when `staff_ids` is None)."""
    query = sa.select(LedgerResolution).where(LedgerResolution.month == month)
    if staff_ids is not None:
        query = query.where(LedgerResolution.staff_id.in_(list(staff_ids)))
    return {r.staff_id: r for r in db.session.scalars(query)}


def _money(value) -> Decimal:
    return Decimal(value or 0).quantize(rules.CENT)


def compute_ledger(month: Period, people: sa.ColumnElement[bool] | None = None) -> Ledger:
    """The ledger of `month` for the people `people` selects (a condition on StaffMember; everyone by default):
    a line per person with final violations or approved rewards of that ledger month. Five queries."""
    people = sa.true() if people is None else people
    name = month.name
    fines, rewards = _violation_sums(name, people), _reward_sums(name, people)
    wages = wages_on(month.last, final_violations(name)) if fines else {}
    found = resolutions(name) if fines else {}
    share, minimum = conduct_settings().max_deduction_share, pay_policy().minimum_monthly_wage
    lines = {}
    for staff_id in fines.keys() | rewards.keys():
        fine, compensation, points, n = fines.get(staff_id, (0, 0, 0, 0))
        bonus, m = rewards.get(staff_id, (0, 0))
        figures = MonthFigures(_money(fine), _money(compensation), _money(bonus),
                               Decimal(points or 0).quantize(Decimal("0.1")))
        wage = wages.get(staff_id)
        resolution = found.get(staff_id)
        overridden = resolution.deductions_amount \
            if resolution is not None and resolution.kind == LedgerResolutionKind.OVERRIDE else None
        flags, status = _judged(figures.deductions, wage, overridden, share, minimum)
        lines[staff_id] = LedgerLine(staff_id, figures, wage, flags, status, resolution, n, m)
    return Ledger(month, lines)


def _judged(deductions: Decimal, wage: Decimal | None, overridden: Decimal | None, share: Decimal,
            minimum: Decimal | None) -> tuple[tuple[str, ...], str]:
    """A month's (flags, status): the guard rail against the wage, then HR's override (the deductions it was
    recorded for; None: no override)."""
    flags = rules.guard_rail(deductions, wage, share, minimum)
    return flags, rules.month_status(flags, deductions, None if overridden is None else Override(overridden))


_SLACK = Decimal("0.01")


def may_flag(deductions, wage, share: Decimal, minimum: Decimal | None) -> sa.ColumnElement[bool]:
    """SQL condition: rules.guard_rail could raise a flag for these `deductions` against this `wage` (SQL
    expressions) — a superset that errs towards flagging by a cent (SQLite sums money as floats), so that only
    the few candidates reach the exact judgement in Python."""
    could = [wage.is_(None), deductions > wage * sa.literal(share, MONEY) - _SLACK]
    if minimum is not None:
        could.append(wage - deductions < sa.literal(minimum, MONEY) + _SLACK)
    return sa.and_(deductions > 0, sa.or_(*could))


def flagged_people(month: Period, people: sa.ColumnElement[bool] | None = None) -> list[tuple[int, int]]:
    """(staff id, department id) of the people `people` selects (everyone by default) whose `month` is flagged
    and unresolved: the same as `compute_ledger(month, people).flagged_ids()`, in one statement that reads only
    what the guard rail needs (the deductions, i.e. fines plus compensation, which is every ledger violation's
    amount; the wage on the month's last day; HR's override) for the people it may flag (may_flag)."""
    share, minimum = conduct_settings().max_deduction_share, pay_policy().minimum_monthly_wage
    statement = _flagged_statement(month.name, month.last, share, minimum)
    if people is not None:
        statement = statement.where(people)
    rows = db.session.connection().execute(statement).all()  # plain rows: no ORM loading
    return [(staff_id, department_id) for staff_id, department_id, deductions, wage, overridden in rows
            if _judged(_money(deductions), wage, overridden, share, minimum)[1] == rules.FLAGGED]


@lru_cache(maxsize=8)
def _flagged_statement(name: str, last: date, share: Decimal, minimum: Decimal | None) -> sa.Select:
    """flagged_people's statement for everyone (a condition on StaffMember narrows it): built once per month and
    settings, as composing it (and its cache key) costs about as much as running it."""
    # per person: the deductions and the wage, looked up once in the grouped (materialised) rows the filter reads
    wages = (sa.select(Violation.staff_id, sa.type_coerce(sa.func.sum(Violation.amount), MONEY).label("deductions"),
                       wage_in_force(Violation.staff_id, last).label("wage"))
             .where(violation_on_ledger(name)).group_by(Violation.staff_id).subquery("wages"))
    override = sa.and_(LedgerResolution.staff_id == wages.c.staff_id, LedgerResolution.month == name,
                       LedgerResolution.kind == LedgerResolutionKind.OVERRIDE)
    return (sa.select(wages.c.staff_id, StaffMember.department_id, wages.c.deductions, wages.c.wage,
                      LedgerResolution.deductions_amount)
            .join(StaffMember, StaffMember.id == wages.c.staff_id)
            .outerjoin(LedgerResolution, override)
            .where(may_flag(wages.c.deductions, wages.c.wage, share, minimum)))


def flagged_ids(month: Period, people: sa.ColumnElement[bool] | None = None) -> list[int]:
    """The staff ids of `flagged_people(month, people)`."""
    return [staff_id for staff_id, _department_id in flagged_people(month, people)]


def person_line(staff: StaffMember, month: Period) -> LedgerLine | None:
    """One person's line of `month` (None: no records that month)."""
    return compute_ledger(month, StaffMember.id == staff.id).lines.get(staff.id)


def month_records(staff: StaffMember, month: str) -> tuple[list[Violation], list[Reward]]:
    """Every violation and reward of `staff` on `month`'s ledger in any state (the page shows which count)."""
    violations = db.session.scalars(sa.select(Violation).where(
        Violation.staff_id == staff.id, Violation.ledger_month == month).order_by(Violation.occurred_at))
    rewards = db.session.scalars(sa.select(Reward).where(
        Reward.staff_id == staff.id, Reward.ledger_month == month).order_by(Reward.awarded_on))
    return list(violations), list(rewards)


def open_violation_clause(month) -> sa.ColumnElement[bool]:
    """SQL condition on Violation: of ledger month `month` (a name or a bound parameter) and still waiting for
    a decision, so the month cannot close (OPEN_STATES)."""
    return sa.and_(Violation.ledger_month == month, Violation.state.in_(OPEN_STATES))


def open_violations(month: str, department: Department | None = None) -> list[Violation]:
    """The violations of `month`'s ledger still waiting for a decision (of one department, by the
    department recorded on them, when given)."""
    query = sa.select(Violation).where(open_violation_clause(month))
    if department is not None:
        query = query.where(Violation.department_id == department.id)
    return list(db.session.scalars(query.order_by(Violation.number)))
