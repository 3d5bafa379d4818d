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
from hrapp.core.periods import MONTH, Period, period_of
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


def department_names(departments: frozenset[int] | None) -> dict[int, Department]:
    """id -> Department of the departments in scope, in tree order (one query)."""
    rows = db.session.scalars(sa.select(Department).where(_within(Department.id, departments))
                              .order_by(Department.path))
    return {department.id: department for department in rows}


@dataclass(frozen=True)
class AttendanceCounts:
    """The period's reconciled days counted per local day, department, shift type and status, as plain tuples
    (day, department id, shift type id or None, status value, days, late minutes), and the shift types met (id ->
    id, code, name, name_en): what both attendance charts fold (by department and month, by weekday and shift)."""

    rows: list[tuple]
    shifts: dict[int, SimpleNamespace]


_COUNTED = (*ATTENDED, DayStatus.ABSENT, DayStatus.MISSING_PUNCH)
# status value -> (attended, absent, missing punch, late) days it adds; late minutes count on late days only.
_WEIGHTS = {status.value: (int(status in ATTENDED), int(status == DayStatus.ABSENT),
                           int(status == DayStatus.MISSING_PUNCH), int(status in LATE)) for status in _COUNTED}


def attendance_counts(departments: frozenset[int] | None, period: MonthRange) -> AttendanceCounts:
    """One pass over the period's reconciled days: grouped by the columns of the day-counts index (day,
    department, shift type, status), which it reads alone, then the few shift types joined to the groups."""
    status = sa.type_coerce(AttendanceDay.status, sa.String).label("status")
    grouped = (sa.select(AttendanceDay.day, AttendanceDay.department_id, AttendanceDay.shift_type_id, status,
                         sa.func.count().label("days"), sa.func.sum(AttendanceDay.late_minutes).label("minutes"))
               .where(AttendanceDay.day >= period.first, AttendanceDay.day <= period.last,
                      AttendanceDay.status.in_(_COUNTED), _within(AttendanceDay.department_id, departments))
               .group_by(AttendanceDay.day, AttendanceDay.department_id, AttendanceDay.shift_type_id,
                         AttendanceDay.status).subquery())
    rows = db.session.execute(
        sa.select(grouped.c.day, grouped.c.department_id, grouped.c.shift_type_id, grouped.c.status, grouped.c.days,
                  grouped.c.minutes, ShiftType.code, ShiftType.name, ShiftType.name_en)
        .outerjoin(ShiftType, ShiftType.id == grouped.c.shift_type_id)).all()
    shifts = {shift_id: SimpleNamespace(id=shift_id, code=code, name=name, name_en=name_en or "")
              for _d, _dep, shift_id, _s, _n, _m, code, name, name_en in rows if shift_id is not None}
    return AttendanceCounts([row[:6] for row in rows], shifts)


@dataclass(frozen=True)
class AttendanceRow:
    department_id: int
    month: str
    attended: int
    absent: int
    missing_punch: int
    late_days: int
    late_minutes: int


def attendance_by_month(counts: AttendanceCounts) -> list[AttendanceRow]:
    """Per department and month: days attended, absent, missing a punch, late (and minutes late)."""
    months: dict[date, str] = {}
    totals: dict[tuple[int, str], list[int]] = {}
    for day, department_id, _shift, status, days, minutes in counts.rows:
        month = months.get(day) or months.setdefault(day, period_of(MONTH, day).name)
        sums = totals.get((department_id, month)) or totals.setdefault((department_id, month), [0] * 5)
        attended, absent, missing, late = _WEIGHTS[status]
        sums[0] += attended * days
        sums[1] += absent * days
        sums[2] += missing * days
        if late:
            sums[3] += days
            sums[4] += minutes or 0
    return [AttendanceRow(department_id, month, *sums) for (department_id, month), sums in totals.items()]


@dataclass(frozen=True)
class LatenessCell:
    weekday: int  # 0 Monday .. 6 Sunday
    shift_type_id: int | None
    late_days: int
    attended: int


