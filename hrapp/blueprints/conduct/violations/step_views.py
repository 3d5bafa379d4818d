"""The recorder's workflow steps on a violation: confirm or dismiss a proposal, submit or withdraw a draft."""
from flask import abort, flash, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from hrapp.blueprints.conduct.access import ConductPerm, can_view_violation
from hrapp.blueprints.conduct.violations.forms import ConfirmProposalForm
from hrapp.blueprints.conduct.violations.recording import Inputs
from hrapp.blueprints.conduct.violations.steps import confirm_proposal, dismiss_proposal, withdraw_violation
from hrapp.blueprints.conduct.violations.submitting import submit_violation
from hrapp.core.errors import StaleRecord
from hrapp.core.urls import local_path
from hrapp.core.validation import ValidationFailed
from hrapp.core.workflow import TransitionForbidden
from hrapp.extensions import db
from hrapp.forms import ConfirmForm, posted_version
from hrapp.models import Violation
from hrapp.period_close import PeriodClosed
from hrapp.permissions import get_or_404, permission_required

DONE = {
    "confirm": _l("Proposal confirmed: the violation is a draft now."),
    "dismiss": _l("Proposal dismissed."),
    "submit": _l("Violation submitted: the person is told and may respond."),
    "withdraw": _l("Draft withdrawn."),
}


def _take(violation_id: int, name: str, step) -> object:
    """Load, check, take the step, commit, flash, and go back (to `next` when the page gave one)."""
    violation = get_or_404(Violation, violation_id, check=can_view_violation)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        step(violation, posted_version(request.form.get("version_id")))
    except TransitionForbidden:
        db.session.rollback()
        abort(403)
    except ValidationFailed as exc:  # a refused step (wrong state, no reason) or inputs the checks refuse
        db.session.rollback()
        flash(" ".join(exc.messages()), "danger")
    except (StaleRecord, PeriodClosed) as exc:
        db.session.rollback()
        flash(str(exc), "danger")
    else:
        db.session.commit()
        flash(str(DONE[name]), "success")
    return redirect(local_path(request.form.get("next"))
                    or url_for("conduct_violations.show_violation", violation_id=violation_id))


def _proposal_inputs() -> Inputs | None:
    """Inputs adjusted on the proposals page (None: the button on the record page sent none)."""
    form = ConfirmProposalForm()
    if not {"amount", "amount_involved", "minutes"} & set(request.form):
        return None
    if not form.validate():
        raise ValidationFailed({name: errors for name, errors in form.errors.items() if name != "version_id"})
    return form.inputs()


@permission_required(ConductPerm.RECORD)
def confirm_proposal_view(violation_id: int):
    """Confirm a proposal (→ draft), with its inputs as adjusted."""
    return _take(violation_id, "confirm",
                 lambda v, version: confirm_proposal(current_user, v, version, _proposal_inputs()))


@permission_required(ConductPerm.RECORD)
def dismiss_proposal_view(violation_id: int):
    """Dismiss a proposal, with a reason."""
    return _take(violation_id, "dismiss",
                 lambda v, version: dismiss_proposal(current_user, v, version, request.form.get("note", "")))


@permission_required(ConductPerm.RECORD)
def submit_violation_view(violation_id: int):
    """Submit a draft to the person."""
    return _take(violation_id, "submit", lambda v, version: submit_violation(current_user, v, version))


@permission_required(ConductPerm.RECORD)
def withdraw_violation_view(violation_id: int):
    """Withdraw a draft."""
    return _take(violation_id, "withdraw", lambda v, version: withdraw_violation(current_user, v, version))
