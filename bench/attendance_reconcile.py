"""Reconciling a month of a 5,000-staff company: ~155,000 roster cells (~110,000 work shifts) and ~270,000
punches, all made with bulk inserts on a migrated app.

- attendance_reconcile_month_s: the whole month, everyone, from nothing (target < 10 s);
- attendance_raw_scan_s: reading the same cells and punches with plain SQL in the same run (the reconcile
  should stay within 5× that: attendance_reconcile_vs_scan);
- attendance_reconcile_day_ms: one new punch stored through the punch store, its person-days re-reconciled by
  the ON_STORED listener (median of 20, target < 50 ms).
"""
import random
import statistics
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from bench.env import BenchContext
from hrapp.blueprints.attendance.punch_store import PunchRow, store_punches
from hrapp.blueprints.attendance.reconcile.services import reconcile
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.roster.services import save_shift_type
from hrapp.blueprints.roster.services.demo import LEAVE_TYPE, REST_TYPE, THREE_SHIFTS
from hrapp.extensions import db
from hrapp.models import (
    AttendanceDay,
    Gender,
    PeriodKind,
    Punch,
    PunchSource,
    Roster,
    RosterCell,
    ShiftType,
    StaffMember,
)
from hrapp.models.roster import RosterStatus

STAFF, DEPARTMENTS = 5000, 10
FIRST, LAST = date(2026, 3, 1), date(2026, 3, 31)
ROTATION = "早早中中夜休休"
ZONE = ZoneInfo("Asia/Shanghai")
MONTH_TARGET_S, RATIO_TARGET, DAY_TARGET_MS = 10.0, 5.0, 50.0


def _utc(local: datetime) -> datetime:
    return local.replace(tzinfo=ZONE).astimezone(UTC).replace(tzinfo=None)


def _month_app(ctx: BenchContext):
    app = ctx.new_app("attendance_reconcile")
    rng = random.Random(1)
    with app.app_context():
        per = STAFF // DEPARTMENTS
        staff_no = 0
        for d in range(DEPARTMENTS):
            dept = save_department(None, None, f"D{d:02d}", f"部门{d}", f"Department {d}", None, per)
            for data in (*THREE_SHIFTS, REST_TYPE, LEAVE_TYPE):
                save_shift_type(None, dept, data)
            db.session.execute(sa.insert(StaffMember), [
                {"staff_number": f"A{staff_no + i:05d}", "name_zh": f"员工{staff_no + i}", "gender": Gender.FEMALE,
                 "department_id": dept.id, "hire_on": date(2024, 1, 1), "daily_wage_amount": Decimal("200")}
                for i in range(per)])
            staff_no += per
            db.session.add(Roster(department_id=dept.id, period_kind=PeriodKind.MONTH, starts_on=FIRST, ends_on=LAST,
                                  status=RosterStatus.PUBLISHED))
        db.session.flush()
        types = {(t.department_id, t.code): t for t in db.session.scalars(sa.select(ShiftType))}
        rosters = {r.department_id: r.id for r in db.session.scalars(sa.select(Roster))}
        cells, punches = [], []
        for i, (sid, number, dept_id) in enumerate(db.session.execute(
                sa.select(StaffMember.id, StaffMember.staff_number, StaffMember.department_id))):
            day = FIRST
            while day <= LAST:
                shift = types[(dept_id, ROTATION[(day.toordinal() + i) % 7])]
                cells.append({"roster_id": rosters[dept_id], "staff_id": sid, "day": day, "shift_type_id": shift.id})
                if shift.start_time and rng.random() > 0.03:
                    start = datetime.combine(day, shift.start_time)
                    end = start + timedelta(hours=8, minutes=30)
                    ins = start + timedelta(minutes=rng.randint(-30, 10))
                    outs = end + timedelta(minutes=rng.randint(-5, 60))
                    for at, state in ((ins, 0), (outs, 1 if rng.random() > 0.5 else 255)):
                        punches.append({"clock_id": number, "staff_id": sid, "punched_at": _utc(at),
                                        "source": "device", "state": state})
                    if rng.random() < 0.45:  # a double punch at the door
                        punches.append({"clock_id": number, "staff_id": sid, "source": "device", "state": 255,
                                        "punched_at": _utc(ins + timedelta(seconds=rng.randint(20, 90)))})
                day += timedelta(days=1)
        db.session.execute(sa.insert(RosterCell), cells)
        db.session.execute(sa.insert(Punch), punches)
        db.session.commit()
    return app, len(cells), len(punches)


def _raw_scan() -> int:
    lead = datetime.combine(FIRST - timedelta(days=2), datetime.min.time())
    upto = datetime.combine(LAST + timedelta(days=2), datetime.min.time())
    connection = db.session.connection()
    cells = connection.exec_driver_sql(
        "SELECT c.staff_id, c.day, c.shift_type_id, r.department_id FROM roster_cells c "
        "JOIN rosters r ON r.id = c.roster_id WHERE c.day BETWEEN ? AND ?", (FIRST - timedelta(days=1), LAST)).all()
    punches = connection.exec_driver_sql(
        "SELECT id, staff_id, punched_at, state FROM attendance_punches WHERE staff_id IS NOT NULL "
        "AND punched_at BETWEEN ? AND ? ORDER BY punched_at", (lead, upto)).all()
    return len(cells) + len(punches)


def bench_attendance_reconcile(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app, cells, punches = _month_app(ctx)
    now = datetime(2026, 4, 2)
    with app.app_context():
        started = time.perf_counter()
        _raw_scan()
        scan = time.perf_counter() - started
        db.session.remove()
        started = time.perf_counter()
        counts = reconcile(FIRST, LAST, now)
        db.session.commit()
        month = time.perf_counter() - started
        rows = db.session.scalar(sa.select(sa.func.count()).select_from(AttendanceDay))
        numbers = list(db.session.scalars(sa.select(StaffMember.staff_number).limit(20)))
        timings = []
        for n, number in enumerate(numbers):
            at = _utc(datetime(2026, 3, 10, 12, n))
            started = time.perf_counter()
            store_punches([PunchRow(number, at, PunchSource.DEVICE)])
            db.session.commit()
            timings.append((time.perf_counter() - started) * 1000)
        db.session.remove()
    day_ms = statistics.median(timings)
    yield "attendance_reconcile_cells", cells, "cells"
    yield "attendance_reconcile_punches", punches, "punches"
    yield "attendance_reconcile_days", rows, "days"
    yield "attendance_reconcile_month_s", round(month, 3), "s"
    yield "attendance_raw_scan_s", round(scan, 3), "s"
    yield "attendance_reconcile_vs_scan", round(month / scan, 2), "×"
    yield "attendance_reconcile_day_ms", round(day_ms, 2), "ms"
    if rows != counts.total() - counts["changed"]:
        raise RuntimeError(f"{rows} days stored, {counts} counted")
    if month >= MONTH_TARGET_S or day_ms >= DAY_TARGET_MS or month > RATIO_TARGET * scan:
        print(f"attendance reconcile {month:.2f} s (scan {scan:.2f} s), one day {day_ms:.1f} ms: above target "
              f"(< {MONTH_TARGET_S} s, ≤ {RATIO_TARGET}× the scan, < {DAY_TARGET_MS} ms)", file=sys.stderr)


BENCHES = [bench_attendance_reconcile]
