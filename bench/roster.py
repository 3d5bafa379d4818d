"""Rosters: CP-SAT generation of 60 staff x 4 weeks x 3 shifts, and the grid at 60 staff x 31 days.

Targets: generation < 10 s with every hard rule holding (the benchmark fails otherwise); the grid page, as a
logged-in head's browser gets it over HTTP (its first page of PER_PAGE people), in at most 10 SQL statements
and < 100 ms median (roster_grid_queries, roster_grid_ms). The grid-data service alone is reported as roster_grid_service_*.
"""
import random
import statistics
import time as clock
from collections import Counter
from collections.abc import Iterator
from datetime import date, time, timedelta
from decimal import Decimal

import sqlalchemy as sa

from bench.env import BENCH_PASSWORD, BenchContext
from bench.staff_list import StatementCounter
from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.leave.defaults import ensure_default_types, leave_type
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.roster.generation import FairnessCounts, GenerationProblem, facts_of, generate
from hrapp.blueprints.roster.rules import ContextShift, ShiftSpec, check_roster
from hrapp.blueprints.roster.services import (
    apply_pattern,
    create_roster,
    publish_roster,
    roster_grid,
    save_shift_type,
    set_demand,
    sync_company_holidays,
)
from hrapp.blueprints.roster.services.demo import HOUSEKEEPING, LEAVE_TYPE, REST_TYPE, THREE_SHIFTS
from hrapp.blueprints.roster.services.grid import PER_PAGE
from hrapp.extensions import db
from hrapp.models import (
    DayOffRequest,
    Gender,
    LeaveRequest,
    LeaveStatus,
    PeriodKind,
    Role,
    Roster,
    ShiftType,
    StaffMember,
)

STAFF = 60
GRID_ROUNDS = 20
GENERATE_TARGET_S = 10.0
SHIFTS = {
    "早": ShiftSpec("早", time(7), time(15, 30), 30),
    "中": ShiftSpec("中", time(15), time(23, 30), 30),
    "夜": ShiftSpec("夜", time(23), time(7, 30), 30, is_night=True),
    "休": ShiftSpec("休", kind="rest"),
}


def generation_problem(rng: random.Random) -> GenerationProblem:
    """A hotel front office for March 2026: 60 people, weekday 14/12/6 and weekend 16/14/6 per shift (about
    80 % of what 60 people may work), a dozen days of leave, two wishes each, last week's shifts as history."""
    days = tuple(date(2026, 3, 2) + timedelta(days=i) for i in range(28))
    staff = tuple(range(1, STAFF + 1))
    demand = {}
    for d in days:
        weekend = d.weekday() >= 5
        demand |= {(d, "早"): 16 if weekend else 14, (d, "中"): 14 if weekend else 12, (d, "夜"): 6}
    leave = {(s, d) for s in rng.sample(staff, 4) for start in [rng.randrange(25)] for d in days[start:start + 3]}
    wishes = frozenset((s, rng.choice(days)) for s in staff for _ in range(2)) - leave
    history = tuple(ContextShift(s, days[0] - timedelta(days=1 + i), SHIFTS["夜" if s % 10 == 0 else "早"], 1)
                    for s in staff for i in range(s % 4))
    prior = {s: FairnessCounts(nights=rng.randrange(8), weekends=rng.randrange(8)) for s in staff}
    return GenerationProblem(days, staff, SHIFTS, "休", demand, fixed={(1, days[0]): "夜", (2, days[3]): "休"},
                             unavailable=frozenset(leave), unavailable_reasons=dict.fromkeys(leave, "on_leave"),
                             requested_off=wishes, context=history, prior_counts=prior, department_id=1,
                             time_limit_s=9.0, polish_time_s=3.0, num_workers=8, random_seed=1)


