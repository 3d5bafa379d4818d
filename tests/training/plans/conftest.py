"""Fixtures of the training plans tests: `site` = `people` (org + the head of housekeeping) with a front-desk
position requiring two courses (etiquette at induction, fire safety as general training), a second clerk in it,
planned headcounts, last year's hires into the front desk, and helpers to post through the pages."""
from datetime import date

import pytest
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import (
    CourseCategory,
    EmploymentEvent,
    EventKind,
    PositionCourse,
    RequiredTrainingKind,
    TrainingPlan,
)
from tests.access_matrix import people  # noqa: F401  (fixture)

YEAR = 2027  # the plans' year; last year's hires are in 2026


@pytest.fixture
def site(people, make_position, make_staff, make_course):  # noqa: F811
    o = people
    o.desk_position = make_position("P-DESK", "前台接待", department=o.front_desk)
    o.desk_staff.position_id = o.desk_position.id
    o.clerk2 = make_staff(o.front_desk, name_zh="张接待", position_id=o.desk_position.id)
    o.etiquette = make_course("C-ETQ", "服务礼仪", hours="4")
    o.fire = make_course("C-FIRE", "消防安全", category=CourseCategory.SAFETY, hours="2")
    db.session.add_all([
        PositionCourse(position_id=o.desk_position.id, course_id=o.etiquette.id, kind=RequiredTrainingKind.INDUCTION),
        PositionCourse(position_id=o.desk_position.id, course_id=o.fire.id, kind=RequiredTrainingKind.GENERAL),
    ])
    o.front.planned_headcount, o.front_desk.planned_headcount, o.housekeeping.planned_headcount = 1, 2, 1
    db.session.commit()
    return o


def hire_last_year(staff, department, day: date) -> EmploymentEvent:
    event = EmploymentEvent(staff_id=staff.id, kind=EventKind.HIRE, effective_on=day, to_department_id=department.id)
    db.session.add(event)
    db.session.commit()
    return event


def new_plan(client, department, year: int = YEAR, hours: str = "100", cost: str = "5000.00", **extra):
    """Create a plan through the page; returns the response."""
    return client.post("/training/plans/new", data={"department_id": department.id, "year": year,
                                                    "budget_hours": hours, "budget_cost": cost, **extra})


def plan_of(department, year: int = YEAR) -> TrainingPlan | None:
    db.session.expire_all()
    return db.session.scalar(sa.select(TrainingPlan).where(TrainingPlan.department_id == department.id,
                                                           TrainingPlan.year == year))


def step(client, plan, name: str, version=None, **data):
    return client.post(f"/training/plans/{plan.id}/{name}",
                       data={"version_id": plan.version_id if version is None else version, **data})


def login(client, auth, username: str) -> None:
    """Log in through the form, then read the pages in English (the tests match English messages)."""
    auth.logout()
    auth.login(username)
    client.post("/auth/locale/en")
