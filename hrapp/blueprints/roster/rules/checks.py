"""The working-time rules over a roster: every breach, per cell (staff, day) or per column (day, shift)."""
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from hrapp.blueprints.roster.rules.specs import (
    DOUBLE_BOOKED,
    HAS_LEFT,
    NOT_HIRED,
    ON_LEAVE,
    REST_TOO_SHORT,
    SUSPENDED,
    SUSPENSION_SPAN,
    TOO_MANY_CONSECUTIVE_DAYS,
    UNDERSTAFFED,
    UNKNOWN_SHIFT,
    WEEKLY_HOURS_EXCEEDED,
    AbsenceSpan,
    Assignment,
    Breach,
    RosterFacts,
    ShiftSpec,
    StaffFacts,
)


@dataclass(frozen=True, slots=True)
class _Placed:
    """A shift placed in time: the roster's own cell or a context shift (flags copied for speed)."""

    day: date
    spec: ShiftSpec
    own: bool
    department_id: int | None
    start: datetime
    end: datetime
    work: bool
    counts: bool
    week: date  # the Monday of its week


def check_roster(assignments: Iterable[Assignment], facts: RosterFacts,
                 column_counts: Mapping[tuple[date, str], int] | None = None) -> list[Breach]:
    """Every breach of the rules in `assignments` (one roster's cells) within [first_day, last_day].

    `column_counts` ((day, code) -> people) replaces the counts of `assignments` for the demand check: a page
    of a large roster checks its own people's cells against the whole roster's staffing.

    Context shifts (the weeks before, other departments) count for rest, consecutive days, weekly hours and
    double booking, but breaches are only reported on the roster's own cells inside the period.
    Sorted by day, then staff, then rule.
    """
    breaches: list[Breach] = []
    placed: dict[int, list[_Placed]] = defaultdict(list)
    own_cells: list[Assignment] = []
    seen: dict[tuple, _Placed] = {}  # many people work the same shift on the same day
    for a in assignments:
        spec = facts.shifts.get(a.shift_code)
        if spec is None:
            breaches.append(_breach(facts, UNKNOWN_SHIFT, a.day, a.staff_id, a.shift_code))
            continue
        own_cells.append(a)
        placed[a.staff_id].append(_place(seen, a.day, spec, True, facts.department_id))
    for c in facts.context:
        if c.staff_id in placed:
            placed[c.staff_id].append(_place(seen, c.day, c.spec, False, c.department_id))
    absences: dict[int, list[AbsenceSpan]] = defaultdict(list)
    for span in facts.absences:
        absences[span.staff_id].append(span)
    for staff_id, shifts in placed.items():
        shifts.sort(key=lambda p: (p.start, not p.own))
        works = [p for p in shifts if p.work]
        for p in works:
            if p.own:
                code = cell_problem(facts.staff.get(staff_id), absences.get(staff_id, ()), p.day, p.spec)
                if code:
                    breaches.append(_breach(facts, code, p.day, staff_id, p.spec.code))
        breaches += _rest_and_overlap(facts, staff_id, works)
        breaches += _consecutive_days(facts, staff_id, works)
        breaches += _weekly_hours(facts, staff_id, works)
    breaches += _demand(facts, Counter((a.day, a.shift_code) for a in own_cells) if column_counts is None
                        else column_counts)
    inside = [b for b in breaches if facts.first_day <= b.day <= facts.last_day]
    return sorted(set(inside), key=lambda b: (b.day, b.staff_id or 0, b.rule, b.shift_code or ""))


def cell_problem(staff: StaffFacts | None, absences: Iterable[AbsenceSpan], day: date,
                 spec: ShiftSpec) -> str | None:
    """The rule code that forbids `staff` working `spec` on `day` (not hired, left, suspended, on leave), or None.

    Rest and leave markers are always allowed. `left_on` is the last day of employment.
    """
    if not spec.is_work:
        return None
    if staff is not None:
        if staff.hire_on and day < staff.hire_on:
            return NOT_HIRED
        if staff.left_on and day > staff.left_on:
            return HAS_LEFT
        if staff.suspended_from and day >= staff.suspended_from:
            return SUSPENDED
    covering = [span for span in absences if span.starts_on <= day <= span.ends_on]
    if covering:
        return SUSPENDED if any(span.kind == SUSPENSION_SPAN for span in covering) else ON_LEAVE
    return None


def _place(seen: dict, day: date, spec: ShiftSpec, own: bool, department_id: int | None) -> _Placed:
    key = (day, id(spec), own, department_id)
    found = seen.get(key)
    if found is None:
        start, end = spec.interval(day)
        found = seen[key] = _Placed(day, spec, own, department_id, start, end, spec.is_work,
                                    spec.counts_as_working_day, _monday(day))
    return found


