"""The effect pages: the index of courses with their headline numbers, a course's effect in a year and a
session's effect. HR sees everyone counted; heads the courses and sessions they may see, counting only the people
of their departments; staff none (403)."""
from flask import render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.training.access import TrainingPerm, can_view_course, can_view_session
from hrapp.blueprints.training.courses.queries import COURSES, courses_query, linked_rule_titles
from hrapp.blueprints.training.rules import EFFECT_WINDOW_DAYS
from hrapp.models import Course, CourseCategory, FeedbackRating, TrainingSession, utcnow
from hrapp.permissions import get_or_404, permission_required

from . import queries
from .charts import behaviour_chart, feedback_chart
from .effects import effect_of, effects
from .queries import LocalDays, Selection, counted_departments, year_selection

FIRST_YEAR, LAST_YEAR = 2000, 2100


def chosen_year(today) -> tuple[int, bool]:
    """The `year` argument (default: this year) and whether it had to be ignored."""
    raw = request.args.get("year", "").strip()
    if not raw:
        return today.year, False
    try:
        year = int(raw[:8])
    except ValueError:
        year = None
    if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
        return today.year, True
    return year, False


def year_choices(today) -> list[int]:
    return list(range(today.year, today.year - 5, -1))


@permission_required(TrainingPerm.LEAD)
def list_effects():
    """The courses (search, category filter, sort, pages) with attendees, average rating, pass rate and the
    behaviour change in the chosen year."""
    days = LocalDays()
    today = days(utcnow())
    year, bad_year = chosen_year(today)
    page = COURSES.page(courses_query(current_user), request.args)  # the catalogue's list
    course_ids = tuple(course.id for course in page.items)
    selection = year_selection(course_ids, year, counted_departments(current_user), days)
    found = effects(selection, today, days) if course_ids else {}
    return render_template("training/effect/index.html", page=page, effects=found, year=year, bad_year=bad_year,
                           years=year_choices(today), categories=list(CourseCategory),
                           window_days=EFFECT_WINDOW_DAYS, title=_("Training effect"))


@permission_required(TrainingPerm.LEAD)
def show_course_effect(course_id: int):
    """A course's reaction, learning and behaviour over its sessions in the chosen year."""
    course = get_or_404(Course, course_id, can_view_course)
    days = LocalDays()
    today = days(utcnow())
    year, bad_year = chosen_year(today)
    selection = year_selection((course.id,), year, counted_departments(current_user), days)
    return _effect_page(course, selection, today, days, year=year, bad_year=bad_year, years=year_choices(today),
                        sessions=queries.course_sessions(current_user, selection),
                        title=_("Effect of %(course)s", course=course.title))


@permission_required(TrainingPerm.LEAD)
def show_session_effect(session_id: int):
    """One session's reaction, learning and behaviour (colleagues: the attendees' departments' other staff)."""
    session = get_or_404(TrainingSession, session_id, can_view_session)
    selection = Selection((session.course_id,), session_id=session.id,
                          departments=counted_departments(current_user))
    days = LocalDays()
    return _effect_page(session.course, selection, days(utcnow()), days, training_session=session,
                        session_day=days(session.starts_at),
                        title=_("Effect of the session of %(course)s", course=session.course.title))


def _effect_page(course: Course, selection: Selection, today, days: LocalDays, **context):
    effect = effect_of(selection, today, days)
    return render_template("training/effect/effect.html", course=course, effect=effect,
                           rules=linked_rule_titles(course.id),
                           behaviour_chart=behaviour_chart(effect.behaviour),
                           feedback_chart=feedback_chart(effect.reaction),
                           comments=queries.latest_comments(selection), counted=selection.departments,
                           window_days=EFFECT_WINDOW_DAYS, rating_of=FeedbackRating, **context)
