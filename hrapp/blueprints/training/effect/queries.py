"""What the effect pages read: set-based, a few statements for any number of courses. Reads only.

A `Selection` says which sessions count (the courses' sessions in a year, or one session) and whose rows (HR:
everyone; heads: the people whose current department is in their scope). Days are the company's local days.
"""
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa

from hrapp.blueprints.training.access import TrainingPerm, session_scope
from hrapp.blueprints.training.rules import EFFECT_WINDOW_DAYS
from hrapp.company import company_settings
from hrapp.core.localtime import zone_of
from hrapp.extensions import db
from hrapp.models import (
    Attempt,
    EmploymentStatus,
    Enrolment,
    Feedback,
    Presence,
    SessionStatus,
    StaffMember,
    TrainingSession,
    Violation,
    course_rules,
)
from hrapp.permissions import department_scope, has_perm, sees_everything

from .rules import NOT_COUNTED_STATES, AttemptRow

COMMENTS_SHOWN = 5


def _rows(statement):
    """A read of plain columns, straight through the session's connection (no ORM row processing: thousands of
    rows per page)."""
    return db.session.connection().execute(statement).all()


class LocalDays:
    """Company-local days of naive-UTC moments and back, the time zone read once (a UTC day's offset computed
    once, exactly where the zone changes its offset that day)."""

    def __init__(self):
        self.zone = zone_of(company_settings().timezone)
        self._offsets: dict[date, timedelta | None] = {}

    def _offset(self, utc: datetime) -> timedelta | None:
        return utc.replace(tzinfo=UTC).astimezone(self.zone).utcoffset()

    def __call__(self, moment: datetime) -> date:
        key = moment.date()
        offset = self._offsets.get(key, False)
        if offset is False:
            start = datetime.combine(key, time())
            first, last = self._offset(start), self._offset(start + timedelta(days=1) - timedelta(microseconds=1))
            offset = self._offsets[key] = first if first == last else None
        if offset is None:  # the zone changes its offset on this UTC day
            return moment.replace(tzinfo=UTC).astimezone(self.zone).date()
        return (moment + offset).date()

    def start_of(self, day: date) -> datetime:
        """The naive-UTC moment the local `day` begins."""
        return datetime.combine(day, time(), tzinfo=self.zone).astimezone(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Selection:
    """Which sessions count and whose rows: `course_ids` with the sessions starting in [`starts_from`,
    `starts_before`) (UTC), or one `session_id`; `departments` None for everyone, else the current departments
    whose people are counted."""

    course_ids: tuple[int, ...]
    starts_from: datetime | None = None
    starts_before: datetime | None = None
    session_id: int | None = None
    departments: frozenset[int] | None = None


def year_selection(course_ids, year: int, departments: frozenset[int] | None, days: LocalDays) -> Selection:
    """The courses' sessions in the company-local `year`."""
    return Selection(tuple(course_ids), days.start_of(date(year, 1, 1)), days.start_of(date(year + 1, 1, 1)),
                     departments=departments)


def counted_departments(user) -> frozenset[int] | None:
    """Whose people `user` sees counted: None (everyone) for HR, a head's departments, nobody otherwise."""
    if sees_everything(user):
        return None
    if has_perm(user, TrainingPerm.LEAD):
        return department_scope(user)
    return frozenset()


def _sessions(selection: Selection) -> list:
    clauses = [TrainingSession.status != SessionStatus.CANCELLED,
               TrainingSession.course_id.in_(selection.course_ids)]
    if selection.session_id is not None:
        clauses.append(TrainingSession.id == selection.session_id)
    if selection.starts_from is not None:
        clauses += [TrainingSession.starts_at >= selection.starts_from,
                    TrainingSession.starts_at < selection.starts_before]
    return clauses


def _people(selection: Selection, staff_column) -> list:
    if selection.departments is None:
        return []
    return [staff_column.in_(sa.select(StaffMember.id).where(StaffMember.department_id.in_(selection.departments)))]


@dataclass(frozen=True)
class PresenceRow:
    course_id: int
    session_id: int
    staff_id: int
    department_id: int
    day: date


def presences(selection: Selection, days: LocalDays) -> list[PresenceRow]:
    """Who was present at the selected sessions, with their current department and the session's local day."""
    rows = _rows(
        sa.select(TrainingSession.course_id, TrainingSession.id, Enrolment.staff_id, StaffMember.department_id,
                  TrainingSession.starts_at)
        .join(Enrolment, Enrolment.session_id == TrainingSession.id)
        .join(StaffMember, StaffMember.id == Enrolment.staff_id)
        .where(Enrolment.presence == Presence.PRESENT, *_sessions(selection),
               *([StaffMember.department_id.in_(selection.departments)] if selection.departments is not None else [])))
    return [PresenceRow(course_id, session_id, staff_id, department_id, days(starts_at))
            for course_id, session_id, staff_id, department_id, starts_at in rows]


def colleagues(department_ids: set[int]) -> dict[int, int]:
    """Staff id -> department of everyone still employed in `department_ids`."""
    if not department_ids:
        return {}
    return dict(_rows(
        sa.select(StaffMember.id, StaffMember.department_id)
        .where(StaffMember.department_id.in_(department_ids), StaffMember.status != EmploymentStatus.LEFT)))


def linked_rules(course_ids) -> dict[int, frozenset[int]]:
    """Course id -> the ids of the conduct rules linked to it (empty when none)."""
    linked: dict[int, set[int]] = {course_id: set() for course_id in course_ids}
    for course_id, rule_id in _rows(
            sa.select(course_rules.c.course_id, course_rules.c.rule_id)
            .where(course_rules.c.course_id.in_(course_ids))):
        linked[course_id].add(rule_id)
    return {course_id: frozenset(rules) for course_id, rules in linked.items()}


def violation_days(department_ids: set[int], rule_ids: set[int], first: date, last: date,
                   days: LocalDays) -> dict[int, dict[int, list[date]]]:
    """Rule id -> staff id -> the local days of their counted violations from `first` to `last`, for the people
    now in `department_ids`."""
    found: dict[int, dict[int, list[date]]] = defaultdict(lambda: defaultdict(list))
    if not department_ids or not rule_ids:
        return found
    rows = _rows(
        sa.select(Violation.rule_id, Violation.staff_id, Violation.occurred_at)
        .join(StaffMember, StaffMember.id == Violation.staff_id)
        .where(StaffMember.department_id.in_(department_ids), Violation.rule_id.in_(rule_ids),
               Violation.state.not_in(NOT_COUNTED_STATES),  # (NOT IN: no scan of the states' index)
               Violation.occurred_at >= days.start_of(first),
               Violation.occurred_at < days.start_of(last + timedelta(days=1))))
    for rule_id, staff_id, occurred_at in rows:
        found[rule_id][staff_id].append(days(occurred_at))
    return found


def behaviour_span(anchor_days: list[date]) -> tuple[date, date]:
    """The days any window around these anchors covers."""
    return (min(anchor_days) - timedelta(days=EFFECT_WINDOW_DAYS),
            max(anchor_days) + timedelta(days=EFFECT_WINDOW_DAYS))


def ratings(selection: Selection) -> dict[int, list[int]]:
    """Course id -> the feedback ratings given for its selected sessions."""
    found: dict[int, list[int]] = defaultdict(list)
    for course_id, rating in _rows(
            sa.select(TrainingSession.course_id, Feedback.rating)
            .join(Feedback, Feedback.session_id == TrainingSession.id)
            .join(Enrolment, Enrolment.id == Feedback.enrolment_id)
            .where(*_sessions(selection), *_people(selection, Enrolment.staff_id))):
        found[course_id].append(rating)
    return found


def latest_comments(selection: Selection, limit: int = COMMENTS_SHOWN) -> list:
    """The latest non-empty comments (rating, comment, given_at), newest first."""
    return db.session.execute(
        sa.select(Feedback.rating, Feedback.comment, Feedback.given_at)
        .join(TrainingSession, TrainingSession.id == Feedback.session_id)
        .join(Enrolment, Enrolment.id == Feedback.enrolment_id)
        .where(Feedback.comment != "", *_sessions(selection), *_people(selection, Enrolment.staff_id))
        .order_by(Feedback.given_at.desc(), Feedback.id.desc()).limit(limit)).all()


def attempts(selection: Selection) -> dict[int, list[AttemptRow]]:
    """Course id -> the attempts taken in its selected sessions."""
    found: dict[int, list[AttemptRow]] = defaultdict(list)
    for course_id, staff_id, number, score, passed in _rows(
            sa.select(TrainingSession.course_id, Attempt.staff_id, Attempt.number, Attempt.score, Attempt.passed)
            .join(Attempt, Attempt.session_id == TrainingSession.id)
            .where(*_sessions(selection), *_people(selection, Attempt.staff_id))):
        found[course_id].append(AttemptRow(staff_id, number, score, passed))
    return found


def course_sessions(user, selection: Selection) -> list[TrainingSession]:
    """The course's sessions in the selection's time that `user` may see (for the links to each session's page;
    cancelled ones too)."""
    return db.session.scalars(
        sa.select(TrainingSession)
        .where(TrainingSession.course_id == selection.course_ids[0],
               TrainingSession.starts_at >= selection.starts_from,
               TrainingSession.starts_at < selection.starts_before, session_scope(user))
        .order_by(TrainingSession.starts_at, TrainingSession.id)).all()
