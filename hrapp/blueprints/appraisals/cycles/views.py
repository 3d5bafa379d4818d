"""The cycles pages people read: the list and a cycle's page (stage, deadlines, progress, overdue lists, the
stage buttons for HR, the people without an appraisal)."""
from flask import render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.core import workflow
from hrapp.models import AppraisalCycle, AppraisalStatus, CycleStage
from hrapp.permissions import get_or_404, permission_required

from ..access import AppraisalPerm, can_view_cycle, leads_appraisals
from .access import can_add_person, can_edit_cycle, can_see_progress
from .forms import AddPersonForm, ExtendForm, StageForm
from .queries import (
    CYCLES,
    cycles_query,
    department_counts,
    overdue,
    own_statuses,
    status_counts,
    without_appraisal,
)
from .stages import close_refusal, status_count
from .workflow import CYCLE_WORKFLOW

STATUSES = tuple(AppraisalStatus)


@permission_required(AppraisalPerm.VIEW)
def list_cycles():
    """Cycles, latest first: stage, deadlines and (heads, HR) progress; staff their own cycles and status."""
    page = CYCLES.page(cycles_query(current_user), request.args)
    ids = [c.id for c in page.items]
    return render_template("appraisals/cycles/cycle_list.html", page=page, counts=status_counts(ids, current_user),
                           mine=own_statuses(ids, current_user.staff_id), stages=tuple(CycleStage),
                           follows=leads_appraisals(current_user), statuses=STATUSES,
                           title=_("Appraisal cycles"))


def page(cycle: AppraisalCycle, status: int = 200, **forms):
    """A cycle's page; forms given keep what the user typed after a refusal."""
    follows = can_see_progress(current_user, cycle)
    counts = status_counts([cycle.id], current_user)[cycle.id] if follows else {}
    mine = own_statuses([cycle.id], current_user.staff_id).get(cycle.id)
    extend_form = forms.get("extend_form") or ExtendForm(formdata=None)
    stage_form = forms.get("stage_form") or StageForm(formdata=None)
    add_form = forms.get("add_form") or AddPersonForm(formdata=None)
    for form in (extend_form, stage_form):
        if form.version_id.data in (None, ""):
            form.version_id.data = cycle.version_id
    hr = can_edit_cycle(current_user, cycle)
    return render_template(
        "appraisals/cycles/cycle_detail.html", cycle=cycle, follows=follows, counts=counts, mine=mine,
        statuses=STATUSES, total=sum(counts.values()),
        departments=department_counts(cycle, current_user) if follows else [],
        overdue=overdue(cycle, current_user) if follows else {"self": [], "head": []},
        without=without_appraisal(cycle) if hr else [],
        moves=workflow.available(CYCLE_WORKFLOW, cycle, current_user), hr=hr,
        unscored=status_count(cycle, AppraisalStatus.HEAD_REVIEW, AppraisalStatus.SELF_REVIEW) if hr else 0,
        close_problem=close_refusal(cycle) if hr and cycle.stage == CycleStage.PUBLISHED else None,
        may_add=can_add_person(current_user, cycle), extend_form=extend_form, stage_form=stage_form,
        add_form=add_form, title=_("Appraisal cycle %(name)s", name=cycle.name)), status


@login_required
def show_cycle(cycle_id: int):
    """A cycle: stage, deadlines, progress per status and department, overdue lists, the stage buttons."""
    return page(get_or_404(AppraisalCycle, cycle_id, check=can_view_cycle))
