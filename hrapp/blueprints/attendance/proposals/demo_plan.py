"""The demo's punches, planned from rostered shifts with a seeded random (pure: no Flask, no SQLAlchemy).

Most people check in a few minutes before their shift and out a few minutes after it. In each department and
month a few come late (6-40 minutes), leave early or forget the check-out punch; some stay on (30-90 minutes of
overtime); one shift per department is missed altogether (an absence). The exceptions are counts, not rates, so a
large company's demo proposes no more violations than a small one's. Times are company-local.

The `spared` people (the demo staff account's: the conduct demo scripts its lateness, three times in 90 days,
an escalation) never come late or leave early here: either would propose one more lateness under 2-3a, a fourth
step of that ladder on whichever days the random happened to pick one of their shifts.
"""
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

CHECK_IN, CHECK_OUT = 0, 1
PER_DEPARTMENT_MONTH = {"late": 2, "early": 1, "no_out": 2}  # shifts with that exception
LATENESS = frozenset({"late", "early"})  # the exceptions reconciliation turns into a 2-3a proposal
OVERTIME = 0.08  # the chance a normal shift runs over


@dataclass(frozen=True)
class Shift:
    """A rostered working shift: who, in which department, and its local start and end (end after start)."""

    staff_id: int
    clock_id: str
    department_id: int
    day: date
    start: datetime
    end: datetime


@dataclass(frozen=True)
class PlannedPunch:
    clock_id: str
    at: datetime  # local
    state: int


def _minutes(value: int) -> timedelta:
    return timedelta(minutes=value)


def exceptions(shifts: list[Shift], rng: random.Random, spared: frozenset[int] = frozenset()) -> dict[Shift, str]:
    """shift -> "absent" / "late" / "early" / "no_out" for the few shifts that are not punched normally; the
    `spared` staff ids' shifts are never late or early (a picked one goes to another kind, or stays normal)."""
    groups: dict[tuple, list[Shift]] = {}
    for shift in shifts:
        groups.setdefault((shift.department_id, shift.day.year, shift.day.month), []).append(shift)
    chosen: dict[Shift, str] = {}
    absent_in: set[int] = set()
    for (department_id, *_), group in sorted(groups.items()):
        wanted = sum(PER_DEPARTMENT_MONTH.values()) + (department_id not in absent_in)
        picked = rng.sample(group, min(wanted, len(group)))
        if department_id not in absent_in and picked:
            chosen[picked.pop()] = "absent"
            absent_in.add(department_id)
        for kind, count in PER_DEPARTMENT_MONTH.items():
            for _ in range(count):
                fits = [n for n, s in enumerate(picked) if kind not in LATENESS or s.staff_id not in spared]
                if fits:
                    chosen[picked.pop(fits[-1])] = kind
    return chosen


def plan_punches(shifts: list[Shift], rng: random.Random, until: datetime,
                 spared: frozenset[int] = frozenset()) -> tuple[list[PlannedPunch], dict]:
    """The punches of `shifts` ending before `until` (local), and what the noise did (counts by kind); the
    `spared` staff ids are never late nor early (see exceptions)."""
    shifts = sorted((s for s in shifts if s.end < until), key=lambda s: (s.department_id, s.day, s.staff_id))
    chosen = exceptions(shifts, rng, spared)
    punches, noise = [], {"absent": 0, "late": 0, "early": 0, "no_out": 0, "overtime": 0}
    for shift in shifts:
        kind = chosen.get(shift)
        arrive = shift.start - _minutes(rng.randint(2, 15))
        leave = shift.end + _minutes(rng.randint(1, 12))
        if kind is None and rng.random() < OVERTIME:
            kind, leave = "overtime", shift.end + _minutes(rng.randint(30, 90))
        elif kind == "late":
            arrive = shift.start + _minutes(rng.randint(6, 40))
        elif kind == "early":
            leave = shift.end - _minutes(rng.randint(10, 45))
        if kind is not None:
            noise[kind] += 1
        if kind == "absent":
            continue
        punches.append(PlannedPunch(shift.clock_id, arrive + timedelta(seconds=rng.randint(0, 59)), CHECK_IN))
        if kind != "no_out":
            punches.append(PlannedPunch(shift.clock_id, leave + timedelta(seconds=rng.randint(0, 59)), CHECK_OUT))
    return punches, noise
