"""Setting up sessions: new, edit, cancel, put on the roster. Each: load and check, the form, one service call,
commit, redirect; a refusal comes back on the form, a stale page gets the STALE message (409)."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.training.access import TrainingPerm, can_manage_training, can_run_session
from hrapp.company import company_today
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.validation import errors_onto_form
from hrapp.extensions import db
from hrapp.models import TrainingSession
from hrapp.permissions import get_or_404, permission_required

from .clashes import local_times
from .forms import ReasonForm, SessionCreateForm, SessionFields, VersionOnlyForm
from .messages import SessionError
from .queries import active_courses, plan_items, run_departments
from .roster_shift import put_on_roster
from .services import cancel_session, create_session, update_session
from .views import page


def _choices(form: SessionFields, session: TrainingSession | None = None) -> None:
    """The courses in use and this year's and next year's plan items; editing, also the session's own course and
    plan item (out of use now, or of an earlier year), so an edit never fails on them."""
    year = company_today().year
    courses, items = active_courses(), plan_items(current_user, (year, year + 1))
    if session is not None:
        if all(c.id != session.course_id for c in courses):
            courses = [session.course, *courses]
        if session.plan_item_id and all(item.id != session.plan_item_id for item, _plan in items):
            items = [*items, *plan_items(current_user, (), only=session.plan_item_id)]
    form.set_choices(courses, run_departments(current_user), items, hr=can_manage_training(current_user))


def _form_page(form: SessionFields, session: TrainingSession | None, status: int = 200):
    title = _("Edit the session") if session else _("New training session")
    return render_template("training/sessions/session_form.html", form=form, session=session, title=title), status


@permission_required(TrainingPerm.LEAD)
def new_session():
    """Set up a session of any course (HR), or of one's departments (heads)."""
    form = SessionCreateForm()
    _choices(form)
    if not form.is_submitted():  # from a course's page or a plan item: that course (and item) chosen
        form.course_id.data = request.args.get("course", type=int)
        form.plan_item_id.data = request.args.get("plan_item", type=int)
    if form.validate_on_submit():
        try:
            session = create_session(current_user, form.draft())
            db.session.commit()
        except SessionError as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Session created."), "success")
            return redirect(url_for("training_sessions.show_session", session_id=session.id))
    return _form_page(form, None)


@login_required
def edit_session(session_id: int):
    """Change a session's time, place, capacity (not below the people enrolled), trainer, note."""
    session = get_or_404(TrainingSession, session_id, check=can_run_session)
    form = SessionFields()
    _choices(form, session)
    if not form.is_submitted():
        form.fill_from(session, *local_times(session))
    elif form.validate():
        try:
            update_session(current_user, session, form.draft(), form.expected_version())
            db.session.commit()
        except StaleRecord:
            db.session.rollback()
            form.form_errors.append(str(STALE_MESSAGE))
            return _form_page(form, db.session.get(TrainingSession, session_id), 409)
        except SessionError as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Session saved."), "success")
            return redirect(url_for("training_sessions.show_session", session_id=session_id))
    return _form_page(form, session)


@login_required
def cancel_training_session(session_id: int):
    """Cancel the session with a reason; the people enrolled and waiting are told."""
    session = get_or_404(TrainingSession, session_id, check=can_run_session)
    form = ReasonForm()
    if form.stale_for(session):
        form.form_errors.append(str(STALE_MESSAGE))
        return page(session, cancel_form=form, status=409)
    if not form.validate_on_submit():
        return page(session, cancel_form=form)
    try:
        cancel_session(current_user, session, form.expected_version(), form.reason.data)
        db.session.commit()
    except StaleRecord:
        db.session.rollback()
        form.form_errors.append(str(STALE_MESSAGE))
        return page(db.session.get(TrainingSession, session_id), cancel_form=form, status=409)
    except SessionError as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return page(session, cancel_form=form)
    flash(_("Session cancelled; the people enrolled were told."), "success")
    return redirect(url_for("training_sessions.show_session", session_id=session_id))


@login_required
def put_session_on_roster(session_id: int):
    """Write the training shift (训) on the enrolled people's rosters; report who could not be put on."""
    session = get_or_404(TrainingSession, session_id, check=can_run_session)
    form = VersionOnlyForm()
    if not form.validate_on_submit():
        flash(_("The form expired; try again."), "danger")
        return redirect(url_for("training_sessions.show_session", session_id=session_id))
    try:
        result = put_on_roster(current_user, session, form.expected_version())
        db.session.commit()
    except StaleRecord:
        db.session.rollback()
        flash(str(STALE_MESSAGE), "danger")
        return page(db.session.get(TrainingSession, session_id), status=409)
    except SessionError as exc:
        db.session.rollback()
        for message in exc.messages():
            flash(message, "danger")
        return redirect(url_for("training_sessions.show_session", session_id=session_id))
    flash(_("%(count)s people put on the roster.", count=len(result.placed)), "success")
    names = {e.staff_id: e.staff.display_name for e in session.enrolments}
    for staff_id, why in result.refused.items():
        flash(_("%(name)s not put on the roster: %(why)s", name=names.get(staff_id, staff_id), why=why), "warning")
    return redirect(url_for("training_sessions.show_session", session_id=session_id))
