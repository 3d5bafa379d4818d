"""Rosters of large departments: the grid page of a 600-person housekeeping department, March filled by rotation.

Targets: the page as a logged-in head's browser gets it stays < 300 KB and < 50 ms median over 20 requests
(roster_grid_large_kb, roster_grid_large_ms), however many people the department has; saving one cell from
the grid (the JSON request the grid script sends, answered with the page's grid) checks only what the change
can affect, and is reported as roster_cell_save_large_ms (median over 20 saves).
"""
import statistics
import time as clock
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from bench.env import BENCH_PASSWORD, BenchContext
from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.roster.services import apply_pattern, create_roster, save_shift_type, set_demand
from hrapp.blueprints.roster.services.demo import LEAVE_TYPE, REST_TYPE, THREE_SHIFTS
from hrapp.extensions import db
from hrapp.models import Gender, PeriodKind, Role, ShiftType, StaffMember

LARGE_STAFF = 600
ROUNDS = 20


def _large_app(ctx: BenchContext):
    """A migrated app with one 600-person department, its shifts and demand, a March roster filled by rotation
    for everyone, and its head's login."""
    app = ctx.new_app("roster_grid_large")
    with app.app_context():
        dept = save_department(None, None, "HTL-HK", "客房部", "Housekeeping", None, LARGE_STAFF)
        people = [StaffMember(staff_number=f"H{i:04d}", name_zh=f"员工{i}", gender=Gender.FEMALE,
                              department_id=dept.id, hire_on=date(2024, 1, 1), daily_wage_amount=Decimal("200"))
                  for i in range(LARGE_STAFF)]
        db.session.add_all(people)
        for data in (*THREE_SHIFTS, REST_TYPE, LEAVE_TYPE):
            save_shift_type(None, dept, data)
        db.session.flush()
        types = {t.code: t for t in db.session.scalars(sa.select(ShiftType).where(ShiftType.department_id == dept.id))}
        for weekday in range(7):
            for code, need in (("早", 140), ("中", 120), ("夜", 60)):
                set_demand(None, dept, types[code], need, weekday=weekday)
        roster = create_roster(None, dept, PeriodKind.MONTH, date(2026, 3, 1))
        db.session.flush()
        apply_pattern(None, roster, "早早中中夜休休", {p.id: i % 7 for i, p in enumerate(people)}, None)
        create_user("head", BENCH_PASSWORD, Role.HEAD, None, departments=[dept], must_change_password=False)
        db.session.commit()
        return app, roster.id


def bench_roster_grid_large(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    """GET /roster/<id> (its first page) as the head of the 600-person department."""
    app, roster_id = _large_app(ctx)
    client = app.test_client()
    if client.post("/auth/login", data={"identifier": "head", "password": BENCH_PASSWORD}).status_code != 302:
        raise RuntimeError("login as head failed")
    timings, size = [], 0
    for round_ in range(ROUNDS + 1):  # round 0 warms up and is not counted
        started = clock.perf_counter()
        response = client.get(f"/roster/{roster_id}")
        elapsed = (clock.perf_counter() - started) * 1000
        if response.status_code != 200 or b'id="roster-grid"' not in response.data:
            raise RuntimeError(f"grid page answered {response.status_code}")
        size = max(size, len(response.data))
        if round_:
            timings.append(elapsed)
    yield "roster_grid_large_ms", statistics.median(timings), "ms"
    yield "roster_grid_large_kb", size / 1024, "KB"
    yield "roster_cell_save_large_ms", _cell_saves(client, roster_id), "ms"


def _cell_saves(client, roster_id: int) -> float:
    """Median time of saving one cell of the first page (a person's 5 March, early and late shift in turn)."""
    url = f"/roster/{roster_id}/cells?page=1"
    grid = client.get(url).get_json()["grid"]
    staff_id = int(next(iter(grid["rows"])))
    key = f"{staff_id}/2026-03-05"
    version, timings = grid["cells"][key][1], []
    for round_ in range(ROUNDS + 1):  # round 0 warms up and is not counted
        edit = {"staff_id": staff_id, "day": "2026-03-05", "code": "中" if round_ % 2 else "早", "version": version}
        started = clock.perf_counter()
        response = client.post(url, json={"edits": [edit]})
        elapsed = (clock.perf_counter() - started) * 1000
        if response.status_code != 200 or response.get_json()["changed"] != 1:
            raise RuntimeError(f"cell save answered {response.status_code}: {response.get_data(as_text=True)[:200]}")
        version = response.get_json()["grid"]["cells"][key][1]
        if round_:
            timings.append(elapsed)
    return statistics.median(timings)


BENCHES = [bench_roster_grid_large]
