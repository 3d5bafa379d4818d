"""The system metrics of a period (company local days `first`..`last`) for many people at once: one aggregate
query (GROUP BY staff_id) per source — attendance, conduct, rewards, training hours, training scores,
certificates — whatever the number of people. Read only.

What counts:
- attendance: the reconciled days (AttendanceDay) of the period; rostered working days are present, late,
  early, late-and-early (attended), absent and missing punch; leave is excused (in neither part of the rate);
  rest, rest worked, unrostered and pending days are not working days;
- conduct: violations on the ledger (FINAL, as the conduct ledger counts them) that occurred on a local day of
  the period; fines leave out compensation for damage (as the ledger does);
- rewards: approved rewards awarded on a day of the period;
- training: class hours of sessions starting in the period where the person was present; the average of
  passed attempts taken in the period (% of the course's maximum); certificates that expired before the period's
  last day (or today, if earlier) and were not superseded by a newer certificate of the same course.
"""
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from hrapp.blueprints.conduct.ledger.queries import fine_amount, reward_on_ledger, violation_on_ledger
from hrapp.company import company_today, utc_bounds
from hrapp.extensions import db
from hrapp.models import (
    Attempt,
    AttendanceDay,
    Certificate,
    ConductRuleVersion,
    DayStatus,
    Enrolment,
    EnrolmentStatus,
    Metric,
    Presence,
    Reward,
    TrainingSession,
    Violation,
)
from hrapp.models.conduct import POINTS
from hrapp.models.staff import MONEY
from hrapp.models.training import HOURS

from . import rules

ATTENDED = (DayStatus.PRESENT, DayStatus.LATE, DayStatus.EARLY, DayStatus.LATE_AND_EARLY)
LATE = (DayStatus.LATE, DayStatus.LATE_AND_EARLY)
ATTENDANCE_METRICS = frozenset({Metric.ATTENDANCE_RATE, Metric.LATE_COUNT, Metric.LATE_MINUTES, Metric.ABSENCES})
CONDUCT_METRICS = frozenset({Metric.CONDUCT_POINTS, Metric.FINES})
ZERO = Decimal("0")


@dataclass
class Breakdown:
    """The raw counts behind one person's metrics (what a page shows beside the values)."""

    attended: int = 0
    absent: int = 0
    missing_punch: int = 0
    leave: int = 0
    late_days: int = 0
    late_minutes: int = 0
    violations: int = 0
    points: Decimal = ZERO
    fines: Decimal = ZERO
    rewards: int = 0
    sessions_present: int = 0
    training_hours: Decimal = ZERO
    passed_attempts: list = field(default_factory=list)  # (score, max)
    certificates_overdue: int = 0

    def value(self, metric: Metric) -> Decimal | None:
        """The metric's value from these counts (None where there is nothing to measure)."""
        match metric:
            case Metric.ATTENDANCE_RATE:
                return rules.attendance_rate(self.attended, self.absent, self.missing_punch)
            case Metric.LATE_COUNT:
                return Decimal(self.late_days)
            case Metric.LATE_MINUTES:
                return Decimal(self.late_minutes)
            case Metric.ABSENCES:
                return Decimal(self.absent)
            case Metric.CONDUCT_POINTS:
                return Decimal(self.points)
            case Metric.FINES:
                return Decimal(self.fines)
            case Metric.REWARDS:
                return Decimal(self.rewards)
            case Metric.TRAINING_HOURS:
                return Decimal(self.training_hours)
            case Metric.TRAINING_SCORE:
                return rules.average_percent(self.passed_attempts)
            case Metric.CERTIFICATES_OVERDUE:
                return Decimal(self.certificates_overdue)
        raise ValueError(metric)


def _in(column, people: sa.Select | None) -> sa.ColumnElement[bool]:
    return sa.true() if people is None else column.in_(people)


def _count_if(condition) -> sa.ColumnElement:
    return sa.func.sum(sa.case((condition, 1), else_=0))


def _attendance(out: dict, first: date, last: date, people) -> None:
    rows = db.session.execute(
        sa.select(AttendanceDay.staff_id, _count_if(AttendanceDay.status.in_(ATTENDED)),
                  _count_if(AttendanceDay.status == DayStatus.ABSENT),
                  _count_if(AttendanceDay.status == DayStatus.MISSING_PUNCH),
                  _count_if(AttendanceDay.status == DayStatus.LEAVE),
                  _count_if(AttendanceDay.status.in_(LATE)),
                  sa.func.sum(sa.case((AttendanceDay.status.in_(LATE), AttendanceDay.late_minutes), else_=0)))
        .where(AttendanceDay.day >= first, AttendanceDay.day <= last, _in(AttendanceDay.staff_id, people))
        .group_by(AttendanceDay.staff_id))
    for staff_id, attended, absent, missing, leave, late_days, late_minutes in rows:
        b = out.setdefault(staff_id, Breakdown())
        b.attended, b.absent, b.missing_punch, b.leave = int(attended), int(absent), int(missing), int(leave)
        b.late_days, b.late_minutes = int(late_days), int(late_minutes or 0)


