"""Reading one person-day's punches against the rostered shift (pure: no flask, no database).

Times are the company's local naive datetimes. A work shift's punches are those inside its window
[start - checkin_opens, end + checkout_closes] (a shift ending at or before its start ends the next day, so a
night shift owns the next morning's punch that ends it). The check-in is the first punch the terminal calls a
check-in (state 0/4), the check-out the last it calls a check-out (1/5); punches whose state the terminal does
not say (255) are read by position: the first is the check-in, the last the check-out, a single one is the
check-in before the shift's middle and the check-out after it. Late and early minutes are the whole lateness
once it exceeds the grace; overtime runs from the shift's END (arriving early is never overtime) and counts from
`overtime_minimum` minutes on. A day is never absent while its check-out window is open (pending). People on
comprehensive working hours (综合计算工时制) are measured over the period: their days carry no lateness or
overtime of their own (`measured_over_period`, `period_overtime_minutes`).
"""
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from operator import attrgetter
from typing import NamedTuple

PRESENT, LATE, EARLY, LATE_AND_EARLY = "present", "late", "early", "late_and_early"
ABSENT, MISSING_PUNCH, LEAVE, REST = "absent", "missing_punch", "leave", "rest"
REST_WORKED, PENDING, UNROSTERED = "rest_worked", "pending", "unrostered"

IN_STATES = frozenset({0, 4})  # check-in, overtime-in
OUT_STATES = frozenset({1, 5})  # check-out, overtime-out
BREAK_STATES = frozenset({2, 3})  # break out / in: never the day's in or out
KNOWN_STATES = IN_STATES | OUT_STATES | BREAK_STATES
_AT = attrgetter("at")
OVER_3H = "overtime_day_over_3h"
HOLIDAY_WORKED = "holiday_worked"
COMPREHENSIVE = "comprehensive_hours"  # measured over the period, not per day
MONTH_OVERTIME_LIMIT_MINUTES = 36 * 60  # Labour Law art. 41: at most 36 hours of overtime a month
_STATUS_BY_LATE_EARLY = {(False, False): PRESENT, (True, False): LATE, (False, True): EARLY,
                         (True, True): LATE_AND_EARLY}


class PunchAt(NamedTuple):
    id: int
    at: datetime  # local
    state: int = 255


class Shift(NamedTuple):
    start: datetime  # local
    end: datetime  # local, after start (the next day for a night shift)
    break_minutes: int = 0


class Policy(NamedTuple):
    checkin_opens: int = 120
    checkout_closes: int = 360
    grace: int = 5
    overtime_minimum: int = 30
    overtime_needs_approval: bool = True


class DayInput(NamedTuple):
    day: date
    kind: str | None  # "work", "rest", "leave" (the roster cell's shift kind) or None: no roster cell
    shift: Shift | None  # the work shift's times (kind "work" with times)
    punches: tuple[PunchAt, ...]  # the person's punches that may belong to this day (any order)
    now: datetime  # local
    on_leave: bool = False  # approved leave covers the day
    holiday: bool = False  # a statutory holiday (or company rest day)
    policy: Policy = Policy()


@dataclass
class DayResult:
    status: str
    in_punch: PunchAt | None = None
    out_punch: PunchAt | None = None
    late_minutes: int = 0
    early_minutes: int = 0
    worked_minutes: int = 0
    overtime_minutes: int = 0
    overtime_approved: bool = False
    flags: list[str] = field(default_factory=list)

    @property
    def used_ids(self) -> set[int]:
        return {p.id for p in (self.in_punch, self.out_punch) if p is not None}


def shift_times(day: date, start, end, break_minutes: int = 0) -> Shift:
    """The shift starting on `day` from its clock times; an end at or before the start ends the next day."""
    begins = datetime.combine(day, start)
    ends = datetime.combine(day if end > start else day + timedelta(days=1), end)
    return Shift(begins, ends, break_minutes)


def window(shift: Shift, policy: Policy) -> tuple[datetime, datetime]:
    return (shift.start - timedelta(minutes=policy.checkin_opens),
            shift.end + timedelta(minutes=policy.checkout_closes))


