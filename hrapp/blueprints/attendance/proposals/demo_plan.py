"""The demo's punches, planned from rostered shifts with a seeded random (pure: no Flask, no SQLAlchemy).

Most people check in a few minutes before their shift and out a few minutes after it; a few come late (6-40
minutes), leave early, forget the check-out punch or stay on (30-90 minutes of overtime); one shift per
department is missed altogether (an absence) and one per department is late for sure, so every demo shows a
proposal. Times are company-local.
"""
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

CHECK_IN, CHECK_OUT = 0, 1
LATE, EARLY, NO_OUT, OVERTIME = 0.05, 0.03, 0.03, 0.10  # chances per shift


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
    note: str = ""


def _minutes(value: int) -> timedelta:
    return timedelta(minutes=value)


def plan_punches(shifts: list[Shift], rng: random.Random, until: datetime) -> tuple[list[PlannedPunch], dict]:
    """The punches of `shifts` ending before `until` (local), and what the noise did (counts by kind)."""
    shifts = sorted((s for s in shifts if s.end < until), key=lambda s: (s.department_id, s.day, s.staff_id))
    by_department: dict[int, list[Shift]] = {}
    for shift in shifts:
        by_department.setdefault(shift.department_id, []).append(shift)
    absent, late = set(), set()
    for department_shifts in by_department.values():
        picked = rng.sample(department_shifts, min(2, len(department_shifts)))
        absent.add(picked[0])
        late.update(picked[1:])
    punches, noise = [], {"absent": 0, "late": 0, "early": 0, "no_out": 0, "overtime": 0}
    for shift in shifts:
        if shift in absent:
            noise["absent"] += 1
            continue
        roll = rng.random()
        arrive = shift.start - _minutes(rng.randint(2, 15))
        leave = shift.end + _minutes(rng.randint(1, 12))
        out = True
        if shift in late or roll < LATE:
            arrive, noise["late"] = shift.start + _minutes(rng.randint(6, 40)), noise["late"] + 1
        elif roll < LATE + EARLY:
            leave, noise["early"] = shift.end - _minutes(rng.randint(10, 45)), noise["early"] + 1
        elif roll < LATE + EARLY + NO_OUT:
            out, noise["no_out"] = False, noise["no_out"] + 1
        elif roll < LATE + EARLY + NO_OUT + OVERTIME:
            leave, noise["overtime"] = shift.end + _minutes(rng.randint(30, 90)), noise["overtime"] + 1
        arrive += timedelta(seconds=rng.randint(0, 59))
        punches.append(PlannedPunch(shift.clock_id, arrive, CHECK_IN))
        if out:
            punches.append(PlannedPunch(shift.clock_id, leave + timedelta(seconds=rng.randint(0, 59)), CHECK_OUT))
    return punches, noise
