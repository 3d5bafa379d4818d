"""Plain values the roster rules work on: shifts, assignments, settings, facts about people, breaches."""
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property
from typing import NamedTuple

# Kinds of shift type (the values of models.ShiftKind).
WORK, REST, LEAVE = "work", "rest", "leave"
HARD, SOFT = "hard", "soft"

# Rule codes reported in breaches.
REST_TOO_SHORT = "rest_too_short"
TOO_MANY_CONSECUTIVE_DAYS = "too_many_consecutive_days"
WEEKLY_HOURS_EXCEEDED = "weekly_hours_exceeded"
UNDERSTAFFED = "understaffed"
ON_LEAVE = "on_leave"
SUSPENDED = "suspended"
SUSPENSION_SPAN = "unpaid_suspension"  # an AbsenceSpan's kind for a conduct measure's unpaid suspension
HAS_LEFT = "has_left"
NOT_HIRED = "not_hired"
DOUBLE_BOOKED = "double_booked"
UNKNOWN_SHIFT = "unknown_shift"
# Severity of these may be set by the company; the others are facts and always hard.
CONFIGURABLE_RULES = frozenset({REST_TOO_SHORT, TOO_MANY_CONSECUTIVE_DAYS, WEEKLY_HOURS_EXCEEDED, UNDERSTAFFED})
ALL_RULES = CONFIGURABLE_RULES | {ON_LEAVE, SUSPENDED, HAS_LEFT, NOT_HIRED, DOUBLE_BOOKED, UNKNOWN_SHIFT}

DAY_MINUTES = 24 * 60
CODE_RE = re.compile(r"^[^\s,，、/|;；]{1,8}$")
COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class ShiftSpec:
    """A shift type as the rules see it. Times are local wall-clock; end <= start means it ends the next day.

    A shift belongs to the day it starts (its grid cell): its hours and its working day count there.
    """

    code: str
    start: time | None = None
    end: time | None = None
    break_minutes: int = 0
    is_night: bool = False
    counts_as_workday: bool = True
    kind: str = WORK

    @property
    def is_work(self) -> bool:
        return self.kind == WORK

    @cached_property  # the rules ask for it thousands of times per grid
    def span_minutes(self) -> int:
        """Minutes from start to end (0 for rest and leave markers)."""
        if not self.is_work or self.start is None or self.end is None:
            return 0
        minutes = (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)
        return minutes if minutes > 0 else minutes + DAY_MINUTES

    @cached_property
    def paid_minutes(self) -> int:
        """Working minutes: the span less the unpaid break."""
        return max(0, self.span_minutes - self.break_minutes)

    @property
    def counts_as_working_day(self) -> bool:
        return self.is_work and self.counts_as_workday

    def interval(self, day: date) -> tuple[datetime, datetime]:
        """Start and end of this shift worked on `day` (the end may fall on the next day)."""
        start = datetime.combine(day, self.start or time(0))
        return start, start + timedelta(minutes=self.span_minutes)


class Assignment(NamedTuple):
    """One grid cell: `staff_id` has the shift (or marker) `shift_code` on `day`.

    A named tuple: a month's grid makes about 2,000 of these per request, and tuples are built and read
    several times faster than frozen dataclasses.
    """

    staff_id: int
    day: date
    shift_code: str


@dataclass(frozen=True)
class RuleSettings:
    """The company's working-time rules; soft rules are reported but never block publishing."""

    min_rest_minutes: int = 11 * 60
    max_consecutive_days: int = 6
    max_weekly_minutes: int = 44 * 60
    comprehensive_hours: bool = False
    soft_rules: frozenset[str] = frozenset({UNDERSTAFFED})

    def severity(self, rule: str) -> str:
        """HARD or SOFT for `rule`; rules outside CONFIGURABLE_RULES are always hard."""
        return SOFT if rule in CONFIGURABLE_RULES and rule in self.soft_rules else HARD


@dataclass(frozen=True)
class StaffFacts:
    """What limits when a person may work: hire date, leaving date (last day), suspension start."""

    staff_id: int
    hire_on: date | None = None
    left_on: date | None = None
    suspended_from: date | None = None


@dataclass(frozen=True)
class AbsenceSpan:
    """Approved leave from `starts_on` to `ends_on`, both inclusive."""

    staff_id: int
    starts_on: date
    ends_on: date
    kind: str = "leave"


