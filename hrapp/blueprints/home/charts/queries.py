"""The charts' data: plain functions, a department scope and a month range in, rows out; one grouped query each
(whatever the number of people). `departments` is a set of department ids, or None for every department.

What counts is what the modules count: attendance as the appraisal metrics do (attended, absent, missing punch;
leave excused), violations and rewards as the conduct ledger does (final violations, approved rewards, by ledger
month; fines leave out compensation for damage), appraisal results as calibration does, training hours as the
metrics do (class hours of sessions where the person was present) against approved plans' person-hours.
"""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import sqlalchemy as sa

from hrapp.blueprints.appraisals import rules as appraisal_rules
from hrapp.blueprints.appraisals.calibration.overview import Section, overview
from hrapp.blueprints.appraisals.metrics.compute import ATTENDED, LATE
from hrapp.blueprints.conduct.ledger.queries import fine_amount, reward_on_ledger, violation_on_ledger
from hrapp.blueprints.training.plans import rules as plan_rules
from hrapp.company import utc_bounds
from hrapp.extensions import db
from hrapp.models import (
    AppraisalCycle,
    AttendanceDay,
    ConductRule,
    ConductRuleVersion,
    CycleStage,
    DayStatus,
    Department,
    Enrolment,
    EnrolmentStatus,
    PlanItem,
    PlanStatus,
    Presence,
    Reward,
    ShiftType,
    StaffMember,
    TrainingPlan,
    TrainingSession,
    Violation,
)
from hrapp.models.staff import MONEY
from hrapp.models.training import HOURS

from . import rules
from .rules import MonthRange

ZERO = Decimal("0.00")


def _within(column, departments: frozenset[int] | None) -> sa.ColumnElement[bool]:
    return sa.true() if departments is None else column.in_(departments)


def _count_if(condition) -> sa.ColumnElement:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


def department_names(departments: frozenset[int] | None) -> dict[int, Department]:
    """id -> Department of the departments in scope, in tree order (one query)."""
    rows = db.session.scalars(sa.select(Department).where(_within(Department.id, departments))
                              .order_by(Department.path))
    return {department.id: department for department in rows}


@dataclass(frozen=True)
class DayCounts:
    """The reconciled days of one local day, department and shift type: how many were attended, absent, missing a
    punch and late (with the minutes late)."""

    day: date
    department_id: int
    shift: SimpleNamespace | None  # id, code, name, name_en of the shift type (None: no shift)
    attended: int
    absent: int
    missing_punch: int
    late_days: int
    late_minutes: int


def attendance_counts(departments: frozenset[int] | None, period: MonthRange) -> list[DayCounts]:
    """One pass over the period's reconciled days, grouped by day, department and shift type: what both attendance
    charts fold (by department and month, by weekday and shift)."""
    rows = db.session.execute(
        sa.select(AttendanceDay.day, AttendanceDay.department_id, AttendanceDay.shift_type_id, ShiftType.code,
                  ShiftType.name, ShiftType.name_en, _count_if(AttendanceDay.status.in_(ATTENDED)),
                  _count_if(AttendanceDay.status == DayStatus.ABSENT),
                  _count_if(AttendanceDay.status == DayStatus.MISSING_PUNCH),
                  _count_if(AttendanceDay.status.in_(LATE)),
                  sa.func.coalesce(sa.func.sum(sa.case((AttendanceDay.status.in_(LATE), AttendanceDay.late_minutes),
                                                       else_=0)), 0))
        .outerjoin(ShiftType, ShiftType.id == AttendanceDay.shift_type_id)
        .where(AttendanceDay.day >= period.first, AttendanceDay.day <= period.last,
               AttendanceDay.status.in_((*ATTENDED, DayStatus.ABSENT, DayStatus.MISSING_PUNCH)),
               _within(AttendanceDay.department_id, departments))
        .group_by(AttendanceDay.day, AttendanceDay.department_id, AttendanceDay.shift_type_id, ShiftType.code,
                  ShiftType.name, ShiftType.name_en))
    shifts: dict[int, SimpleNamespace] = {}
    found = []
    for day, department_id, shift_id, code, name, name_en, *counts in rows:
        shift = None if shift_id is None else shifts.setdefault(
            shift_id, SimpleNamespace(id=shift_id, code=code, name=name, name_en=name_en or ""))
        found.append(DayCounts(day, department_id, shift, *(int(n) for n in counts)))
    return found


