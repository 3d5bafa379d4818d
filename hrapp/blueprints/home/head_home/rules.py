"""Pure rules of the head's home: the day board's groups, a roster's state and gaps, a plan item's deadline and
the month's figures (the attendance rate is the appraisal metrics' rule). No flask, no sqlalchemy."""
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hrapp.blueprints.appraisals.metrics.rules import attendance_rate
from hrapp.blueprints.attendance.board.rules import ABSENT, BOARD_STATES, IN, LATE, LEAVE, MISSING
from hrapp.blueprints.roster.rules.checks import check_roster
from hrapp.blueprints.roster.rules.specs import RosterFacts
from hrapp.core.periods import QUARTER, period_of

# The states the board always shows (even at 0); the others only when someone is in them.
MAIN_STATES = (IN, LATE, ABSENT, MISSING, LEAVE)
NONE, DRAFT, PUBLISHED = "none", "draft", "published"


@dataclass(frozen=True)
class StateGroup:
    """One state of the day board and the people in it (names, in board order)."""

    state: str
    names: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.names)


def board_groups(rows: Iterable[tuple[str, str]]) -> list[StateGroup]:
    """(state, name) pairs grouped by state in the board's order: the main states always, the rest when used."""
    names: dict[str, list[str]] = {state: [] for state in BOARD_STATES}
    for state, name in rows:
        names.setdefault(state, []).append(name)
    return [StateGroup(state, tuple(names[state])) for state in BOARD_STATES
            if state in MAIN_STATES or names[state]]


def roster_state(visible: Iterable[bool]) -> str:
    """A department's next month from whether each of its rosters is visible (the roster module's VISIBLE:
    published or locked): none without rosters, published when all are, else draft."""
    visible = list(visible)
    if not visible:
        return NONE
    return PUBLISHED if all(visible) else DRAFT


@dataclass(frozen=True)
class Gap:
    """A day and shift with fewer people rostered than required."""

    day: date
    shift_code: str
    required: int
    assigned: int

    @property
    def missing(self) -> int:
        return self.required - self.assigned


def roster_gaps(first: date, last: date, demand: Mapping[tuple[date, str], int],
                counts: Mapping[tuple[date, str], int]) -> list[Gap]:
    """The (day, shift) columns of [first, last] staffed below `demand`, by the roster module's own demand rule
    (`check_roster` with the columns' counts), in day order."""
    facts = RosterFacts(first_day=first, last_day=last, shifts={}, demand=demand)
    return [Gap(b.day, b.shift_code, int(b.param("required", 0)), int(b.param("assigned", 0)))
            for b in check_roster((), facts, column_counts=counts) if b.staff_id is None]


def quarter_ends(year: int, quarter: int) -> date:
    """The last day of a plan item's quarter (its deadline)."""
    return period_of(QUARTER, date(year, quarter * 3, 1)).last


def quarter_number(day: date) -> int:
    """The quarter (1-4) that `day` falls in."""
    return period_of(QUARTER, day).first.month // 3 + 1


@dataclass(frozen=True)
class MonthFigures:
    """The departments' month so far: reconciled days (attended, absent, missing punch, late as the appraisal
    metrics count them), violations on the ledger and still waiting for a decision, rewards on the ledger."""

    attended: int = 0
    absent: int = 0
    missing_punch: int = 0
    late: int = 0
    violations: int = 0
    open_violations: int = 0
    rewards: int = 0

    @property
    def attendance_rate(self) -> Decimal | None:
        """The appraisal metrics' attendance rate (in %, 2 places; None without a rostered working day), the
        figure the charts show too."""
        return attendance_rate(self.attended, self.absent, self.missing_punch)
