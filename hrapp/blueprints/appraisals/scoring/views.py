"""The appraisal page (everything about one appraisal, each part's section shown to whom it concerns), the
person's own appraisals and the list of appraisals to score."""
from flask import current_app, render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.core.workflow import available
from hrapp.models import Appraisal, AppraisalStatus
from hrapp.permissions import get_or_404, permission_required, visible_departments

from ..access import RESULT_VISIBLE, AppraisalPerm, can_self_assess, can_view_appraisal, can_view_result
from ..workflow import APPRAISAL_WORKFLOW
from . import peer, queries
from .access import can_view_peer_summary, can_view_self_assessment


def workflow_actions(appraisal: Appraisal, user) -> list:
    """The steps `user` may take now whose page exists in this app (a part not installed offers no button)."""
    return [t for t in available(APPRAISAL_WORKFLOW, appraisal, user) if t.endpoint in current_app.view_functions]


@login_required
def show_appraisal(appraisal_id: int):
    """THE appraisal page: the person, the cycle's stage and deadlines, the items with the self-assessment and —
    to whom may see the result — the head's scores, totals and grade; the steps the user may take."""
    appraisal = get_or_404(Appraisal, appraisal_id, check=can_view_appraisal)
    show_result = can_view_result(current_user, appraisal)
    return render_template(
        "appraisals/scoring/show.html", appraisal=appraisal, title=_("Appraisal"),
        show_self=can_view_self_assessment(current_user, appraisal), show_result=show_result,
        actions=workflow_actions(appraisal, current_user), workflow=APPRAISAL_WORKFLOW,
        peer_summary=peer.summary(appraisal) if can_view_peer_summary(current_user, appraisal) else None,
        team_result=queries.team_result(appraisal))


@login_required
@permission_required(AppraisalPerm.VIEW)
def list_my_appraisals():
    """The user's own appraisals across cycles, what waits for them, the grade once published; the colleagues
    they may give feedback on."""
    return render_template("appraisals/scoring/my.html", appraisals=queries.my_appraisals(current_user),
                           colleagues=queries.peer_candidates(current_user), result_visible=RESULT_VISIBLE,
                           can_self_assess=can_self_assess, published=AppraisalStatus.PUBLISHED,
                           title=_("My appraisals"))


@login_required
@permission_required(AppraisalPerm.LEAD)
def list_to_score():
    """The appraisals the user scores (never their own), filtered by cycle, status, department and name."""
    page = queries.TO_SCORE.page(queries.to_score_query(current_user), request.args)
    return render_template("appraisals/scoring/to_score.html", page=page, cycles=queries.cycles_for_filter(),
                           departments=visible_departments(current_user), statuses=list(AppraisalStatus),
                           title=_("Appraisals to score"))
