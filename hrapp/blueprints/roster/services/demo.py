"""Demo rosters: shift types, demand, holidays and published rosters for the shift-work departments."""
import random
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, time

import sqlalchemy as sa

from hrapp.blueprints.roster.rules import LEAVE, REST, WORK, ShiftTypeData
from hrapp.blueprints.roster.rules.targets import WorkTerms
from hrapp.blueprints.roster.services.editing import apply_pattern, create_roster, fill_range
from hrapp.blueprints.roster.services.facts import load_roster_data
from hrapp.blueprints.roster.services.messages import RosterValidationError
from hrapp.blueprints.roster.services.publishing import publish_roster, roster_breaches
from hrapp.blueprints.roster.services.setup import save_shift_type, set_demand, sync_company_holidays
from hrapp.blueprints.roster.services.terms import set_work_terms
from hrapp.core.periods import MONTH, period_of
from hrapp.extensions import db
from hrapp.models import Department, EmploymentStatus, PeriodKind, Position, StaffMember

EPOCH = date(2024, 1, 1)  # a Monday: patterns run continuously from here, so months join without breaches


def _t(hhmm: str) -> time:
    return time(int(hhmm[:2]), int(hhmm[3:]))


def _work(code, name, name_en, start, end, brk, colour, night=False) -> ShiftTypeData:
    return ShiftTypeData(code, name, WORK, _t(start), _t(end), brk, name_en, colour, night)


REST_TYPE = ShiftTypeData("休", "休息", REST, name_en="Rest day", colour="#bdbdbd", counts_as_workday=False)
LEAVE_TYPE = ShiftTypeData("假", "请假", LEAVE, name_en="Leave", colour="#8d6e63", counts_as_workday=False)
OFFICE = _work("常", "常日班", "Office day", "09:00", "17:30", 60, "#5e35b1")
THREE_SHIFTS = (
    _work("早", "早班", "Early", "07:00", "15:30", 30, "#43a047"),
    _work("中", "中班", "Late", "15:00", "23:30", 30, "#fb8c00"),
    _work("夜", "夜班", "Night", "23:00", "07:30", 30, "#3949ab", night=True),
)
HOUSEKEEPING = (
    _work("早", "早班", "Day", "08:00", "16:30", 60, "#43a047"),
    _work("晚", "晚班", "Turndown", "14:00", "22:00", 60, "#fb8c00"),
)
PARK = (
    _work("早", "早班", "Opening", "08:00", "16:30", 60, "#43a047"),
    _work("晚", "晚班", "Closing", "11:30", "20:00", 60, "#fb8c00"),
)
# Department code -> (shift types, staff rotation); managers work MANAGER_PATTERN. Every 7-day rotation has
# five working days, so weekly hours, consecutive days and rest all hold from any offset.
PLANS = {
    "HTL-FO": (THREE_SHIFTS, "早早中中夜休休"),
    "HTL-FD": (THREE_SHIFTS, "早早中中夜休休"),
    "HTL-GS": (THREE_SHIFTS, "早早中中夜休休"),
    "HTL-HK": (HOUSEKEEPING, "早早早晚晚休休"),
    "PRK-CS": (PARK, "早早晚晚早休休"),
}
MANAGER_PATTERN = "常常常常常休休"


@dataclass
class RosterSeedReport:
    departments: list[str] = field(default_factory=list)
    rosters: int = 0
    published: int = 0
    cells: int = 0
    holidays: int = 0


