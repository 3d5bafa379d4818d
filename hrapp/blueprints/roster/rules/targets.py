"""Contracted working days and who may work which shift: the targets roster generation aims at (pure)."""
import calendar
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hrapp.blueprints.roster.rules.totals import is_company_workday

DEFAULT_DAYS_PER_MONTH = Decimal("21.75")
DEFAULT_TOLERANCE = Decimal("1.00")


@dataclass(frozen=True)
class WorkTerms:
    """Terms set for a position or a person; None means "not set here" (fall back to the next level)."""

    days_per_month: Decimal | None = None
    shift_codes: frozenset[str] | None = None  # work shifts allowed; None: any
    office_days_only: bool | None = None


@dataclass(frozen=True)
class ResolvedTerms:
    """A person's terms after fallback: person, then position, then the company default."""

    days_per_month: Decimal
    shift_codes: frozenset[str] | None
    office_days_only: bool


def resolve_terms(person: WorkTerms | None, position: WorkTerms | None,
                  default_days: Decimal = DEFAULT_DAYS_PER_MONTH) -> ResolvedTerms:
    """Each field from the person's terms if set, else the position's, else the company's (any shift, every day)."""
    levels = [t for t in (person, position) if t is not None]

    def first(name, fallback):
        return next((getattr(t, name) for t in levels if getattr(t, name) is not None), fallback)

    return ResolvedTerms(first("days_per_month", default_days), first("shift_codes", None),
                         bool(first("office_days_only", False)))


def target_days(days_per_month: Decimal, available: Iterable[date]) -> Decimal:
    """Working days owed over the `available` days: each day counts 1/(days in its month) of the monthly figure,
    so a full month owes the monthly figure and a partial month, leave or a late start owe their share."""
    share = sum((Decimal(1) / calendar.monthrange(d.year, d.month)[1] for d in available), Decimal(0))
    return (days_per_month * share).quantize(Decimal("0.01"))


def target_range(target: Decimal, tolerance: Decimal) -> tuple[int, int]:
    """Whole working days (low, high) within `tolerance` of `target` (21.75 ± 1 -> 21, 22)."""
    low = max(0, math.ceil(target - tolerance))
    return low, max(low, math.floor(target + tolerance))


@dataclass(frozen=True)
class WorkTarget:
    """A person's contracted working days over a roster period: the exact share and the whole-day range."""

    target: Decimal
    low: int
    high: int


def work_target(days_per_month: Decimal, tolerance: Decimal, available: Iterable[date]) -> WorkTarget:
    """The target over the `available` days (the period less leave and days outside employment)."""
    target = target_days(days_per_month, available)
    return WorkTarget(target, *target_range(target, tolerance))


def office_days(days: Iterable[date], day_kinds: Mapping[date, str]) -> frozenset[date]:
    """The company's working days among `days`: Monday-Friday except holidays, plus adjusted working days."""
    return frozenset(d for d in days if is_company_workday(d, day_kinds))


@dataclass(frozen=True)
class TargetMiss:
    """A person whose generated working days fall outside their target range; `possible` = days they could work
    at all (not on leave, office days if restricted, an allowed shift)."""

    staff_id: int
    worked: int
    low: int
    high: int
    target: Decimal
    possible: int

    @property
    def limited_by_availability(self) -> bool:
        """True if too few days were possible to reach the target (otherwise the hard rules or demand bound)."""
        return self.possible < self.low


def terms_problems(terms: WorkTerms, work_codes: Iterable[str]) -> dict[str, list[str]]:
    """Field -> reason codes for impossible work terms (empty if valid); `work_codes`: the department's shifts."""
    problems: dict[str, list[str]] = {}
    if terms.days_per_month is not None and not 0 <= terms.days_per_month <= 31:
        problems["days_per_month"] = ["days_per_month_range"]
    if terms.shift_codes is not None and not terms.shift_codes <= set(work_codes):
        problems["shift_codes"] = ["terms_unknown_shift"]
    return problems


def defaults_problems(days_per_month: Decimal, tolerance: Decimal) -> dict[str, list[str]]:
    """Field -> reason codes for an impossible company default (empty if valid)."""
    problems: dict[str, list[str]] = {}
    if not 0 <= days_per_month <= 31:
        problems["days_per_month"] = ["days_per_month_range"]
    if not 0 <= tolerance <= 10:
        problems["tolerance"] = ["tolerance_range"]
    return problems


def person_target(terms: ResolvedTerms, tolerance: Decimal, available: Iterable[date],
                  office: frozenset[date]) -> WorkTarget:
    """A person's target over their `available` days; someone on office days only owes at most the office days
    among them (a manager is not asked to make up a month's share on weekends)."""
    available = list(available)
    target = target_days(terms.days_per_month, available)
    if terms.office_days_only:
        target = min(target, Decimal(sum(1 for d in available if d in office)))
    return WorkTarget(target, *target_range(target, tolerance))
