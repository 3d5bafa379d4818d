"""Which departments a chart page covers (the viewer's scope, narrowed by the department filter) and the charts
themselves: name -> how to build it from what the page reads (`Sources`)."""
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import Department
from hrapp.naming import english_ui
from hrapp.permissions import department_scope, sees_everything

from . import figures, queries
from .rules import MonthRange


def chart_departments(user, department: Department | None) -> frozenset[int] | None:
    """The department ids whose figures `user` sees (None: every department): HR and administrators all of
    them, heads the departments they head; narrowed to `department` and its sub-departments when given (the
    caller has checked the user may see it)."""
    everything = sees_everything(user)
    if department is None:
        return None if everything else department_scope(user)
    subtree = frozenset(db.session.scalars(sa.select(Department.id)
                                           .where(Department.path.startswith(department.path))))
    return subtree if everything else subtree & department_scope(user)


@dataclass
class Sources:
    """What the charts of one page read, each at most once (both attendance charts fold the same pass)."""

    user: object
    departments: frozenset[int] | None
    period: MonthRange
    names: dict  # department id -> Department, those in scope

    @cached_property
    def attendance(self) -> queries.AttendanceCounts:
        return queries.attendance_counts(self.departments, self.period)


def _attendance(s: Sources) -> figures.Figure:
    return figures.attendance_figure(queries.attendance_by_month(s.attendance), s.names, s.period)


def _lateness(s: Sources) -> figures.Figure:
    return figures.lateness_figure(*queries.lateness_by_weekday(s.attendance))


def _violations(s: Sources) -> figures.Figure:
    return figures.violations_figure(queries.violations_by_rule(s.departments, s.period), s.names, s.period,
                                     english_ui())


def _money(s: Sources) -> figures.Figure:
    return figures.money_figure(queries.rewards_against_fines(s.departments, s.period))


def _grades(s: Sources) -> figures.Figure:
    cycle = queries.appraisal_cycle(s.period)
    section = queries.appraisal_grades(s.user, s.departments, cycle) if cycle else None
    return figures.grades_figure(section, cycle)


def _training(s: Sources) -> figures.Figure:
    return figures.training_figure(queries.training_against_plan(s.departments, s.period))


CHARTS: dict[str, Callable[[Sources], figures.Figure]] = {
    "attendance": _attendance, "lateness": _lateness, "violations": _violations, "money": _money,
    "grades": _grades, "training": _training,
}


def build(user, departments: frozenset[int] | None, period: MonthRange, names=None) -> list[figures.Figure]:
    """Every chart for `user` over `departments` and `period`, in page order."""
    sources = Sources(user, departments, period, queries.department_names(departments) if names is None else names)
    return [make(sources) for make in CHARTS.values()]


def build_one(name: str, user, departments: frozenset[int] | None, period: MonthRange) -> figures.Figure:
    """One chart by name (KeyError for an unknown name)."""
    return CHARTS[name](Sources(user, departments, period, queries.department_names(departments)))
