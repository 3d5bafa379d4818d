"""The violation lists: HR's and heads' (filtered, paged), a person's own, the proposals to confirm."""
from flask import abort, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.conduct.access import ConductPerm
from hrapp.blueprints.conduct.violations import queries
from hrapp.blueprints.conduct.violations.forms import ConfirmProposalForm, ViolationFilterForm
from hrapp.blueprints.conduct.workflow import VIOLATION_WORKFLOW
from hrapp.labels import label
from hrapp.models import ViolationState
from hrapp.permissions import permission_required, visible_departments


def _filter_form() -> ViolationFilterForm:
    form = ViolationFilterForm(request.args)
    form.department.choices = [(None, _("All departments"))] + [(d.id, d.name) for d in
                                                                 visible_departments(current_user)]
    form.rule.choices = [(None, _("All rules"))] + queries.rule_choices()
    form.state.choices = [("", _("All states"))] + [(s.value, label(s)) for s in ViolationState]
    return form


@permission_required(ConductPerm.RECORD)
def list_violations():
    """HR: every violation; heads: their departments'; filtered by department, rule, month, state, person."""
    page = queries.VIOLATION_LISTING.page(queries.visible_violations(current_user), request.args)
    return render_template("conduct/violations/violation_list.html", page=page, form=_filter_form(),
                           title=_("Violations"))


@permission_required(ConductPerm.VIEW)
def list_my_violations():
    """A person's own violations from submitted on (404 for an account without a staff record)."""
    if not current_user.staff_id:
        abort(404)
    page = queries.VIOLATION_LISTING.page(queries.own_violations(current_user), {"page": request.args.get("page", "")})
    return render_template("conduct/violations/my_violations.html", page=page, title=_("My violations"))


@permission_required(ConductPerm.RECORD)
def list_proposals():
    """Violations other modules proposed (attendance) for the user's departments, to confirm or dismiss."""
    page = queries.VIOLATION_LISTING.page(queries.proposals(current_user), {"page": request.args.get("page", "")})
    return render_template("conduct/violations/proposals.html", page=page, workflow=VIOLATION_WORKFLOW,
                           confirm_form=ConfirmProposalForm(formdata=None), title=_("Proposed violations"))
