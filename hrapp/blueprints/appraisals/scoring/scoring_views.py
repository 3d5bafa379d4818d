"""The self-assessment and the head's scoring pages: GET shows the items with their inputs; POST saves a draft
(`self_assess`, `score_appraisal`) or submits (`submit_self_assessment`, `submit_head_scoring`, also the
workflow buttons of the appraisal page, which post only the version: what was saved is submitted)."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.company import company_today
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.validation import errors_onto_form
from hrapp.core.workflow import TransitionForbidden, TransitionRefused
from hrapp.extensions import db
from hrapp.models import Appraisal
from hrapp.permissions import get_or_404

from .. import rules
from ..access import can_score, can_self_assess
from . import services
from .entries import form_values, posted_entries
from .forms import ScoreForm
from .messages import ScoringError

SIDES = {
    "self": (can_self_assess, services.save_self, "self_comment", "appraisals/scoring/self_assess.html",
             "self_due_on"),
    "head": (can_score, services.save_head, "head_comment", "appraisals/scoring/score.html", "head_due_on"),
}


def _scoring_page(appraisal_id: int, side: str, submit: bool):
    allowed, save, comment_attr, template, due_attr = SIDES[side]
    appraisal = get_or_404(Appraisal, appraisal_id, check=allowed)
    form, status, posted, item_errors = ScoreForm(), 200, None, {}
    if request.method == "POST":
        posted = request.form
        comment = form.comment.data if "comment" in request.form else getattr(appraisal, comment_attr)
        try:
            if form.stale_for(appraisal):
                raise StaleRecord()
            if not form.validate():
                raise ScoringError({})
            save(current_user, appraisal, posted_entries(appraisal.items, request.form), comment or "",
                 form.expected_version(), submit=submit)
            db.session.commit()
        except StaleRecord:
            db.session.rollback()
            form.form_errors.append(str(STALE_MESSAGE))
            status = 409
        except TransitionForbidden:
            db.session.rollback()
            abort(403)
        except (ScoringError, TransitionRefused) as exc:
            db.session.rollback()
            item_errors = {name: [str(m) for m in msgs] for name, msgs in exc.errors.items() if "-" in name}
            errors_onto_form(form, {name: msgs for name, msgs in exc.errors.items() if "-" not in name})
            status = 422
        else:
            flash(_("Submitted.") if submit else _("Draft saved."), "success")
            return redirect(url_for("appraisal_scoring.show_appraisal", appraisal_id=appraisal.id))
        appraisal = db.session.get(Appraisal, appraisal_id)
    else:
        form.version_id.data, form.comment.data = appraisal.version_id, getattr(appraisal, comment_attr)
    due_on = getattr(appraisal.cycle, due_attr)
    return render_template(template, appraisal=appraisal, form=form, values=form_values(appraisal.items, side, posted),
                           item_errors=item_errors, due_on=due_on,
                           late=rules.deadline_passed(due_on, company_today()), title=_("Appraisal")), status


@login_required
def self_assess(appraisal_id: int):
    """GET: the person's self-assessment form; POST: save it as a draft."""
    return _scoring_page(appraisal_id, "self", submit=False)


@login_required
def submit_self_assessment(appraisal_id: int):
    """POST: save and submit the self-assessment (the `submit_self` step)."""
    return _scoring_page(appraisal_id, "self", submit=True)


@login_required
def score_appraisal(appraisal_id: int):
    """GET: the scorer's form, the self-assessment beside it; POST: save it as a draft."""
    return _scoring_page(appraisal_id, "head", submit=False)


@login_required
def submit_head_scoring(appraisal_id: int):
    """POST: save and submit the scores (the `submit_head` step: SCORED)."""
    return _scoring_page(appraisal_id, "head", submit=True)
