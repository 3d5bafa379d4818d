"""Giving anonymous feedback on a colleague's appraisal."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import errors_onto_form
from hrapp.extensions import db
from hrapp.models import Appraisal
from hrapp.permissions import get_or_404

from ..access import can_give_peer_feedback
from . import peer
from .forms import PeerFeedbackForm
from .messages import MESSAGES, ScoringError


@login_required
def give_peer_feedback(appraisal_id: int):
    """GET: the rating and comment form (or that it was given already); POST: give it, once."""
    appraisal = get_or_404(Appraisal, appraisal_id, check=can_give_peer_feedback)
    form, status = PeerFeedbackForm(), 200
    if form.is_submitted():
        try:
            if not form.validate():
                raise ScoringError({})
            with duplicates_refused(ScoringError):  # a double click: the unique constraint answers
                peer.give_feedback(current_user, appraisal, form.rating.data, form.comment.data or "")
                db.session.commit()
        except ScoringError as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
            status = 422
        else:
            flash(_("Thank you: your feedback was recorded anonymously."), "success")
            return redirect(url_for("appraisal_scoring.list_my_appraisals"))
        appraisal = db.session.get(Appraisal, appraisal_id)
    already = peer.given_by(appraisal, current_user.staff_id)
    return render_template("appraisals/scoring/peer_feedback.html", appraisal=appraisal, form=form,
                           already=already, already_text=MESSAGES["peer_twice"], title=_("Peer feedback")), status