def seed_rosters(today: date, rng: random.Random, actor=None, max_staff: int | None = None,
                 keep: Collection[int] = ()) -> RosterSeedReport:
    """Give every shift-work department of the demo company (PLANS) its shift types, demand, a little
    approved leave, and published rosters for the month of `today` and the next; sync the holiday calendar.

    Deterministic for a given (`today`, rng state). Departments missing from the database are skipped; a
    roster that would break a hard rule stays a draft (none does with these rotations). With `max_staff`,
    at most that many people per department get shifts (the staff ids in `keep` first, then managers, then
    by staff number): seeding costs about a millisecond per cell, so a 5000-person company stays quick.
    """
    report = RosterSeedReport()
    this_month = period_of(MONTH, today)
    next_month = this_month.next()
    for year in sorted({this_month.first.year, next_month.last.year}):
        try:
            report.holidays += sync_company_holidays(actor, year).added
        except RosterValidationError:
            pass  # the installed library does not know that year yet
    departments = db.session.scalars(sa.select(Department).where(Department.code.in_(PLANS))
                                     .order_by(Department.code)).all()
    for department in departments:
        report.departments.append(department.code)
        shifts, pattern = PLANS[department.code]
        staff = _seed_department(actor, department, shifts, report, max_staff, keep)
        offsets = _offsets(staff, len(pattern), rng)
        for first in (this_month.first, next_month.first):
            roster = create_roster(actor, department, PeriodKind.MONTH, first)
            db.session.flush()
            _fill(actor, roster, staff, pattern, offsets, report)
            report.rosters += 1
            if not any(b.is_hard for b in roster_breaches(roster)):
                publish_roster(actor, roster, None)
                report.published += 1
    return report


def _seed_department(actor, department, shifts, report, max_staff=None,
                     keep: Collection[int] = ()) -> list[StaffMember]:
    """Shift types and weekday demand; returns the staff to roster (the leave module's demo adds leave)."""
    for data in (*shifts, OFFICE, REST_TYPE, LEAVE_TYPE):
        save_shift_type(actor, department, data)
    db.session.flush()
    for position in db.session.scalars(sa.select(Position).where(  # managers: 常 on office days, for generation
            Position.department_id == department.id, Position.code.endswith("-MGR"))):
        set_work_terms(actor, WorkTerms(shift_codes=frozenset({OFFICE.code}), office_days_only=True),
                       position=position)
    staff = db.session.scalars(sa.select(StaffMember).where(
        StaffMember.department_id == department.id, StaffMember.status != EmploymentStatus.LEFT)
        .order_by(StaffMember.staff_number)).all()
    if max_staff is not None and len(staff) > max_staff:
        first = sorted(staff, key=lambda s: (s.id not in keep, not _is_manager(s), s.staff_number))[:max_staff]
        staff = sorted(first, key=lambda s: s.staff_number)
    return staff


def _is_manager(person: StaffMember) -> bool:
    return person.position is not None and person.position.code.endswith("-MGR")


def _offsets(staff: list[StaffMember], length: int, rng: random.Random) -> dict[int, tuple[str, int]]:
    """Each person's rotation and start: managers work office days Monday-Friday, the others are spread
    evenly over the rotation so every shift is covered every day."""
    slots = list(range(length))
    rng.shuffle(slots)
    out, i = {}, 0
    for person in staff:
        if _is_manager(person):
            out[person.id] = (MANAGER_PATTERN, 0)
        else:
            out[person.id] = ("", slots[i % length])
            i += 1
    return out


def _fill(actor, roster, staff, pattern: str, offsets: dict[int, tuple[str, int]], report) -> None:
    """Apply the rotations (continuous from EPOCH), mark leave days, and set demand to what is covered."""
    shift = (roster.starts_on - EPOCH).days
    for rotation in {p or pattern for p, _ in offsets.values()}:
        people = {s: (o + shift) % len(rotation) for s, (p, o) in offsets.items() if (p or pattern) == rotation}
        result = apply_pattern(actor, roster, rotation, people, None)
        report.cells += result.changed
        for staff_id, day, reason in result.skipped:
            if reason == "on_leave":
                fill_range(actor, roster, [staff_id], day, day, "假", None)
    data = load_roster_data(roster)
    if roster.starts_on.day == 1 and not data.facts.demand:
        covered = Counter((a.day.weekday(), a.shift_code) for a in data.assignments())
        weeks = Counter(d.weekday() for d in data.days)
        for (weekday, code), count in covered.items():
            spec = data.facts.shifts[code]
            if spec.is_work and code != "常":
                set_demand(actor, roster.department, data.by_code[code], max(1, count // weeks[weekday] - 1), weekday)
