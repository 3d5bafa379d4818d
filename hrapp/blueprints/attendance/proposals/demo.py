"""What seed-demo adds for attendance: the demo time clock, the rosters of the past two months (copies of this
month's weekly rotations, demo_rosters.py), and punches that follow the published rosters from the first of those
months up to yesterday; then the reconciled days, which propose the lateness and absences under the code of
conduct.

Runs after the roster's and the conduct catalogue's demo steps. Its cost grows with the rostered shifts (the
roster demo caps the people per department) and its proposals are a few per department and month, so a
5,000-person seed costs a few times a 100-person one, not fifty.
"""
import random
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa

from hrapp.blueprints.attendance import punch_store
from hrapp.blueprints.attendance.clocks.services import create_device
from hrapp.blueprints.attendance.punch_store import PunchRow, store_punches
from hrapp.blueprints.attendance.reconcile.services import reconcile
from hrapp.company import company_settings
from hrapp.core.localtime import to_zone, zone_of
from hrapp.core.periods import MONTH, period_of
from hrapp.extensions import db
from hrapp.models import (
    AttendanceDay,
    PunchSource,
    RecordSource,
    Roster,
    RosterCell,
    ShiftKind,
    ShiftType,
    StaffMember,
    Violation,
    ViolationState,
    utcnow,
)
from hrapp.models.roster import RosterStatus

from .demo_plan import Shift, plan_punches
from .demo_rosters import publish_past_rosters
from .services import deferred_sync

DEVICE_SERIAL, DEVICE_NAME, DEVICE_ZONE = "DEMO-ZK-001", "前台考勤机", "Asia/Shanghai"
SEED_SALT = 12  # the punches' own random, so other modules' demo steps do not shift them
HISTORY_MONTHS = 2
SETTLED = timedelta(minutes=100)  # a shift's punches are written once its end (plus overtime) has passed


def demo_window(today: date) -> tuple[date, date]:
    """The first day of the month HISTORY_MONTHS before `today`'s, and yesterday."""
    first = period_of(MONTH, today).first
    for _ in range(HISTORY_MONTHS):
        first = period_of(MONTH, first - timedelta(days=1)).first
    return first, today - timedelta(days=1)


def rostered_shifts(first: date, last: date) -> list[Shift]:
    """The working shifts of published (or locked) rosters in [first, last], with the people's clock ids."""
    rows = db.session.execute(
        sa.select(RosterCell.staff_id, StaffMember.staff_number, Roster.department_id, RosterCell.day,
                  ShiftType.start_time, ShiftType.end_time)
        .join(Roster, Roster.id == RosterCell.roster_id).join(ShiftType, ShiftType.id == RosterCell.shift_type_id)
        .join(StaffMember, StaffMember.id == RosterCell.staff_id)
        .where(Roster.status.in_((RosterStatus.PUBLISHED, RosterStatus.LOCKED)), RosterCell.day.between(first, last),
               ShiftType.kind == ShiftKind.WORK, ShiftType.start_time.is_not(None), ShiftType.end_time.is_not(None)))
    shifts = []
    for staff_id, number, department_id, day, starts, ends in rows:
        start, end = datetime.combine(day, starts), datetime.combine(day, ends)
        if end <= start:  # a night shift ends on the next date
            end += timedelta(days=1)
        shifts.append(Shift(staff_id, number, department_id, day, start, end))
    return shifts


def seed_demo(report) -> None:
    """Register the demo clock, store its punches (PunchSource.DEMO) and reconcile the window; counts and a
    summary line go on the seed report."""
    hr = report.users.get("hr")
    device = create_device(hr, DEVICE_SERIAL, DEVICE_NAME, DEVICE_ZONE, None)
    history = publish_past_rosters(report.today, HISTORY_MONTHS, hr)
    first, last = demo_window(report.today)
    rng = random.Random(report.seed * 1000 + SEED_SALT)
    until = to_zone(utcnow(), company_settings().timezone).replace(tzinfo=None) - SETTLED
    # The demo staff account's person has the conduct demo's scripted lateness escalation (three times in 90
    # days): the clock adds no lateness of theirs, or the ladder would show a fourth step on some days.
    staff = report.users.get("staff")
    spared = frozenset({staff.staff_id} if staff is not None and staff.staff_id else ())
    planned, noise = plan_punches(rostered_shifts(first, last), rng, until, spared)
    zone = zone_of(company_settings().timezone)
    rows = [PunchRow(p.clock_id, p.at.replace(tzinfo=zone).astimezone(UTC).replace(tzinfo=None), PunchSource.DEMO,
                     state=p.state, device_id=device.id, raw_line=f"{p.clock_id}\t{p.at:%Y-%m-%d %H:%M:%S}\t{p.state}")
            for p in planned]
    # The whole window is reconciled once below: the store's listeners would re-read it person by person (the
    # same work some hundred times over), so they rest while the demo's punches go in; one proposals pass at the end.
    listeners = list(punch_store.ON_STORED)
    punch_store.ON_STORED.clear()
    with deferred_sync():
        try:
            stored = store_punches(rows)
        finally:
            punch_store.ON_STORED[:] = listeners
        if last >= first:
            reconcile(first, last)
    days = db.session.scalar(sa.select(sa.func.count()).select_from(AttendanceDay)) or 0
    proposals = db.session.scalar(sa.select(sa.func.count()).select_from(Violation).where(
        Violation.source == RecordSource.ATTENDANCE, Violation.state == ViolationState.PROPOSED)) or 0
    report.counts.update(punches=stored.stored, attendance_days=days, attendance_proposals=proposals,
                         roster_history_shifts=history)
    report.summary.append(
        f"Attendance: device {DEVICE_SERIAL}, rosters of the past {HISTORY_MONTHS} months published "
        f"({history} shifts), {stored.stored} punches ({first:%Y-%m-%d} to {last:%Y-%m-%d}, "
        f"{noise['late']} late, {noise['early']} early, {noise['no_out']} without check-out, {noise['absent']} "
        f"absent, {noise['overtime']} overtime), {days} days reconciled, {proposals} violations proposed.")
