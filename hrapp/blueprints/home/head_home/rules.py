"""Pure rules of the head's home: the months it looks at, the day board's groups, a roster's state and gaps, a
plan item's deadline and the month's attendance rate. No flask, no sqlalchemy."""
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from hrapp.blueprints.attendance.board.rules import (
    ABSENT,
    BOARD_STATES,
    IN,
    LATE,
    LEAVE,
    MISSING,
    WORKED,
)
from hrapp.blueprints.roster.rules.checks import check_roster
from hrapp.blueprints.roster.rules.specs import RosterFacts

# The states the board always shows (even at 0); the others only when someone is in them.
MAIN_STATES = (IN, LATE, ABSENT, MISSING, LEAVE)
NONE, DRAFT, PUBLISHED = "none", "draft", "published"
LATE_STATUSES = frozenset({"late", "late_and_early"})


def month_of(today: date) -> tuple[date, date]:
    """The first and the last day of `today`'s month."""
    first = today.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def next_month(today: date) -> tuple[date, date]:
    """The first and the last day of the month after `today`'s."""
    return month_of((today.replace(day=1) + timedelta(days=32)).replace(day=1))


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


def roster_state(statuses: Iterable[str]) -> str:
    """A department's next month from its rosters' statuses: none, draft (any not yet published) or published."""
    statuses = set(statuses)
    if not statuses:
        return NONE
    return PUBLISHED if statuses <= {"published", "locked"} else DRAFT


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
    return month_of(date(year, quarter * 3, 1))[1]


@dataclass(frozen=True)
class MonthFigures:
    """The departments' month so far."""

    attended: int
    expected: int
    late: int
    violations: int
    rewards: int

    @property
    def attendance_rate(self) -> float | None:
        """Days attended over days due (attended or absent), in %, one decimal; None without any."""
        return round(100 * self.attended / self.expected, 1) if self.expected else None


def month_figures(status_counts: Mapping[str, int], violations: int, rewards: int) -> MonthFigures:
    """The month's figures from the reconciled days counted by status (the board's WORKED set attends)."""
    attended = sum(n for status, n in status_counts.items() if status in WORKED)
    absent = status_counts.get(ABSENT, 0)
    late = sum(n for status, n in status_counts.items() if status in LATE_STATUSES)
    return MonthFigures(attended, attended + absent, late, violations, rewards)
