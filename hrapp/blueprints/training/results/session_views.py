"""A session's results page (whoever may mark it: HR, the head running it, its trainer): the register with the
sign-in code, the scores, the feedback given. Each POST: load and check, the form, one service, commit, redirect;
a stale page gets the STALE message (409), other refusals come back on the page."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.training.access import can_mark_session
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import errors_onto_form
from hrapp.extensions import db
from hrapp.labels import label
from hrapp.models import Enrolment, Presence, TrainingSession
from hrapp.permissions import get_or_404

from . import assessment, register
from .forms import AttemptForm, PresenceForm, SessionStepForm
from .messages import MESSAGES, ResultsError
from .queries import session_feedback


def _markable(user, session: TrainingSession) -> bool:
    return can_mark_session(user, session)


def _enrolment_markable(user, enrolment: Enrolment) -> bool:
    return can_mark_session(user, enrolment.session)


def _attempt_choices(session: TrainingSession, rows, attempts) -> list[tuple[int, str]]:
    return [(e.id, f"{e.staff.staff_number} {e.staff.display_name}") for e in rows
            if e.presence == Presence.PRESENT and e.staff_id not in attempts]


def _certificate_note(attempt) -> str:
    """Why an attempt shows no certificate (a failed attempt earns none), "" when it has one."""
    code = assessment.certificate_refusal(attempt)
    return str(MESSAGES[code]) if code else ""


def session_page(session: TrainingSession, step_form=None, attempt_form=None, presence_errors=None,
                 status: int = 200):
    """The results page of `session`; forms given keep what the user typed after a refusal."""
    rows = register.register_rows(session)
    attempts = assessment.session_attempts(session)
    step_form = step_form or SessionStepForm(formdata=None)
    attempt_form = attempt_form or AttemptForm(formdata=None)
    attempt_form.enrolment_id.choices = _attempt_choices(session, rows, attempts)
    step_form.version_id.data = session.version_id
    return render_template(
        "training/results/session_results.html", session=session, course=session.course, rows=rows,
        attempts=attempts, window_open=register.window_open(session), step_form=step_form,
        attempt_form=attempt_form, presence_errors=presence_errors or {}, marks=PresenceForm, presence=Presence,
        feedback=session_feedback(session), certificate_note=_certificate_note,
        title=_("Results of %(course)s", course=session.course.title)), status


@login_required
def show_session_results(session_id: int):
    """The register, the sign-in code (while the window is open), the scores and the feedback of a session."""
    return session_page(get_or_404(TrainingSession, session_id, check=_markable))


def _session_step(session_id: int, run, done):
    session = get_or_404(TrainingSession, session_id, check=_markable)
    form = SessionStepForm()
    if not form.validate_on_submit():
        return session_page(session, step_form=form)
    try:
        result = run(session, form.expected_version())
    except StaleRecord:
        db.session.rollback()
        form.form_errors.append(str(STALE_MESSAGE))
        return session_page(db.session.get(TrainingSession, session_id), step_form=form, status=409)
    except ResultsError as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return session_page(session, step_form=form)
    db.session.commit()
    flash(done(result), "success")
    return redirect(url_for("training_results.show_session_results", session_id=session_id))


@login_required
def mark_all_present(session_id: int):
    """Everyone enrolled and not yet marked becomes present."""
    return _session_step(session_id, lambda s, v: register.mark_all_present(current_user, s, v),
                         lambda n: _("%(count)s people marked present.", count=n))


@login_required
def renew_signin_code(session_id: int):
    """A new sign-in code (the old one stops working)."""
    return _session_step(session_id, lambda s, v: register.new_code(current_user, s, v),
                         lambda code: _("New sign-in code: %(code)s", code=code))


@login_required
def mark_presence(enrolment_id: int):
    """One person present, absent or excused."""
    enrolment = get_or_404(Enrolment, enrolment_id, check=_enrolment_markable)
    session = enrolment.session
    form = PresenceForm()
    if form.stale_for(enrolment):
        return session_page(session, presence_errors={enrolment_id: [str(STALE_MESSAGE)]}, status=409)
    if not form.validate_on_submit():
        return session_page(session, presence_errors={enrolment.id: [m for ms in form.errors.values() for m in ms]})
    try:
        register.mark_presence(current_user, enrolment, Presence(form.presence.data), form.expected_version())
    except StaleRecord:
        db.session.rollback()
        return session_page(enrolment.session, presence_errors={enrolment_id: [str(STALE_MESSAGE)]}, status=409)
    except ResultsError as exc:
        db.session.rollback()
        return session_page(session, presence_errors={enrolment_id: exc.messages()})
    db.session.commit()
    flash(_("%(name)s: %(mark)s.", name=enrolment.staff.display_name, mark=label(enrolment.presence)), "success")
    return redirect(url_for("training_results.show_session_results", session_id=session.id) + f"#e{enrolment_id}")


@login_required
def record_score(session_id: int):
    """A present attendee's score: their next attempt at the course."""
    session = get_or_404(TrainingSession, session_id, check=_markable)
    form = AttemptForm()
    form.enrolment_id.choices = _attempt_choices(session, register.register_rows(session),
                                                 assessment.session_attempts(session))
    if not form.validate_on_submit():
        return session_page(session, attempt_form=form)
    enrolment = db.session.get(Enrolment, form.enrolment_id.data)
    try:
        with duplicates_refused(ResultsError):
            attempt = assessment.record_attempt(current_user, enrolment, form.score.data)
            db.session.commit()
    except ResultsError as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return session_page(db.session.get(TrainingSession, session_id), attempt_form=form)
    flash(_("Score recorded: passed.") if attempt.passed else _("Score recorded: not passed."), "success")
    return redirect(url_for("training_results.show_session_results", session_id=session_id) + "#attempts")
