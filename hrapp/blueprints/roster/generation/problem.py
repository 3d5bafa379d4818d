"""Input and output of roster generation: plain frozen dataclasses."""
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from hrapp.blueprints.roster.rules import Assignment, ContextShift, RosterFacts, RuleSettings, ShiftSpec

ONE_SHIFT_PER_DAY, FIXED_CELL, UNAVAILABLE = "one_shift_per_day", "fixed_cell", "unavailable"


@dataclass(frozen=True)
class FairnessCounts:
    """Nights, weekend days and holidays a person worked in earlier periods."""

    nights: int = 0
    weekends: int = 0
    holidays: int = 0


@dataclass(frozen=True)
class GenerationProblem:
    """Input of `generate`. `shifts` holds the department's shift types; only work shifts are placed.

    `fixed` cells are kept as they are; `unavailable` days get no cell (reasons in `unavailable_reasons`);
    `requested_off` days are wishes; `context` holds the people's shifts outside the period (rest and
    consecutive days across the boundary, other departments).
    """

    days: tuple[date, ...]
    staff_ids: tuple[int, ...]
    shifts: Mapping[str, ShiftSpec]
    rest_code: str
    demand: Mapping[tuple[date, str], int]
    settings: RuleSettings = RuleSettings()
    fixed: Mapping[tuple[int, date], str] = field(default_factory=dict)
    unavailable: frozenset[tuple[int, date]] = frozenset()
    unavailable_reasons: Mapping[tuple[int, date], str] = field(default_factory=dict)
    requested_off: frozenset[tuple[int, date]] = frozenset()
    context: tuple[ContextShift, ...] = ()
    holidays: frozenset[date] = frozenset()
    prior_counts: Mapping[int, FairnessCounts] = field(default_factory=dict)
    department_id: int | None = None
    time_limit_s: float = 10.0
    polish_time_s: float = 3.0  # at most this long spent improving fairness once the demand is met
    num_workers: int = 8
    random_seed: int = 0


@dataclass(frozen=True)
class Shortfall:
    """`missing` people short on (day, shift_code); `binding` = (reason code, people it kept off), most first."""

    day: date
    shift_code: str
    required: int
    assigned: int
    binding: tuple[tuple[str, int], ...]

    @property
    def missing(self) -> int:
        return self.required - self.assigned


@dataclass(frozen=True)
class GenerationResult:
    """status: "ok" (full roster), "short" (demand cannot be met), "infeasible" (fixed cells or context
    break a hard rule by themselves) or "unknown" (no answer within the time limit)."""

    status: str
    assignments: tuple[Assignment, ...] = ()
    shortfalls: tuple[Shortfall, ...] = ()
    proven: bool = False
    wall_time_s: float = 0.0
    wishes: int = 0  # requested days off in the problem
    wishes_met: int = 0  # of which the result leaves free

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def facts_of(p: GenerationProblem) -> RosterFacts:
    """The rule-check facts equivalent to a generation problem (for checking its result)."""
    return RosterFacts(p.days[0], p.days[-1], p.shifts, p.settings, p.department_id, p.demand,
                       context=p.context)