def _breach(facts: RosterFacts, rule: str, day: date, staff_id: int | None, code: str | None,
            **params) -> Breach:
    return Breach(rule, facts.settings.severity(rule), day, staff_id, code, tuple(sorted(params.items())))


def _reportable(facts: RosterFacts, p: _Placed) -> bool:
    return p.own and facts.first_day <= p.day <= facts.last_day


def _rest_and_overlap(facts: RosterFacts, staff_id: int, works: list[_Placed]) -> list[Breach]:
    """Rest between one shift's end and the next one's start; overlaps with another department's shift."""
    out: list[Breach] = []
    mine = facts.department_id
    foreign = any(not p.own and p.department_id != mine for p in works)
    latest: _Placed | None = None  # the earlier shift that ends last
    for i, cur in enumerate(works):
        if foreign and cur.own and _reportable(facts, cur):
            # Overlap with any shift of another department within a day of this one: double booking.
            for other in works[max(0, i - 2):i + 3]:
                if not other.own and other.department_id != mine and other.start < cur.end and cur.start < other.end:
                    out.append(_breach(facts, DOUBLE_BOOKED, cur.day, staff_id, cur.spec.code))
        prev, latest = latest, cur if latest is None or cur.end > latest.end else latest
        if prev is None or not (cur.own or prev.own):
            continue
        rest = int((cur.start - prev.end).total_seconds() // 60)
        if rest < 0 and ((not cur.own and cur.department_id != mine) or (not prev.own and prev.department_id != mine)):
            continue  # reported as double booking
        if rest < facts.settings.min_rest_minutes:
            target = cur if _reportable(facts, cur) else prev
            if _reportable(facts, target):
                out.append(_breach(facts, REST_TOO_SHORT, target.day, staff_id, target.spec.code,
                                   rest_minutes=rest, min_minutes=facts.settings.min_rest_minutes))
    return out


def _consecutive_days(facts: RosterFacts, staff_id: int, works: list[_Placed]) -> list[Breach]:
    """Each own working day that extends a run of working days beyond the maximum."""
    limit = facts.settings.max_consecutive_days
    working = sorted({p.day for p in works if p.counts})
    own = {p.day: p for p in works if p.own and p.counts}
    out: list[Breach] = []
    run, previous = 0, None
    for day in working:
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        previous = day
        if run > limit and day in own and _reportable(facts, own[day]):
            out.append(_breach(facts, TOO_MANY_CONSECUTIVE_DAYS, day, staff_id, own[day].spec.code,
                               days=run, max_days=limit))
    return out


def _monday(day: date) -> date:
    """The Monday of `day`'s week (as period_of(WEEK, day).first, without building a Period: a large grid
    asks this for every shift)."""
    return day - timedelta(days=day.weekday())


def _weekly_hours(facts: RosterFacts, staff_id: int, works: list[_Placed]) -> list[Breach]:
    """Paid minutes per ISO week (Monday-Sunday) above the maximum; averaged over the period under 综合工时."""
    settings = facts.settings
    own = [p for p in works if _reportable(facts, p)]
    if not own:
        return []
    if settings.comprehensive_hours:
        days = (facts.last_day - facts.first_day).days + 1
        total = sum(p.spec.paid_minutes for p in works if facts.first_day <= p.day <= facts.last_day)
        if total * 7 > settings.max_weekly_minutes * days:
            last = own[-1]
            return [_breach(facts, WEEKLY_HOURS_EXCEEDED, last.day, staff_id, last.spec.code,
                            minutes=total * 7 // days, max_minutes=settings.max_weekly_minutes)]
        return []
    weeks: dict[date, list[_Placed]] = defaultdict(list)  # keyed by the week's Monday
    for p in works:
        weeks[p.week].append(p)
    out: list[Breach] = []
    for week in sorted({p.week for p in own}):
        total, target = 0, None
        for p in weeks[week]:
            total += p.spec.paid_minutes
            if total > settings.max_weekly_minutes and target is None and _reportable(facts, p):
                target = p
        if total > settings.max_weekly_minutes:
            target = target or [p for p in weeks[week] if _reportable(facts, p)][-1]
            out.append(_breach(facts, WEEKLY_HOURS_EXCEEDED, target.day, staff_id, target.spec.code,
                               minutes=total, max_minutes=settings.max_weekly_minutes))
    return out


def _demand(facts: RosterFacts, counts: Mapping[tuple[date, str], int]) -> list[Breach]:
    """Columns (day, shift) with fewer people than required."""
    out: list[Breach] = []
    for (day, code), required in facts.demand.items():
        if required > 0 and facts.first_day <= day <= facts.last_day and counts.get((day, code), 0) < required:
            out.append(_breach(facts, UNDERSTAFFED, day, None, code,
                               required=required, assigned=counts.get((day, code), 0)))
    return out