@dataclass(frozen=True)
class AttendanceRow:
    department_id: int
    month: str
    attended: int
    absent: int
    missing_punch: int
    late_days: int
    late_minutes: int


def attendance_by_month(counts: list[DayCounts]) -> list[AttendanceRow]:
    """Per department and month: days attended, absent, missing a punch, late (and minutes late)."""
    totals: dict[tuple[int, str], list[int]] = {}
    for c in counts:
        sums = totals.setdefault((c.department_id, rules.month_name(c.day)), [0] * 5)
        for n, value in enumerate((c.attended, c.absent, c.missing_punch, c.late_days, c.late_minutes)):
            sums[n] += value
    return [AttendanceRow(department_id, month, *sums) for (department_id, month), sums in totals.items()]


@dataclass(frozen=True)
class LatenessCell:
    weekday: int  # 0 Monday .. 6 Sunday
    shift_type_id: int | None
    late_days: int
    attended: int


def lateness_by_weekday(counts: list[DayCounts]) -> tuple[list[LatenessCell], dict]:
    """Late days and attended days per weekday and shift type, and shift type id -> the shift type (id, code,
    name, name_en) of those shown."""
    totals = rules.weekday_totals((c.day, c.shift.id if c.shift else None, c.late_days, c.attended)
                                  for c in counts if c.attended)
    cells = [LatenessCell(weekday, shift, late, attended) for (weekday, shift), (late, attended) in totals.items()]
    shifts = {c.shift.id: c.shift for c in counts if c.shift is not None}
    return cells, shifts


@dataclass(frozen=True)
class ViolationRow:
    month: str
    department_id: int
    rule_code: str
    rule_title_zh: str
    rule_title_en: str
    count: int


def violations_by_rule(departments: frozenset[int] | None, period: MonthRange) -> list[ViolationRow]:
    """Final violations per ledger month, department and rule (the rule's latest title among those used)."""
    rows = db.session.execute(
        sa.select(Violation.ledger_month, Violation.department_id, ConductRule.code,
                  sa.func.max(ConductRuleVersion.title_zh), sa.func.max(ConductRuleVersion.title_en),
                  sa.func.count(Violation.id))
        .join(ConductRule, ConductRule.id == Violation.rule_id)
        .join(ConductRuleVersion, ConductRuleVersion.id == Violation.rule_version_id)
        .where(violation_on_ledger(), Violation.ledger_month.in_(period.months),
               _within(Violation.department_id, departments))
        .group_by(Violation.ledger_month, Violation.department_id, ConductRule.code)
        .order_by(Violation.ledger_month, ConductRule.code))
    return [ViolationRow(m, d, code, zh or "", en or "", int(n)) for m, d, code, zh, en, n in rows]


@dataclass(frozen=True)
class MoneyRow:
    month: str
    rewards: Decimal
    fines: Decimal


def rewards_against_fines(departments: frozenset[int] | None, period: MonthRange) -> list[MoneyRow]:
    """Per ledger month: the amounts of approved rewards and of final violations' fines (two grouped queries
    in one statement: a UNION of the two sides)."""
    fines = (sa.select(Violation.ledger_month.label("month"), sa.literal("fine").label("side"),
                       sa.type_coerce(sa.func.sum(fine_amount()), MONEY).label("amount"))
             .join(ConductRuleVersion, ConductRuleVersion.id == Violation.rule_version_id)
             .where(violation_on_ledger(), Violation.ledger_month.in_(period.months),
                    _within(Violation.department_id, departments))
             .group_by(Violation.ledger_month))
    rewards = (sa.select(Reward.ledger_month.label("month"), sa.literal("reward").label("side"),
                         sa.type_coerce(sa.func.sum(Reward.amount), MONEY).label("amount"))
               .where(reward_on_ledger(), Reward.ledger_month.in_(period.months),
                      _within(Reward.department_id, departments))
               .group_by(Reward.ledger_month))
    found: dict[tuple[str, str], Decimal] = {}
    for month, side, amount in db.session.execute(sa.union_all(fines, rewards)):
        found[(month, side)] = Decimal(amount or 0).quantize(ZERO)
    return [MoneyRow(month, found.get((month, "reward"), ZERO), found.get((month, "fine"), ZERO))
            for month in period.months]


