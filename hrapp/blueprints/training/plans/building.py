"""Building a plan from what the system already knows: plain functions that return draft items (nothing is
written here; services.fill_from_sources adds them).

- REQUIRED: each course the department's positions require (sub-departments included), in Q1, for the people in
  those positions who have not completed it (no PRESENT enrolment in a session of it, no passed attempt);
- NEW_HIRES: the induction courses of the department's positions, each quarter for the new hires expected then
  (last year's hires into the department that quarter, at least the headcount gap spread evenly);
- NEED: the department's open training needs, grouped by course (or topic), in Q2, one person a need.
"""
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from hrapp.blueprints.staff.services import department_subtree_ids
from hrapp.blueprints.training.completion import completed_staff
from hrapp.extensions import db
from hrapp.models import (
    Course,
    Department,
    EmploymentEvent,
    EmploymentStatus,
    EventKind,
    NeedStatus,
    PlanSource,
    Position,
    PositionCourse,
    RequiredTrainingKind,
    StaffMember,
    TrainingNeed,
)

from .rules import QUARTERS, expected_hires

REQUIRED_QUARTER, NEED_QUARTER = 1, 2


@dataclass(frozen=True)
class DraftItem:
    """An item a source proposes; `need_ids` are the needs it takes in (NEED items)."""

    source: PlanSource
    quarter: int
    people: int
    hours: Decimal
    course_id: int | None = None
    title: str = ""
    note: str = ""
    need_ids: tuple[int, ...] = ()

    @property
    def key(self) -> tuple:
        """What makes two items from a source the same: the course (or title) and, for new hires, the quarter."""
        return source_key(self.source, self.course_id, self.title, self.quarter)


def source_key(source: PlanSource, course_id: int | None, title: str, quarter: int) -> tuple:
    return (source, course_id, "" if course_id else title.strip(), quarter if source == PlanSource.NEW_HIRES else 0)


def _active() -> sa.ColumnElement[bool]:
    return StaffMember.status != EmploymentStatus.LEFT


def _required_courses(department: Department, kind: RequiredTrainingKind | None = None) -> dict[Course, set[int]]:
    """Course -> the ids of the department's positions (subtree) that require it."""
    query = (sa.select(PositionCourse).join(Position, Position.id == PositionCourse.position_id)
             .join(Course, Course.id == PositionCourse.course_id)
             .where(Position.department_id.in_(department_subtree_ids(department.id)), Course.active.is_(True))
             .order_by(Course.code, PositionCourse.id))
    if kind is not None:
        query = query.where(PositionCourse.kind == kind)
    courses: dict[Course, set[int]] = defaultdict(set)
    for row in db.session.scalars(query):
        courses[row.course].add(row.position_id)
    return courses


def _not_completed(course: Course, position_ids: set[int]) -> int:
    """How many active people in these positions have not completed `course` (present; passed if assessed)."""
    return db.session.scalar(sa.select(sa.func.count(StaffMember.id)).where(
        StaffMember.position_id.in_(position_ids), _active(), StaffMember.id.not_in(completed_staff(course)))) or 0


def required_items(department: Department) -> list[DraftItem]:
    """One Q1 item per required course with the people who still need it (courses everyone has done: none)."""
    items = []
    for course, position_ids in _required_courses(department).items():
        people = _not_completed(course, position_ids)
        if people:
            items.append(DraftItem(PlanSource.REQUIRED, REQUIRED_QUARTER, people, course.hours, course.id))
    return items


def hires_by_quarter(department: Department, year: int) -> tuple[int, ...]:
    """Hires into the department (subtree) in each quarter of `year`."""
    counts = []
    for quarter in QUARTERS:
        first = date(year, 3 * quarter - 2, 1)
        after = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
        counts.append(db.session.scalar(sa.select(sa.func.count(EmploymentEvent.id)).where(
            EmploymentEvent.kind == EventKind.HIRE, EmploymentEvent.effective_on >= first,
            EmploymentEvent.effective_on < after,
            EmploymentEvent.to_department_id.in_(department_subtree_ids(department.id)))) or 0)
    return tuple(counts)


def expected_new_hires(department: Department, year: int) -> tuple[int, ...]:
    """New hires expected in each quarter of `year` (see rules.expected_hires)."""
    subtree = department_subtree_ids(department.id)
    planned = db.session.scalar(sa.select(sa.func.coalesce(sa.func.sum(Department.planned_headcount), 0))
                                .where(Department.id.in_(subtree))) or 0
    active = db.session.scalar(sa.select(sa.func.count(StaffMember.id))
                               .where(StaffMember.department_id.in_(subtree), _active())) or 0
    return expected_hires(hires_by_quarter(department, year - 1), planned, active)


def new_hire_items(department: Department, year: int) -> list[DraftItem]:
    """The induction courses for each quarter's expected new hires (quarters expecting nobody: no item)."""
    courses = _required_courses(department, RequiredTrainingKind.INDUCTION)
    if not courses:
        return []
    hires = expected_new_hires(department, year)
    return [DraftItem(PlanSource.NEW_HIRES, quarter, hires[quarter - 1], course.hours, course.id)
            for course in courses for quarter in QUARTERS if hires[quarter - 1]]


def open_needs(department: Department) -> list[TrainingNeed]:
    return list(db.session.scalars(sa.select(TrainingNeed).where(
        TrainingNeed.department_id == department.id, TrainingNeed.status == NeedStatus.OPEN)
        .order_by(TrainingNeed.id)))


def need_items(department: Department) -> list[DraftItem]:
    """The open needs grouped by course (or by topic when no course is named), one person a need."""
    groups: dict[tuple, list[TrainingNeed]] = defaultdict(list)
    for need in open_needs(department):
        groups[(need.course_id, "" if need.course_id else need.topic.strip())].append(need)
    items = []
    for (course_id, topic), needs in groups.items():
        course = needs[0].course
        topics = "; ".join(dict.fromkeys(n.topic.strip() for n in needs if n.topic.strip()))
        items.append(DraftItem(PlanSource.NEED, NEED_QUARTER, len(needs), course.hours if course else Decimal("0"),
                               course_id, topic[:160], topics[:255] if course_id else "",
                               tuple(n.id for n in needs)))
    return items


def draft_items(department: Department, year: int) -> list[DraftItem]:
    """Everything the three sources propose for the department's plan of `year`."""
    return required_items(department) + new_hire_items(department, year) + need_items(department)