def bench_roster_generate(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:  # noqa: ARG001
    problem = generation_problem(random.Random(1))
    started = clock.perf_counter()
    result = generate(problem)
    elapsed = clock.perf_counter() - started
    if not result.ok:
        raise RuntimeError(f"generation did not meet the demand: {result.status} {result.shortfalls[:3]}")
    hard = [b for b in check_roster(result.assignments, facts_of(problem)) if b.is_hard]
    if hard:
        raise RuntimeError(f"generated roster breaks {len(hard)} hard rule(s): {hard[:3]}")
    counts = Counter((a.day, a.shift_code) for a in result.assignments)
    short = [key for key, need in problem.demand.items() if counts[key] < need]
    if short:
        raise RuntimeError(f"demand not met on {short[:3]}")
    if elapsed >= GENERATE_TARGET_S:
        raise RuntimeError(f"generation took {elapsed:.1f} s (target < {GENERATE_TARGET_S} s)")
    nights = Counter(a.staff_id for a in result.assignments if a.shift_code == "夜")
    total = [nights[s] + problem.prior_counts[s].nights for s in problem.staff_ids]
    yield "roster_generate_s", elapsed, "s"
    yield "roster_generate_night_spread", max(total) - min(total), "nights"  # history included


def _grid_app(ctx: BenchContext):
    """A migrated app with one department of 60 staff, its shift types and demand, the 2026 holidays, some
    leave and requested days off, a published February roster and a March roster filled by rotation."""
    app = ctx.new_app("roster_grid")
    rng = random.Random(2)
    with app.app_context():
        dept = save_department(None, None, "HTL-FD", "前台", "Front Desk", None, STAFF)
        other = save_department(None, None, "HTL-HK", "客房部", "Housekeeping", None, 10)
        people = [StaffMember(staff_number=f"B{i:04d}", name_zh=f"员工{i}", gender=Gender.FEMALE,
                              department_id=dept.id, hire_on=date(2024, 1, 1), daily_wage_amount=Decimal("200"))
                  for i in range(STAFF)]
        db.session.add_all(people)
        for data in (*THREE_SHIFTS, REST_TYPE, LEAVE_TYPE):
            save_shift_type(None, dept, data)
        for data in (HOUSEKEEPING[0], REST_TYPE):
            save_shift_type(None, other, data)
        db.session.flush()
        types = {t.code: t for t in db.session.scalars(sa.select(ShiftType).where(ShiftType.department_id == dept.id))}
        for weekday in range(7):
            for code, need in (("早", 14), ("中", 12), ("夜", 6)):
                set_demand(None, dept, types[code], need, weekday=weekday)
        sync_company_holidays(None, 2026)
        ensure_default_types()
        annual = leave_type("annual")
        db.session.add_all(LeaveRequest(staff_id=person.id, department_id=dept.id, leave_type_id=annual.id,
                                        starts_on=date(2026, 3, 10), ends_on=date(2026, 3, 12), days=3,
                                        status=LeaveStatus.APPROVED) for person in rng.sample(people, 5))
        db.session.add_all(DayOffRequest(staff_id=p.id, day=date(2026, 3, 1) + timedelta(days=rng.randrange(31)))
                           for p in people[::3])  # some wishes for the grid to mark
        offsets = {p.id: i % 7 for i, p in enumerate(people)}
        for month in (date(2026, 2, 1), date(2026, 3, 1)):
            roster = create_roster(None, dept, PeriodKind.MONTH, month)
            db.session.flush()
            apply_pattern(None, roster, "早早中中夜休休", {s: (o + (month - date(2026, 1, 5)).days) % 7
                                                      for s, o in offsets.items()}, None)
        publish_roster(None, db.session.scalar(sa.select(Roster).order_by(Roster.starts_on)), None)
        hk = create_roster(None, other, PeriodKind.MONTH, date(2026, 3, 1))
        create_user("head", BENCH_PASSWORD, Role.HEAD, None, departments=[dept], must_change_password=False)
        db.session.commit()
        return app, roster.id, hk.id


def bench_roster_grid(ctx: BenchContext) -> Iterator[tuple[str, float | int, str]]:
    app, roster_id, _ = _grid_app(ctx)
    with app.app_context():
        counter = StatementCounter(db.engine)
        timings, cpu_timings, worst = [], [], 0
        try:
            for round_ in range(GRID_ROUNDS + 1):  # round 0 warms up and is not counted
                db.session.remove()  # every request starts with an empty session
                counter.take()
                started, cpu_started = clock.perf_counter(), clock.process_time()
                grid = roster_grid(db.session.get(Roster, roster_id))
                elapsed = (clock.perf_counter() - started) * 1000
                cpu_elapsed = (clock.process_time() - cpu_started) * 1000
                worst = max(worst, len(counter.take()))
                if len(grid.rows) != STAFF or len(grid.days) != 31:
                    raise RuntimeError(f"grid has {len(grid.rows)} rows and {len(grid.days)} days")
                if round_:
                    timings.append(elapsed)
                    cpu_timings.append(cpu_elapsed)
        finally:
            counter.close()
    yield "roster_grid_service_queries", worst, "queries"
    yield "roster_grid_service_ms", statistics.median(timings), "ms"
    yield "roster_grid_service_cpu_ms", statistics.median(cpu_timings), "ms"  # less sensitive to a busy machine
    yield from _grid_page(app, roster_id)


def _grid_page(app, roster_id: int) -> Iterator[tuple[str, float | int, str]]:
    """GET /roster/<id> as the department's head: the whole HTML page, login and session included."""
    client = app.test_client()
    if client.post("/auth/login", data={"identifier": "head", "password": BENCH_PASSWORD}).status_code != 302:
        raise RuntimeError("login as head failed")
    with app.app_context():
        counter = StatementCounter(db.engine)
        timings, worst = [], 0
        try:
            for round_ in range(GRID_ROUNDS + 1):
                counter.take()
                started = clock.perf_counter()
                response = client.get(f"/roster/{roster_id}")
                elapsed = (clock.perf_counter() - started) * 1000
                worst = max(worst, len(counter.take()))
                if response.status_code != 200 or response.data.count(b"<tr data-staff") < min(STAFF, PER_PAGE):
                    raise RuntimeError(f"grid page answered {response.status_code}")
                if round_:
                    timings.append(elapsed)
        finally:
            counter.close()
    yield "roster_grid_queries", worst, "queries"
    yield "roster_grid_ms", statistics.median(timings), "ms"


BENCHES = [bench_roster_generate, bench_roster_grid]
