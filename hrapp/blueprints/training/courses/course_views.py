"""The catalogue: the list (everyone in training; inactive courses HR only), a course's page, and HR's add,
edit, take out of use and back."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.attachments.panel import attachment_panel
from hrapp.blueprints.training.access import TrainingPerm, can_manage_training, can_view_course
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.forms import ConfirmForm, posted_version
from hrapp.models import Course, CourseCategory
from hrapp.permissions import get_or_404, permission_required

from . import services
from .attachments import OWNER
from .forms import CourseCreateForm, CourseForm, RequiredCreateForm
from .queries import (
    COURSES,
    courses_query,
    default_rule_ids,
    linked_rule_titles,
    penalty_rules,
    position_choices,
    required_by,
)


@permission_required(TrainingPerm.VIEW)
def list_courses():
    """The catalogue: search by code or title, filter by category (and, for HR, in use or not), pages."""
    page = COURSES.page(courses_query(current_user), request.args)
    return render_template("training/courses/course_list.html", page=page, categories=list(CourseCategory),
                           form=ConfirmForm(), title=_("Courses"))


def course_page(course: Course, required_form: RequiredCreateForm | None = None, status: int = 200):
    """A course's page; a required-training form given keeps what HR typed after a refusal."""
    if can_manage_training(current_user):
        required_form = required_form or RequiredCreateForm(formdata=None)
        required_form.position_id.choices = position_choices()
    else:
        required_form = None
    return render_template("training/courses/course_detail.html", course=course, required=required_by(course),
                           rules=linked_rule_titles(course.id), required_form=required_form,
                           form=ConfirmForm(), attachments=attachment_panel(OWNER, course, current_user),
                           title=course.title), status


@permission_required(TrainingPerm.VIEW)
def show_course(course_id: int):
    """Everything about a course: settings, trainer, assessment, linked rules, required-by positions, materials."""
    return course_page(get_or_404(Course, course_id, check=can_view_course))


def _rule_choices(form, keep_ids=()) -> None:
    form.rule_ids.choices = [(rule.id, f"{rule.code} {title}") for rule, title in penalty_rules(tuple(keep_ids))]


@permission_required(TrainingPerm.MANAGE)
def create_course():
    """HR adds a course; its category's usual conduct rules come pre-selected (`?category=`)."""
    form = CourseCreateForm()
    _rule_choices(form)
    if request.method == "GET":
        category = request.args.get("category", "")
        form.category.data = category if category in CourseCategory._value2member_map_ else form.category.choices[0][0]
        form.rule_ids.data = default_rule_ids(form.category.data)
    if form.validate_on_submit():
        try:
            with duplicates_refused():
                course = services.create_course(current_user, form.draft())
                db.session.commit()
        except ValidationFailed as exc:
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Course %(code)s added.", code=course.code), "success")
            return redirect(url_for("training_courses.show_course", course_id=course.id))
    return render_template("training/courses/course_form.html", form=form, course=None, title=_("New course"))


def _initial(course: Course) -> dict:
    data = {name: getattr(course, name) for name in services.FIELDS if name not in ("trainer_number", "rules",
                                                                                   "active")}
    return data | {"category": course.category.value, "version_id": course.version_id,
                   "trainer_number": course.trainer.staff_number if course.trainer else "",
                   "rule_ids": [r.id for r in course.rules]}


@permission_required(TrainingPerm.MANAGE)
def edit_course(course_id: int):
    """HR changes a course's settings and linked rules."""
    course = get_or_404(Course, course_id, check=can_view_course)
    form = CourseForm(data=None if request.method == "POST" else _initial(course))
    _rule_choices(form, [r.id for r in course.rules])
    if form.validate_on_submit():
        try:
            with duplicates_refused():
                services.update_course(current_user, course, form.draft(), form.expected_version())
                db.session.commit()
        except StaleRecord:
            form.form_errors.append(str(STALE_MESSAGE))
        except ValidationFailed as exc:
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Course %(code)s saved.", code=course.code), "success")
            return redirect(url_for("training_courses.show_course", course_id=course.id))
    return render_template("training/courses/course_form.html", form=form, course=course,
                           title=_("Edit course %(code)s", code=course.code))


def _set_active(course_id: int, active: bool):
    course = get_or_404(Course, course_id, check=can_view_course)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    # a stale page raises StaleRecord: the app's 409 page with the stale message, nothing changed
    services.set_course_active(current_user, course, active, posted_version(request.form.get("version_id")))
    db.session.commit()
    flash(_("Course %(code)s is offered again.", code=course.code) if active else
          _("Course %(code)s is no longer offered; its records stay.", code=course.code), "success")
    return redirect(url_for("training_courses.show_course", course_id=course.id))


@permission_required(TrainingPerm.MANAGE)
def deactivate_course(course_id: int):
    """Take a course out of use."""
    return _set_active(course_id, False)


@permission_required(TrainingPerm.MANAGE)
def reactivate_course(course_id: int):
    """Put a course back in use."""
    return _set_active(course_id, True)
