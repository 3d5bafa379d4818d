"""The sessions pages people read: the list (upcoming or past), open sessions, my sessions, a session's page."""
from flask import render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.training.access import (
    TrainingPerm,
    can_enrol,
    can_mark_session,
    can_run_session,
    can_self_enrol,
    can_view_session,
    can_view_training_of,
)
from hrapp.blueprints.training.rules import seats_left
from hrapp.extensions import db
from hrapp.models import SessionStatus, StaffMember, TrainingSession
from hrapp.permissions import get_or_404, has_perm, is_self, permission_required, visible_departments

from .clashes import clashes, local_times
from .enrolment import session_refusal_code
from .forms import EnrolForm, ReasonForm, VersionOnlyForm
from .queries import (
    SESSIONS,
    all_courses,
    counts_of,
    my_places,
    open_sessions,
    places_of,
    run_departments,
    session_rows,
    sessions_query,
)


def may_enrol_into(user, session: TrainingSession) -> bool:
    """The bulk enrolment page: whoever runs the session, and heads (for their own staff) in any session they see."""
    return can_run_session(user, session) or has_perm(user, TrainingPerm.LEAD)


def may_cancel_place(user, enrolment) -> bool:
    """The person themselves, whoever may enrol them (their heads, HR), and whoever runs the session."""
    return (is_self(user, enrolment.staff) or can_enrol(user, enrolment.staff)
            or can_run_session(user, enrolment.session))


@permission_required(TrainingPerm.VIEW)
def list_sessions():
    """Upcoming (or past, `?when=past`) sessions in my scope: filters, search, pages."""
    past = request.args.get("when") == "past"
    page = SESSIONS.page(sessions_query(current_user, past), request.args)
    counts = counts_of(s.id for s in page.items)
    return render_template("training/sessions/session_list.html", page=page, past=past, courses=all_courses(),
                           counts=counts,
                           departments=visible_departments(current_user),
                           may_create=bool(run_departments(current_user)), seats_left=seats_left,
                           title=_("Training sessions"))


@permission_required(TrainingPerm.VIEW)
def list_open_sessions():
    """Sessions I may enrol myself in, with my place in each (phone-friendly cards)."""
    sessions = open_sessions(current_user)
    places = places_of(current_user.staff_id, [s.id for s in sessions]) if current_user.staff_id else {}
    counts = counts_of(s.id for s in sessions)
    return render_template("training/sessions/open_sessions.html", sessions=sessions, places=places, counts=counts,
                           seats_left=seats_left, form=EnrolForm(), title=_("Open sessions"))


@permission_required(TrainingPerm.VIEW)
def list_my_sessions():
    """My places in sessions, latest first (phone-friendly cards)."""
    staff = db.session.get(StaffMember, current_user.staff_id) if current_user.staff_id else None
    return render_template("training/sessions/my_sessions.html", places=my_places(staff.id) if staff else [],
                           form=VersionOnlyForm(formdata=None), title=_("My sessions"))


def page(session: TrainingSession, cancel_form=None, status: int = 200):
    """A session's page; a form given keeps what the user typed after a refusal."""
    enrolled, waiting = session_rows(session.id)
    totals = {"enrolled": len(enrolled), "waiting": len(waiting)}
    positions = {e.id: n for n, e in enumerate(waiting, start=1)}
    if not can_mark_session(current_user, session):  # others see only the people they may see: themselves, their staff
        enrolled = [e for e in enrolled if can_view_training_of(current_user, e.staff)]
        waiting = [e for e in waiting if can_view_training_of(current_user, e.staff)]
    cancel_form = cancel_form or ReasonForm(formdata=None)
    if cancel_form.version_id.data in (None, ""):
        cancel_form.version_id.data = session.version_id
    shown = [e.staff_id for e in enrolled + waiting]
    starts, ends = local_times(session)
    return render_template(
        "training/sessions/session_detail.html", session=session, enrolled=enrolled, waiting=waiting,
        clash=clashes(session, shown), starts=starts, ends=ends, totals=totals, positions=positions,
        seats=seats_left(session.capacity, totals["enrolled"]),
        runs=can_run_session(current_user, session), may_enrol=may_enrol_into(current_user, session),
        self_enrol=can_self_enrol(current_user, session) and current_user.staff_id not in shown,
        closed=session_refusal_code(session), cancelled=session.status == SessionStatus.CANCELLED,
        may_cancel_place=lambda e: may_cancel_place(current_user, e), cancel_form=cancel_form,
        action_form=VersionOnlyForm(formdata=None), enrol_form=EnrolForm(),
        title=_("Session of %(course)s", course=session.course.title)), status


@login_required
def show_session(session_id: int):
    """A session: details, seats left, who is enrolled (with roster clashes) and the waiting list in order."""
    return page(get_or_404(TrainingSession, session_id, check=can_view_session))
