"""Moving a cycle's stage (HR, POST with the cycle's version, confirmed on the page): open, head scoring,
calibration, publish, close. Each: load and check, the form, one service call, commit, flash, redirect; a refusal
is flashed (or, for publish, shown on the page), a stale page gets the stale message (409)."""
from collections.abc import Callable

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.validation import errors_onto_form
from hrapp.core.workflow import TransitionForbidden, TransitionRefused
from hrapp.extensions import db
from hrapp.models import AppraisalCycle
from hrapp.permissions import get_or_404

from ..access import can_view_cycle
from .access import can_move_cycle
from .forms import StageForm
from .messages import CycleError
from .opening import open_cycle as open_service
from .stages import close, publish, to_calibration, to_head_scoring
from .views import page


def _move(cycle_id: int, service: Callable, done: Callable[[object], str]):
    cycle = get_or_404(AppraisalCycle, cycle_id, check=can_view_cycle)
    if not can_move_cycle(current_user, cycle):
        abort(403)
    form = StageForm()
    if form.stale_for(cycle):
        form.form_errors.append(str(STALE_MESSAGE))
        return page(cycle, 409, stage_form=form)
    if not form.validate_on_submit():
        return page(cycle, stage_form=form)
    try:
        outcome = service(cycle, form)
        db.session.commit()
    except StaleRecord:
        db.session.rollback()
        form.form_errors.append(str(STALE_MESSAGE))
        return page(db.session.get(AppraisalCycle, cycle_id), 409, stage_form=form)
    except TransitionForbidden:
        db.session.rollback()
        abort(403)
    except (CycleError, TransitionRefused) as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return page(db.session.get(AppraisalCycle, cycle_id), stage_form=form)
    flash(done(outcome), "success")
    return redirect(url_for("appraisal_cycles.show_cycle", cycle_id=cycle_id))


@login_required
def open_cycle(cycle_id: int):
    """Open the cycle: everyone's appraisal is made from their template."""
    return _move(cycle_id, lambda c, f: open_service(current_user, c, f.expected_version()),
                 lambda o: _("Cycle opened: %(made)s appraisals and %(teams)s team appraisals made; %(without)s "
                             "people have no template.", made=o.made, teams=o.teams, without=len(o.without)))


@login_required
def start_head_scoring(cycle_id: int):
    """Self-assessment is over: heads score."""
    return _move(cycle_id, lambda c, f: to_head_scoring(current_user, c, f.expected_version()),
                 lambda n: _("Head scoring started; %(count)s self-assessments were not given.", count=n))


@login_required
def start_calibration(cycle_id: int):
    """Head scoring is over: HR calibrates (the unscored stay with their heads)."""
    return _move(cycle_id, lambda c, f: to_calibration(current_user, c, f.expected_version()),
                 lambda n: _("Calibration started; %(count)s appraisals are not scored.", count=n))


@login_required
def publish_cycle(cycle_id: int):
    """Publish the scored results; each person is told."""
    return _move(cycle_id, lambda c, f: publish(current_user, c, f.expected_version(), bool(f.anyway.data)),
                 lambda ids: _("%(count)s results published.", count=len(ids)))


@login_required
def close_cycle(cycle_id: int):
    """Close the cycle (results past their window acknowledged by silence)."""
    return _move(cycle_id, lambda c, f: close(current_user, c, f.expected_version()),
                 lambda n: _("Cycle closed; %(count)s results were acknowledged by silence.", count=n))