@dataclass(frozen=True)
class ContextShift:
    """A shift of the same person outside the roster being checked (an earlier period, another department)."""

    staff_id: int
    day: date
    spec: ShiftSpec
    department_id: int | None = None


@dataclass(frozen=True)
class RosterFacts:
    """Everything besides the cells that the rules need to check a roster for [first_day, last_day]."""

    first_day: date
    last_day: date
    shifts: Mapping[str, ShiftSpec]
    settings: RuleSettings = RuleSettings()
    department_id: int | None = None
    demand: Mapping[tuple[date, str], int] = field(default_factory=dict)
    staff: Mapping[int, StaffFacts] = field(default_factory=dict)
    absences: tuple[AbsenceSpan, ...] = ()
    context: tuple[ContextShift, ...] = ()

    def days(self) -> list[date]:
        return [self.first_day + timedelta(days=i) for i in range((self.last_day - self.first_day).days + 1)]


@dataclass(frozen=True)
class Breach:
    """A broken rule at a cell (staff, day) or, for demand, at a column (day, shift_code) with staff_id None.

    `params` are (name, value) pairs for the message, e.g. (("rest_minutes", 599), ("min_minutes", 660)).
    """

    rule: str
    severity: str
    day: date
    staff_id: int | None = None
    shift_code: str | None = None
    params: tuple[tuple[str, int | str], ...] = ()

    @property
    def is_hard(self) -> bool:
        return self.severity == HARD

    @property
    def key(self) -> tuple:
        """Identity regardless of the figures: used to tell new breaches from known ones."""
        return (self.rule, self.staff_id, self.day, self.shift_code)

    def param(self, name: str, default=None):
        return dict(self.params).get(name, default)


@dataclass(frozen=True)
class ShiftTypeData:
    """A shift type's editable values, parsed."""

    code: str
    name: str
    kind: str = WORK
    start: time | None = None
    end: time | None = None
    break_minutes: int = 0
    name_en: str = ""
    colour: str = "#9e9e9e"
    is_night: bool = False
    counts_as_workday: bool = True

    def spec(self) -> ShiftSpec:
        return ShiftSpec(self.code, self.start, self.end, self.break_minutes, self.is_night,
                         self.counts_as_workday, self.kind)


def shift_type_problems(data: ShiftTypeData) -> dict[str, list[str]]:
    """Field -> reason codes for everything wrong with a shift type (empty if valid).

    Codes: code, name, kind, colour, start_required, end_required, end_equals_start, break_negative,
    break_too_long (the break must be shorter than the shift).
    """
    problems: dict[str, list[str]] = {}

    def add(name: str, code: str) -> None:
        problems.setdefault(name, []).append(code)

    if not CODE_RE.match(data.code or ""):
        add("code", "code")
    if not (data.name or "").strip() or len(data.name) > 40:
        add("name", "name")
    if data.kind not in (WORK, REST, LEAVE):
        add("kind", "kind")
    if not COLOUR_RE.match(data.colour or ""):
        add("colour", "colour")
    if data.break_minutes < 0:
        add("break_minutes", "break_negative")
    if data.kind != WORK:
        return problems
    if data.start is None:
        add("start", "start_required")
    if data.end is None:
        add("end", "end_required")
    if data.start is not None and data.end is not None:
        if data.start == data.end:
            add("end", "end_equals_start")
        elif data.break_minutes >= data.spec().span_minutes:
            add("break_minutes", "break_too_long")
    return problems


def settings_problems(settings: RuleSettings) -> dict[str, list[str]]:
    """Field -> reason codes for impossible rule settings (empty if valid)."""
    problems: dict[str, list[str]] = {}
    if not 0 <= settings.min_rest_minutes <= DAY_MINUTES:
        problems["min_rest_minutes"] = ["min_rest_range"]
    if not 1 <= settings.max_consecutive_days <= 31:
        problems["max_consecutive_days"] = ["consecutive_range"]
    if not 60 <= settings.max_weekly_minutes <= 7 * DAY_MINUTES:
        problems["max_weekly_minutes"] = ["weekly_range"]
    if not settings.soft_rules <= CONFIGURABLE_RULES:
        problems["soft_rules"] = ["soft_rules_unknown"]
    return problems
