"""Each position's required training (its job description's 入职 / 岗前 / 综合 training): HR adds and removes
positions on a course's page; a position's page lists what it requires (heads for their departments, HR all)."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.training.access import TrainingPerm, can_view_course, leads_department
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.forms import ConfirmForm
from hrapp.models import Course, Position
from hrapp.permissions import get_or_404, permission_required

from . import services
from .course_views import course_page
from .forms import RequiredCreateForm
from .queries import position_choices, required_courses


@permission_required(TrainingPerm.MANAGE)
def add_required_position(course_id: int):
    """HR adds a position that requires the course; a refusal comes back on the course's page."""
    course = get_or_404(Course, course_id, check=can_view_course)
    form = RequiredCreateForm()
    form.position_id.choices = position_choices()
    if not form.validate_on_submit():
        return course_page(course, form)
    try:
        with duplicates_refused():
            row = services.add_required(current_user, course, form.position_id.data, form.kind.data,
                                        form.due_days.data)
            db.session.commit()
    except ValidationFailed as exc:
        errors_onto_form(form, exc.errors)
        return course_page(course, form)
    flash(_("%(position)s now requires %(code)s.", position=row.position.name, code=course.code), "success")
    return redirect(url_for("training_courses.show_course", course_id=course.id, _anchor="required"))


@permission_required(TrainingPerm.MANAGE)
def remove_required_position(course_id: int, row_id: int):
    """HR removes a position's requirement of the course (after a confirmation); one already gone says so."""
    course = get_or_404(Course, course_id, check=can_view_course)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        services.remove_required(current_user, course, row_id)
        db.session.commit()
    except services.RequiredTrainingGone:
        flash(_("That position no longer required this course: someone already removed it."), "warning")
    else:
        flash(_("The position no longer requires %(code)s.", code=course.code), "success")
    return redirect(url_for("training_courses.show_course", course_id=course.id, _anchor="required"))


def _leads_position(user, position: Position) -> bool:
    return leads_department(user, position.department)


@permission_required(TrainingPerm.LEAD)
def show_position_courses(position_id: int):
    """The courses a position requires, with their kind and days to complete."""
    position = get_or_404(Position, position_id, check=_leads_position)
    return render_template("training/courses/position_courses.html", position=position,
                           rows=required_courses(position.id),
                           title=_("Required training of %(position)s", position=position.name))
