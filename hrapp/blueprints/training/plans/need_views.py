"""Training needs: the list (heads their departments', HR all), raising one by hand, dismissing one with a
reason."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.training.access import TrainingPerm, can_view_need
from hrapp.core.errors import StaleRecord
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.models import Course, NeedSource, NeedStatus, StaffMember, TrainingNeed
from hrapp.permissions import can_view_staff, get_or_404, permission_required

from . import needs
from .forms import DismissForm, NeedCreateForm
from .queries import (
    NEEDS,
    course_choices,
    department_choices,
    dismiss_reasons,
    led_departments,
    may_choose_department,
    needs_query,
)


def _list_page(form=None, status: int = 200):
    page = NEEDS.page(needs_query(current_user), request.args, endpoint="training_plans.list_needs")
    return render_template("training/plans/need_list.html", page=page, statuses=list(NeedStatus),
                           sources=list(NeedSource), departments=led_departments(current_user),
                           reasons=dismiss_reasons(page.items),
                           form=form or DismissForm(formdata=None), title=_("Training needs")), status


@permission_required(TrainingPerm.LEAD)
def list_needs():
    """Needs by status, source and department, newest first."""
    return _list_page()


@permission_required(TrainingPerm.LEAD)
def create_need():
    """Raise a need for a department, optionally for one person and one course."""
    form = NeedCreateForm()
    form.department_id.choices = department_choices(current_user)
    form.course_id.choices = course_choices()
    if form.validate_on_submit():
        department = may_choose_department(current_user, form.department_id.data)
        if department is None:
            abort(403)
        number = (form.staff_number.data or "").strip()
        staff = StaffMember.numbered(number) if number else None
        if staff is not None and not can_view_staff(current_user, staff):
            staff = None  # someone the head may not see is, to them, nobody: the number tells them nothing
        try:
            if number and staff is None:
                raise ValidationFailed.single("staff_number", _("There is no one with this staff number."))
            needs.raise_need(department, form.topic.data or "", current_user, staff=staff,
                             course=db.session.get(Course, form.course_id.data) if form.course_id.data else None,
                             source=NeedSource(form.source.data))
            db.session.commit()
        except ValidationFailed as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Training need raised."), "success")
            return redirect(url_for("training_plans.list_needs"))
    return render_template("training/plans/need_form.html", form=form, title=_("Raise a training need"))


@permission_required(TrainingPerm.LEAD)
def dismiss_need(need_id: int):
    """Set an open need aside, with a reason."""
    need = get_or_404(TrainingNeed, need_id, check=can_view_need)
    form = DismissForm()
    if not form.validate_on_submit() and "csrf_token" in form.errors:
        abort(400)
    try:  # the service checks the version first, so a stale page is told so whatever else it sent
        needs.dismiss_need(current_user, need, form.expected_version(), form.reason.data or "")
        db.session.commit()
    except StaleRecord as exc:
        db.session.rollback()
        form.form_errors.append(str(exc))
        return _list_page(form, 409)
    except ValidationFailed as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return _list_page(form)
    flash(_("Training need dismissed."), "success")
    return redirect(url_for("training_plans.list_needs"))
