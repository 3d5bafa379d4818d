"""Enrolment pages: the bulk enrolment of a session (candidates with their roster clashes), enrolling oneself in
an open session, cancelling a place."""
import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.training.access import can_enrol, can_self_enrol, can_view_enrolment, can_view_session
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.listing import positive_int
from hrapp.core.uniqueness import duplicates_refused
from hrapp.extensions import db
from hrapp.models import Enrolment, StaffMember, TrainingSession
from hrapp.permissions import check_or_404, get_or_404, visible_departments

from .clashes import clashes
from .enrolment import ENROLLED, REFUSED, WAITING, cancel_place, enrol, session_refusal_code
from .forms import EnrolForm, VersionOnlyForm
from .messages import SessionError, message
from .queries import candidates, positions_of, session_rows
from .views import may_cancel_place, may_enrol_into, page


def _int_arg(name: str) -> int | None:
    try:
        return positive_int(request.values.get(name, ""))
    except ValueError:
        return None


def _staff_id(value: str) -> int | None:
    try:
        return positive_int(value)
    except ValueError:
        return None


def _chosen(ids: list[str]) -> list[StaffMember]:
    wanted = [number for i in ids if (number := _staff_id(i)) is not None][:2000]
    people = db.session.scalars(sa.select(StaffMember).where(StaffMember.id.in_(wanted))).all() if wanted else []
    return [p for p in people if can_enrol(current_user, p)]


def _flash_outcomes(outcomes) -> None:
    counts = {kind: sum(1 for o in outcomes if o.result == kind) for kind in (ENROLLED, WAITING)}
    if counts[ENROLLED] or counts[WAITING]:
        flash(_("%(enrolled)s enrolled, %(waiting)s on the waiting list.", enrolled=counts[ENROLLED],
                waiting=counts[WAITING]), "success")
    for outcome in outcomes:
        if outcome.result == REFUSED:
            flash(outcome.message, "warning")


@login_required
def enrol_people(session_id: int):
    """Pick people to enrol (heads: their departments' staff; HR: anyone), each row with their roster clash."""
    session = get_or_404(TrainingSession, session_id, check=can_view_session)
    check_or_404(session, may_enrol_into)
    form = EnrolForm()
    department_id = _int_arg("department") or (session.department_id if request.method == "GET" else None)
    if form.validate_on_submit():
        people = _chosen(request.form.getlist("staff_ids"))
        if not people:
            form.form_errors.append(message("nobody_chosen"))
        else:
            try:
                with duplicates_refused(SessionError):
                    outcomes = enrol(session, people, current_user)
                    db.session.commit()
            except SessionError as exc:
                db.session.rollback()
                form.form_errors.extend(exc.messages())
            else:
                _flash_outcomes(outcomes)
                return redirect(url_for("training_sessions.show_session", session_id=session_id))
    text = request.values.get("q", "").strip()[:40]
    people = candidates(current_user, department_id, _int_arg("position"), text)
    enrolled, waiting = session_rows(session.id)
    placed = {e.staff_id: e for e in enrolled + waiting}
    departments = visible_departments(current_user)
    return render_template("training/sessions/enrol.html", session=session, form=form, people=people,
                           placed=placed, clash=clashes(session, [p.id for p in people]), departments=departments,
                           positions=positions_of([d.id for d in departments]), department_id=department_id,
                           position_id=_int_arg("position"), q=text, closed=session_refusal_code(session),
                           title=_("Enrol in %(course)s", course=session.course.title))


@login_required
def enrol_self(session_id: int):
    """Enrol myself in an open session (a seat, or the waiting list when it is full)."""
    session = get_or_404(TrainingSession, session_id, check=can_view_session)
    check_or_404(session, can_self_enrol)
    form = EnrolForm()
    if not form.validate_on_submit():
        for text in form.form_errors or [_("The form expired; try again.")]:
            flash(text, "danger")
        return redirect(url_for("training_sessions.show_session", session_id=session_id))
    try:
        with duplicates_refused(SessionError):
            outcome = enrol(session, [current_user.staff], current_user, self_enrolled=True)[0]
            db.session.commit()
    except SessionError as exc:
        db.session.rollback()
        flash(exc.message, "danger")
        return redirect(url_for("training_sessions.show_session", session_id=session_id))
    if outcome.result == REFUSED:
        flash(outcome.message, "warning")
    else:
        flash(_("You are enrolled.") if outcome.result == ENROLLED else _("The session is full: you are on the "
                                                                           "waiting list."), "success")
    return redirect(url_for("training_sessions.show_session", session_id=session_id))


@login_required
def cancel_enrolment(enrolment_id: int):
    """Cancel a place (the person, their heads, HR); the first person waiting moves up."""
    enrolment = get_or_404(Enrolment, enrolment_id, check=can_view_enrolment)
    check_or_404(enrolment, may_cancel_place)
    session_id = enrolment.session_id
    form = VersionOnlyForm()
    back = redirect(url_for("training_sessions.show_session", session_id=session_id))
    if not form.validate_on_submit():
        flash(_("The form expired; try again."), "danger")
        return back
    try:
        promoted = cancel_place(current_user, enrolment, form.expected_version())
        db.session.commit()
    except StaleRecord:
        db.session.rollback()
        flash(str(STALE_MESSAGE), "danger")
        return page(db.session.get(TrainingSession, session_id), status=409)
    except SessionError as exc:
        db.session.rollback()
        flash(exc.message, "danger")
        return back
    flash(_("Place cancelled.") if promoted is None else
          _("Place cancelled; %(name)s moved up from the waiting list.", name=promoted.staff.display_name), "success")
    return back
