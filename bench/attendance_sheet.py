"""The monthly attendance sheet of one department over HTTP: 60 people × 31 days of reconciled days (every
status, lateness, overtime), a published roster, approved leave and rest owed, read by the department's head.

Targets: attendance_sheet_ms median < 100 and attendance_sheet_queries <= 10 (the statements one request ran).
"""
import random
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import sqlalchemy as sa

from bench.env import BENCH_PASSWORD, BenchContext
from bench.http import page_figures, time_page
from hrapp.blueprints.auth.services import hash_password
from hrapp.blueprints.leave.defaults import ensure_default_types, leave_type
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.roster.services import save_shift_type
from hrapp.blueprints.roster.services.demo import LEAVE_TYPE, REST_TYPE, THREE_SHIFTS
from hrapp.extensions import db
from hrapp.models import (
    AttendanceDay,
    DayStatus,
    Gender,
    LeaveRequest,
    LeaveStatus,
    PeriodKind,
    RestOwedEntry,
    RestOwedReason,
    Role,
    Roster,
    RosterCell,
    ShiftType,
    StaffMember,
    User,
)
from hrapp.models.roster import RosterStatus

PEOPLE, ROUNDS = 60, 20
FIRST, LAST = date(2026, 3, 1), date(2026, 3, 31)
URL = "/attendance/sheet/SHEET/2026-03"
TARGET_MS, MAX_QUERIES = 100.0, 10
STATUSES = ([DayStatus.PRESENT] * 14 + [DayStatus.REST] * 6 + [DayStatus.LATE, DayStatus.EARLY, DayStatus.ABSENT,
            DayStatus.MISSING_PUNCH, DayStatus.REST_WORKED, DayStatus.LATE_AND_EARLY])


def _sheet_app(ctx: BenchContext):
    app = ctx.new_app("attendance_sheet")
    rng = random.Random(1)
    with app.app_context():
        dept = save_department(None, None, "SHEET", "考勤部", "Sheet department", None, PEOPLE)
        for data in (*THREE_SHIFTS, REST_TYPE, LEAVE_TYPE):
            save_shift_type(None, dept, data)
        ensure_default_types()
        db.session.execute(sa.insert(StaffMember), [
            {"staff_number": f"B{i:05d}", "name_zh": f"员工{i}", "gender": Gender.FEMALE, "department_id": dept.id,
             "hire_on": date(2024, 1, 1), "daily_wage_amount": Decimal("200")} for i in range(PEOPLE)])
        roster = Roster(department_id=dept.id, period_kind=PeriodKind.MONTH, starts_on=FIRST, ends_on=LAST,
                        status=RosterStatus.PUBLISHED)
        db.session.add(roster)
        db.session.add(User(username="sheethead", password_hash=hash_password(BENCH_PASSWORD), role=Role.HEAD,
                            must_change_password=False, headed_departments=[dept]))
        db.session.flush()
        work = db.session.scalar(sa.select(ShiftType.id).where(ShiftType.department_id == dept.id,
                                                               ShiftType.start_time.is_not(None)).limit(1))
        staff = list(db.session.scalars(sa.select(StaffMember.id).where(StaffMember.department_id == dept.id)))
        cells, days, leave, owed = [], [], [], []
        annual = leave_type("annual").id
        for sid in staff:
            for n in range(31):
                day = FIRST + timedelta(days=n)
                status = rng.choice(STATUSES)
                cells.append({"roster_id": roster.id, "staff_id": sid, "day": day, "shift_type_id": work})
                days.append({"staff_id": sid, "day": day, "department_id": dept.id, "status": status.value,
                             "late_minutes": rng.randint(6, 40) if status == DayStatus.LATE else 0,
                             "early_minutes": rng.randint(6, 40) if status == DayStatus.EARLY else 0,
                             "overtime_minutes": rng.choice((0, 0, 0, 45, 90)), "worked_minutes": 480,
                             "flags": [], "version_id": 1})
            start = FIRST + timedelta(days=rng.randint(0, 27))
            leave.append({"staff_id": sid, "department_id": dept.id, "leave_type_id": annual, "starts_on": start,
                          "ends_on": start + timedelta(days=2), "days": Decimal(3), "status": LeaveStatus.APPROVED})
            owed.append({"staff_id": sid, "day": FIRST, "days": Decimal(1), "reason": RestOwedReason.ADJUSTMENT})
        db.session.execute(sa.insert(RosterCell), cells)
        db.session.execute(sa.insert(AttendanceDay), days)
        db.session.execute(sa.insert(LeaveRequest), leave)
        db.session.execute(sa.insert(RestOwedEntry), owed)
        db.session.commit()
    return app


def bench_attendance_sheet(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    median, worst = time_page(_sheet_app(ctx), "sheethead", URL, ROUNDS,
                              lambda r: r.status_code == 200 and r.data.count(b"<tr data-staff=") == PEOPLE)
    yield from page_figures("attendance_sheet", median, worst, TARGET_MS, MAX_QUERIES)


BENCHES = [bench_attendance_sheet]
