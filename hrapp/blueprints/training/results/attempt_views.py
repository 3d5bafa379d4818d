"""Correcting a score (whoever may mark the attempt's session): the new score and why; passed and the
certificate follow."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.training.access import can_mark_session
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import errors_onto_form
from hrapp.extensions import db
from hrapp.models import Attempt
from hrapp.permissions import get_or_404

from . import assessment
from .forms import AttemptEditForm
from .messages import ResultsError


def _may_edit(user, attempt: Attempt) -> bool:
    return can_mark_session(user, attempt.session)


@login_required
def edit_score(attempt_id: int):
    """GET: the attempt with its score; POST: correct it with a reason (version-checked)."""
    attempt = get_or_404(Attempt, attempt_id, check=_may_edit)
    form = AttemptEditForm(obj=attempt)  # a POST's own values win over the record's
    status = 200
    if form.validate_on_submit():
        try:
            with duplicates_refused(ResultsError):  # a certificate number taken at the same moment
                assessment.edit_attempt(current_user, attempt, form.score.data, form.reason.data or "",
                                        form.expected_version())
                db.session.commit()
        except StaleRecord:
            db.session.rollback()
            form.form_errors.append(str(STALE_MESSAGE))
            attempt, status = db.session.get(Attempt, attempt_id), 409
        except ResultsError as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
            attempt = db.session.get(Attempt, attempt_id)
        else:
            flash(_("Score changed."), "success")
            return redirect(url_for("training_results.show_session_results", session_id=attempt.session_id)
                            + "#attempts")
    return render_template("training/results/attempt_form.html", form=form, attempt=attempt,
                           title=_("Change a score")), status