def _minutes(delta: timedelta) -> int:
    return max(0, int(delta.total_seconds() // 60))


def pick_in_out(punches, middle: datetime) -> tuple[PunchAt | None, PunchAt | None]:
    """The check-in and check-out among `punches` (explicit states first, then undefined ones by position)."""
    ordered = sorted(punches, key=_AT)
    ins = [p for p in ordered if p.state in IN_STATES]
    outs = [p for p in ordered if p.state in OUT_STATES]
    loose = [p for p in ordered if p.state not in KNOWN_STATES]
    first_in = ins[0] if ins else None
    last_out = outs[-1] if outs else None
    if first_in is None and loose:
        candidate = loose[0]
        if last_out is None or candidate.at < last_out.at:
            first_in = candidate
    if last_out is None and loose:
        candidate = loose[-1]
        if first_in is None or candidate.at > first_in.at:
            last_out = candidate
    # a lone undefined punch: the half of the shift it falls in decides
    if last_out is None and first_in is not None and first_in.state not in IN_STATES and first_in.at >= middle:
        return None, first_in
    if first_in is None and last_out is not None and last_out.state not in OUT_STATES and last_out.at < middle:
        return last_out, None
    return first_in, last_out


def _worked(first: PunchAt, last: PunchAt, break_minutes: int, from_at: datetime | None = None) -> int:
    begins = max(first.at, from_at) if from_at else first.at
    span = _minutes(last.at - begins)
    return span - break_minutes if span > break_minutes else span


def _off_day(data: DayInput, status_if_none: str) -> DayResult | None:
    """A rest day, holiday or unrostered day: punches mean work (the first and the last punch of the day)."""
    ordered = sorted((p for p in data.punches if p.at.date() == data.day), key=_AT)
    if not ordered:
        return DayResult(status_if_none) if status_if_none else None
    first, last = ordered[0], ordered[-1] if len(ordered) > 1 else None
    off = bool(status_if_none) or data.holiday  # a holiday without a roster cell is a day off too
    result = DayResult(REST_WORKED if off else UNROSTERED, first, last)
    if last is not None:
        result.worked_minutes = _worked(first, last, 0)
        if off:
            _overtime(result, result.worked_minutes, data.policy)
    return result


def _overtime(result: DayResult, minutes: int, policy: Policy) -> None:
    if minutes >= policy.overtime_minimum:
        result.overtime_minutes = minutes
        result.overtime_approved = not policy.overtime_needs_approval
        if minutes > 180:
            result.flags.append(OVER_3H)


def reconcile_day(data: DayInput) -> DayResult | None:
    """The day's result; None when there is nothing to record (no roster cell, no punch, no leave)."""
    if data.on_leave or data.kind == "leave":
        return DayResult(LEAVE)
    if data.kind is None:
        return _off_day(data, "")
    if data.kind != "work" or data.shift is None:
        return _off_day(data, REST)
    shift, policy = data.shift, data.policy
    opens, closes = window(shift, policy)
    inside = [p for p in data.punches if opens <= p.at <= closes]
    first_in, last_out = pick_in_out(inside, shift.start + (shift.end - shift.start) / 2)
    result = DayResult(PENDING, first_in, last_out, flags=[HOLIDAY_WORKED] if data.holiday else [])
    still_open = data.now < closes
    if first_in is None or last_out is None:
        result.status = PENDING if still_open else (ABSENT if first_in is None and last_out is None
                                                   else MISSING_PUNCH)
        if still_open and first_in is not None:  # in progress: a late check-in is known already (the day board)
            late = _minutes(first_in.at - shift.start)
            result.late_minutes = late if late > policy.grace else 0
        return result
    late = _minutes(first_in.at - shift.start)
    early = _minutes(shift.end - last_out.at)
    result.late_minutes = late if late > policy.grace else 0
    result.early_minutes = early if early > policy.grace else 0
    result.worked_minutes = _worked(first_in, last_out, shift.break_minutes, from_at=shift.start)
    _overtime(result, _minutes(last_out.at - shift.end), policy)
    result.status = _STATUS_BY_LATE_EARLY[(result.late_minutes > 0, result.early_minutes > 0)]
    return result


def measured_over_period(result: DayResult) -> DayResult:
    """A day of someone on comprehensive working hours (综合计算工时制): nothing is late, early or overtime on its
    own — the hours count over the period (`period_overtime_minutes`); the day keeps its punches and worked
    minutes, a missing punch or an absence stays what it is, and the row is flagged."""
    if result.status in (LATE, EARLY, LATE_AND_EARLY):
        result.status = PRESENT
    result.late_minutes = result.early_minutes = result.overtime_minutes = 0
    result.overtime_approved = False
    result.flags = [f for f in result.flags if f != OVER_3H] + [COMPREHENSIVE]
    return result


def period_overtime_minutes(worked_minutes, scheduled_minutes) -> int:
    """Comprehensive working hours: the period's overtime is what was worked beyond what was scheduled in it."""
    return max(0, sum(worked_minutes) - sum(scheduled_minutes))


def month_overtime_over_limit(overtime_minutes) -> bool:
    """A month's overtime past the statutory 36 hours (the sum of its days' overtime minutes)."""
    return sum(overtime_minutes) > MONTH_OVERTIME_LIMIT_MINUTES
