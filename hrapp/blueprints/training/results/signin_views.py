"""The attendee's pages, phone first: signing in with the session's code (wrong guesses rate-limited per
account and per address, so a 6-digit code cannot be tried through), the sessions attended and the feedback on
them."""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.training.access import TrainingPerm
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import errors_onto_form
from hrapp.extensions import db, limiter
from hrapp.models import Enrolment, StaffMember
from hrapp.permissions import get_or_404, has_perm, is_self, permission_required

from .feedback import feedback_of, feedback_refusal, give_feedback, my_recent_sessions
from .forms import FeedbackForm, SignInForm
from .messages import MESSAGES, ResultsError
from .register import sign_in_with_code

# Wrong guesses allowed (only refused sign-ins count); TRAINING_SIGNIN_RATE_LIMIT overrides the per-account one.
PER_ACCOUNT = "5 per minute;20 per hour"
PER_ADDRESS = "30 per minute"


def _per_account() -> str:
    return current_app.config.get("TRAINING_SIGNIN_RATE_LIMIT", PER_ACCOUNT)


def _account_key() -> str:
    return f"training-sign-in:{getattr(current_user, 'id', None) or request.remote_addr}"


def _refused(response) -> bool:
    """Only a refused sign-in (the form back with a message) counts against the limit."""
    return request.method == "POST" and response.status_code == 422


def _my_staff() -> StaffMember | None:
    return db.session.get(StaffMember, current_user.staff_id) if current_user.staff_id else None


@permission_required(TrainingPerm.VIEW)
@limiter.limit(_per_account, key_func=_account_key, methods=["POST"], deduct_when=_refused)
@limiter.limit(lambda: current_app.config.get("TRAINING_SIGNIN_ADDRESS_LIMIT", PER_ADDRESS), methods=["POST"],
               deduct_when=_refused)
def sign_in():
    """Enter the code the trainer shows; below, the sessions I attended and my feedback on them."""
    form = SignInForm()
    staff = _my_staff()
    status = 200
    if form.validate_on_submit():
        try:
            result = sign_in_with_code(current_user, staff, form.code.data)
            db.session.commit()
        except ResultsError as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
            status = 422
        else:
            course = result.enrolment.session.course.title
            if result.already:
                flash(_("You were already signed in to %(course)s.", course=course), "info")
            else:
                flash(_("Signed in to %(course)s. Welcome!", course=course), "success")
            return redirect(url_for("training_results.sign_in"))
    elif form.is_submitted():
        status = 422
    return render_template("training/results/sign_in.html", form=form, staff=staff,
                           recent=my_recent_sessions(staff.id) if staff else [],
                           title=_("Sign in to training")), status


def _own(user, enrolment: Enrolment) -> bool:
    return has_perm(user, TrainingPerm.VIEW) and is_self(user, enrolment.staff)


@permission_required(TrainingPerm.VIEW)
def give_session_feedback(enrolment_id: int):
    """GET: the feedback form (or what I gave); POST: rate the session I attended, once."""
    enrolment = get_or_404(Enrolment, enrolment_id, check=_own)
    given = feedback_of(enrolment)
    form = FeedbackForm()
    if given is None and form.validate_on_submit():
        try:
            with duplicates_refused(ResultsError):
                give_feedback(current_user, enrolment, form.rating.data, form.comment.data or "")
                db.session.commit()
        except ResultsError as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Thank you for your feedback."), "success")
            return redirect(url_for("training_results.give_session_feedback", enrolment_id=enrolment_id))
    elif given is not None and form.is_submitted():
        form.form_errors.append(str(MESSAGES["feedback_twice"]))
    refused = feedback_refusal(enrolment) if given is None else None
    return render_template("training/results/feedback_form.html", form=form, enrolment=enrolment,
                           session=enrolment.session, given=given, refused=MESSAGES[refused] if refused else None,
                           title=_("Feedback on %(course)s", course=enrolment.session.course.title))
