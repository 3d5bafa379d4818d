"""Input and output of roster generation: plain frozen dataclasses."""
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from hrapp.blueprints.roster.rules import Assignment, ContextShift, RosterFacts, RuleSettings, ShiftSpec
from hrapp.blueprints.roster.rules.targets import TargetMiss, WorkTarget

ONE_SHIFT_PER_DAY, FIXED_CELL, UNAVAILABLE = "one_shift_per_day", "fixed_cell", "unavailable"
NOT_ALLOWED = "shift_not_allowed"  # the person's terms exclude this shift or day


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

    Who may work what is hard: `allowed_shifts` (work codes a person may take) and `allowed_days` (days a
    person may work, e.g. office days only); a person missing from either map is unrestricted. `targets`
    (contracted working days) are soft: each day outside a person's range costs W_TARGET in the objective.
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
    allowed_shifts: Mapping[int, frozenset[str]] = field(default_factory=dict)
    allowed_days: Mapping[int, frozenset[date]] = field(default_factory=dict)
    targets: Mapping[int, WorkTarget] = field(default_factory=dict)
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
    target_misses: tuple[TargetMiss, ...] = ()  # people whose working days fall outside their target range

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def may_work(p: GenerationProblem, s: int, d: date, code: str) -> bool:
    """Whether person `s` may be given work shift `code` on `d` (allowed shifts and days; not unavailable)."""
    if (s, d) in p.unavailable:
        return False
    shifts, days = p.allowed_shifts.get(s), p.allowed_days.get(s)
    return (shifts is None or code in shifts) and (days is None or d in days)


def possible_days(p: GenerationProblem, s: int) -> int:
    """Days `s` could work at all: a fixed working cell, or a free day with some work shift allowed."""
    work = [k for k, spec in p.shifts.items() if spec.counts_as_working_day]
    count = 0
    for d in p.days:
        fixed = p.fixed.get((s, d))
        if fixed is not None:
            count += p.shifts[fixed].counts_as_working_day
        else:
            count += any(may_work(p, s, d, k) for k in work)
    return count


def target_misses(p: GenerationProblem, cells) -> tuple[TargetMiss, ...]:
    """The people whose working days in `cells` fall outside their target range, in staff order."""
    worked: dict[int, int] = {}
    for a in cells:
        worked[a.staff_id] = worked.get(a.staff_id, 0) + p.shifts[a.shift_code].counts_as_working_day
    out = []
    for s in p.staff_ids:
        t = p.targets.get(s)
        if t is not None and not t.low <= worked.get(s, 0) <= t.high:
            out.append(TargetMiss(s, worked.get(s, 0), t.low, t.high, t.target, possible_days(p, s)))
    return tuple(out)


def facts_of(p: GenerationProblem) -> RosterFacts:
    """The rule-check facts equivalent to a generation problem (for checking its result)."""
    return RosterFacts(p.days[0], p.days[-1], p.shifts, p.settings, p.department_id, p.demand,
                       context=p.context)