def appraisal_cycle(period: MonthRange) -> AppraisalCycle | None:
    """The latest appraisal cycle past its setup whose period ends within the range."""
    return db.session.scalars(
        sa.select(AppraisalCycle).where(AppraisalCycle.last_on >= period.first, AppraisalCycle.last_on <= period.last,
                                        AppraisalCycle.stage != CycleStage.SETUP)
        .order_by(AppraisalCycle.last_on.desc(), AppraisalCycle.id.desc()).limit(1)).first()


def appraisal_grades(user, departments: frozenset[int] | None, cycle: AppraisalCycle) -> Section:
    """The cycle's results `user` may see in `departments`, all departments together: counts per grade and the
    guide distribution (calibration's overview, summed)."""
    sections = overview(user, cycle, departments).sections
    combined = Section(0, "", "", "")
    for section in sections:
        for grade, count in section.grades.items():
            combined.grades[grade] = combined.grades.get(grade, 0) + count
        combined.points += section.points
    grades = [grade for grade, count in combined.grades.items() for _ in range(count)]
    combined.distribution = appraisal_rules.distribution(grades, cycle.guide_top, cycle.guide_middle,
                                                         cycle.guide_bottom)
    return combined


@dataclass(frozen=True)
class TrainingRow:
    year: int
    quarter: int
    planned: Decimal  # person-hours in approved plans
    actual: Decimal  # class hours of those present


def training_against_plan(departments: frozenset[int] | None, period: MonthRange) -> list[TrainingRow]:
    """Per quarter the range touches (whole quarters): approved plans' person-hours against the class hours people
    of the departments were present for."""
    quarters = rules.quarters_of(period)
    years = sorted({year for year, _q in quarters})
    items = db.session.execute(
        sa.select(TrainingPlan.year, PlanItem.quarter, PlanItem.people, PlanItem.hours)
        .join(TrainingPlan, TrainingPlan.id == PlanItem.plan_id)
        .where(TrainingPlan.status == PlanStatus.APPROVED, TrainingPlan.year.in_(years),
               _within(TrainingPlan.department_id, departments))).all()
    quarter = sa.case(*((sa.and_(TrainingSession.starts_at >= start, TrainingSession.starts_at < end), f"{y}-{q}")
                        for y, q in quarters for start, end in [utc_bounds(*rules.quarter_bounds(y, q))]),
                      else_=sa.null())
    sessions = db.session.execute(
        sa.select(quarter, sa.type_coerce(sa.func.sum(TrainingSession.hours), HOURS))
        .join(Enrolment, Enrolment.session_id == TrainingSession.id)
        .join(StaffMember, StaffMember.id == Enrolment.staff_id)
        .where(Enrolment.presence == Presence.PRESENT, Enrolment.status == EnrolmentStatus.ENROLLED,
               quarter.is_not(None), _within(StaffMember.department_id, departments))
        .group_by(quarter)).all()
    return _training_rows(quarters, items, sessions)


def _training_rows(quarters, items, sessions) -> list[TrainingRow]:
    planned = {year: plan_rules.plan_totals((plan_rules.Line(q, people, hours, ZERO)
                                             for y, q, people, hours in items if y == year), ZERO, ZERO).quarters
               for year in {y for y, _q in quarters}}
    actual = {key: Decimal(hours or 0) for key, hours in sessions}
    return [TrainingRow(year, quarter, planned[year][quarter].person_hours, actual.get(f"{year}-{quarter}", Decimal("0")))
            for year, quarter in quarters]