def lateness_by_weekday(counts: AttendanceCounts) -> tuple[list[LatenessCell], dict]:
    """Late days and attended days per weekday and shift type, and shift type id -> the shift type (id, code,
    name, name_en) of those shown."""
    attended_rows = ((day, shift, days * _WEIGHTS[status][3], days)
                     for day, _department, shift, status, days, _minutes in counts.rows if _WEIGHTS[status][0])
    totals = rules.weekday_totals(attended_rows)
    cells = [LatenessCell(weekday, shift, late, attended) for (weekday, shift), (late, attended) in totals.items()]
    return cells, counts.shifts


@dataclass(frozen=True)
class ViolationRow:
    month: str
    department_id: int
    rule_code: str
    rule_title_zh: str
    rule_title_en: str
    count: int


def violations_by_rule(departments: frozenset[int] | None, period: MonthRange) -> list[ViolationRow]:
    """Final violations per ledger month, department and rule (the rule's latest title among those used):
    counted per rule version from the month/state/department index alone, then the groups joined to the
    versions and their rules."""
    grouped = (sa.select(Violation.ledger_month, Violation.department_id, Violation.rule_version_id,
                         sa.func.count().label("n"))
               .where(violation_on_ledger(), Violation.ledger_month.in_(period.months),
                      _within(Violation.department_id, departments))
               .group_by(Violation.ledger_month, Violation.department_id, Violation.rule_version_id).subquery())
    rows = db.session.execute(
        sa.select(grouped.c.ledger_month, grouped.c.department_id, ConductRule.code,
                  sa.func.max(ConductRuleVersion.title_zh), sa.func.max(ConductRuleVersion.title_en),
                  sa.func.sum(grouped.c.n))
        .join(ConductRuleVersion, ConductRuleVersion.id == grouped.c.rule_version_id)
        .join(ConductRule, ConductRule.id == ConductRuleVersion.rule_id)
        .group_by(grouped.c.ledger_month, grouped.c.department_id, ConductRule.code)
        .order_by(grouped.c.ledger_month, ConductRule.code))
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
    quarters = period.quarters
    years = sorted({q.first.year for q in quarters})
    items = db.session.execute(
        sa.select(TrainingPlan.year, PlanItem.quarter, PlanItem.people, PlanItem.hours)
        .join(TrainingPlan, TrainingPlan.id == PlanItem.plan_id)
        .where(TrainingPlan.status == PlanStatus.APPROVED, TrainingPlan.year.in_(years),
               _within(TrainingPlan.department_id, departments))).all()
    quarter = sa.case(*((sa.and_(TrainingSession.starts_at >= start, TrainingSession.starts_at < end), q.name)
                        for q in quarters for start, end in [utc_bounds(q.first, q.last)]),
                      else_=sa.null())
    sessions = db.session.execute(
        sa.select(quarter, sa.type_coerce(sa.func.sum(TrainingSession.hours), HOURS))
        .join(Enrolment, Enrolment.session_id == TrainingSession.id)
        .join(StaffMember, StaffMember.id == Enrolment.staff_id)
        .where(Enrolment.presence == Presence.PRESENT, Enrolment.status == EnrolmentStatus.ENROLLED,
               quarter.is_not(None), _within(StaffMember.department_id, departments))
        .group_by(quarter)).all()
    return _training_rows(quarters, items, sessions)


def _training_rows(quarters: list[Period], items, sessions) -> list[TrainingRow]:
    planned = {year: plan_rules.plan_totals((plan_rules.Line(q, people, hours, ZERO)
                                             for y, q, people, hours in items if y == year), ZERO, ZERO).quarters
               for year in {q.first.year for q in quarters}}
    actual = {name: Decimal(hours or 0) for name, hours in sessions}
    return [TrainingRow(q.first.year, q.number, planned[q.first.year][q.number].person_hours,
                        actual.get(q.name, Decimal("0"))) for q in quarters]
