"""Importing a month of a time clock's log: ~270,000 punches (5,000 staff x 27 days x 2) through the import path
(parse the tab-separated file, then store_punches), on a migrated app whose staff are bulk-inserted.

Target < 30 s (attendance_import_s); a second import of the same file (everything a duplicate) is reported as
attendance_reimport_s.
"""
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import sqlalchemy as sa

from bench.env import BenchContext
from hrapp.blueprints.attendance.capture.file_import import parse_upload
from hrapp.blueprints.attendance.capture.services import store_parsed
from hrapp.extensions import db
from hrapp.models import Department, Gender, Punch, StaffMember

STAFF = 5_000
DAYS = 27
TARGET_S = 30.0


def _staff(app) -> None:
    with app.app_context():
        db.session.add(Department(code="BENCH", name="考勤"))
        db.session.flush()
        department_id = db.session.scalar(sa.select(Department.id).where(Department.code == "BENCH"))
        db.session.execute(sa.insert(StaffMember), [
            {"staff_number": f"B{n:05d}", "name_zh": f"员工{n}", "gender": Gender.FEMALE, "hire_on": date(2020, 1, 1),
             "department_id": department_id} for n in range(STAFF)])
        db.session.commit()


def attlog(first: date) -> bytes:
    """The log a clock writes: each person in at about 08:5x and out at about 18:0x, every day."""
    lines = []
    for day in range(DAYS):
        on = datetime.combine(first + timedelta(days=day), datetime.min.time())
        for n in range(STAFF):
            lines.append(f"B{n:05d}\t{on + timedelta(hours=8, minutes=50 + n % 10, seconds=n % 60):%Y-%m-%d %H:%M:%S}"
                         f"\t0\t1\t0\t0")
            lines.append(f"B{n:05d}\t{on + timedelta(hours=18, minutes=n % 10, seconds=n % 60):%Y-%m-%d %H:%M:%S}"
                         f"\t1\t1\t0\t0")
    return "\n".join(lines).encode()


def _import(app, data: bytes) -> tuple[float, int, int]:
    with app.app_context():
        started = time.perf_counter()
        parsed = parse_upload("attlog.dat", data, "Asia/Shanghai")
        result = store_parsed(parsed.punches, None, None, "attlog.dat")
        db.session.commit()
        elapsed = time.perf_counter() - started
        db.session.remove()
    return elapsed, result.stored, result.duplicates


def bench_attendance_import(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app = ctx.new_app("attendance_capture")
    _staff(app)
    data = attlog(date(2026, 4, 1))
    elapsed, stored, _dup = _import(app, data)
    again, _stored, duplicates = _import(app, data)
    with app.app_context():
        mapped = db.session.scalar(sa.select(sa.func.count()).select_from(Punch).where(Punch.staff_id.is_not(None)))
    yield "attendance_import_s", round(elapsed, 3), "s"
    yield "attendance_import_punches", stored, "punches"
    yield "attendance_reimport_s", round(again, 3), "s"
    if stored != STAFF * DAYS * 2 or mapped != stored or duplicates != stored:
        raise RuntimeError(f"stored {stored}, mapped {mapped}, duplicates on re-import {duplicates}")
    if elapsed >= TARGET_S:
        print(f"attendance_import_s {elapsed:.2f} s is above the {TARGET_S} s target", file=sys.stderr)


BENCHES = [bench_attendance_import]