def _conduct(out: dict, first: date, last: date, people) -> None:
    start, end = utc_bounds(first, last)
    rows = db.session.execute(
        sa.select(Violation.staff_id, sa.func.count(), sa.type_coerce(sa.func.sum(Violation.points), POINTS),
                  sa.type_coerce(sa.func.sum(fine_amount()), MONEY))
        .join(ConductRuleVersion, ConductRuleVersion.id == Violation.rule_version_id)
        .where(violation_on_ledger(), Violation.occurred_at >= start, Violation.occurred_at < end,
               _in(Violation.staff_id, people))
        .group_by(Violation.staff_id))
    for staff_id, count, points, fines in rows:
        b = out.setdefault(staff_id, Breakdown())
        b.violations, b.points, b.fines = int(count), points or ZERO, fines or ZERO


def _rewards(out: dict, first: date, last: date, people) -> None:
    rows = db.session.execute(
        sa.select(Reward.staff_id, sa.func.count())
        .where(reward_on_ledger(), Reward.awarded_on >= first, Reward.awarded_on <= last,
               _in(Reward.staff_id, people))
        .group_by(Reward.staff_id))
    for staff_id, count in rows:
        out.setdefault(staff_id, Breakdown()).rewards = int(count)


def _training(out: dict, first: date, last: date, people) -> None:
    start, end = utc_bounds(first, last)
    rows = db.session.execute(
        sa.select(Enrolment.staff_id, sa.func.count(), sa.type_coerce(sa.func.sum(TrainingSession.hours), HOURS))
        .join(TrainingSession, TrainingSession.id == Enrolment.session_id)
        .where(Enrolment.presence == Presence.PRESENT, Enrolment.status == EnrolmentStatus.ENROLLED,
               TrainingSession.starts_at >= start, TrainingSession.starts_at < end, _in(Enrolment.staff_id, people))
        .group_by(Enrolment.staff_id))
    for staff_id, count, hours in rows:
        b = out.setdefault(staff_id, Breakdown())
        b.sessions_present, b.training_hours = int(count), hours or ZERO
    attempts = db.session.execute(
        sa.select(Attempt.staff_id, Attempt.score, Attempt.max_score)
        .where(Attempt.passed.is_(True), Attempt.taken_on >= first, Attempt.taken_on <= last,
               _in(Attempt.staff_id, people)))
    for staff_id, score, top in attempts:
        out.setdefault(staff_id, Breakdown()).passed_attempts.append((score, top))


def _certificates(out: dict, last: date, today: date, people) -> None:
    cutoff = rules.overdue_cutoff(last, today)
    newer = aliased(Certificate)
    superseded = sa.exists().where(newer.staff_id == Certificate.staff_id, newer.course_id == Certificate.course_id,
                                   sa.or_(newer.issued_on > Certificate.issued_on,
                                          sa.and_(newer.issued_on == Certificate.issued_on,
                                                  newer.id > Certificate.id)))
    rows = db.session.execute(
        sa.select(Certificate.staff_id, sa.func.count())
        .where(Certificate.expires_on.is_not(None), Certificate.expires_on < cutoff,
               Certificate.superseded.is_(False), ~superseded, _in(Certificate.staff_id, people))
        .group_by(Certificate.staff_id))
    for staff_id, count in rows:
        out.setdefault(staff_id, Breakdown()).certificates_overdue = int(count)


def breakdowns(first: date, last: date, people: sa.Select | None = None,
               metrics: Iterable[Metric] | None = None, today: date | None = None) -> dict[int, Breakdown]:
    """staff id -> the counts behind their metrics over local days `first`..`last`, for the people `people`
    selects (a SELECT of staff ids; everyone when None). Only the sources `metrics` needs are read (all when
    None). A person without any record has no entry (every count 0, see `value_of`)."""
    wanted = set(Metric) if metrics is None else set(metrics)
    out: dict[int, Breakdown] = {}
    if wanted & ATTENDANCE_METRICS:
        _attendance(out, first, last, people)
    if wanted & CONDUCT_METRICS:
        _conduct(out, first, last, people)
    if Metric.REWARDS in wanted:
        _rewards(out, first, last, people)
    if wanted & {Metric.TRAINING_HOURS, Metric.TRAINING_SCORE}:
        _training(out, first, last, people)
    if Metric.CERTIFICATES_OVERDUE in wanted:
        _certificates(out, last, today or company_today(), people)
    return out


EMPTY = Breakdown()


def value_of(found: dict[int, Breakdown], staff_id: int, metric: Metric) -> Decimal | None:
    """`staff_id`'s value of `metric` from `breakdowns` (a person with no record: no working day, zero counts)."""
    return found.get(staff_id, EMPTY).value(metric)
