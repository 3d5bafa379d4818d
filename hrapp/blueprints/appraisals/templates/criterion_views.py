"""The criteria editor (HR): add, change, remove and move a template's criteria. Every form carries the
template's version: a second editor working from an older page is told the template changed."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.forms import ConfirmForm, posted_version
from hrapp.models import AppraisalTemplate, Metric
from hrapp.permissions import get_or_404, permission_required

from . import criteria, rules
from .access import EDIT, can_edit_template
from .forms import CriterionCreateForm, CriterionForm
from .messages import CRITERION_GONE
from .summary import summary_of


def _back(template: AppraisalTemplate):
    return redirect(url_for("appraisal_templates.show_template", template_id=template.id, _anchor="criteria"))


def _form_page(form, template: AppraisalTemplate, criterion=None):
    return render_template("appraisals/templates/criterion_form.html", form=form, template=template,
                           criterion=criterion, summary=summary_of(template), defaults=rules.METRIC_DEFAULTS,
                           metrics=[m for m in Metric if m.value in rules.METRIC_DEFAULTS],
                           title=_("Criterion of %(code)s", code=template.code))


def _save(form, template: AppraisalTemplate, change) -> bool:
    """Run one criteria service and commit; problems go onto the form. True when saved."""
    if form.stale_for(template):
        form.form_errors.append(str(STALE_MESSAGE))
        return False
    if not form.validate_on_submit():
        return False
    try:
        change(form.draft(), form.expected_version())
        db.session.commit()
    except StaleRecord:
        form.form_errors.append(str(STALE_MESSAGE))
    except ValidationFailed as exc:
        errors_onto_form(form, exc.errors)
    else:
        return True
    return False


@permission_required(EDIT)
def add_criterion(template_id: int):
    """HR adds a criterion at the end of the template's list."""
    template = get_or_404(AppraisalTemplate, template_id, check=can_edit_template)
    form = CriterionCreateForm(data=None if request.method == "POST" else {"version_id": template.version_id})
    if _save(form, template, lambda draft, version: criteria.add_criterion(current_user, template, draft, version)):
        flash(_("Criterion %(title)s added.", title=form.title_zh.data), "success")
        return _back(template)
    return _form_page(form, template)


def _initial(template: AppraisalTemplate, criterion) -> dict:
    data = {name: getattr(criterion, name) for name in ("title_zh", "title_en", "description", "weight", "target",
                                                        "unit", "higher_is_better", "kpi_code", "self_scored")}
    return data | {"kind": criterion.kind.value, "metric": criterion.metric.value if criterion.metric else "",
                   "levels": rules.levels_text(criterion.levels), "bands": rules.bands_text(criterion.bands),
                   "version_id": template.version_id}


@permission_required(EDIT)
def edit_criterion(template_id: int, criterion_id: int):
    """HR changes a criterion."""
    template = get_or_404(AppraisalTemplate, template_id, check=can_edit_template)
    criterion = next((c for c in template.criteria if c.id == criterion_id), None)
    if criterion is None:
        abort(404)
    form = CriterionForm(data=None if request.method == "POST" else _initial(template, criterion))
    if _save(form, template, lambda draft, version: criteria.update_criterion(current_user, template, criterion_id,
                                                                              draft, version)):
        flash(_("Criterion %(title)s saved.", title=criterion.title_zh), "success")
        return _back(template)
    return _form_page(form, template, criterion)


def _step(template_id: int, criterion_id: int, change, done: str):
    template = get_or_404(AppraisalTemplate, template_id, check=can_edit_template)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:  # a stale page raises StaleRecord: the app's 409 page with the stale message, nothing changed
        change(template, criterion_id, posted_version(request.form.get("version_id")))
        db.session.commit()
    except criteria.CriterionGone:
        flash(str(CRITERION_GONE), "warning")
    else:
        if done:
            flash(done, "success")
    return _back(template)


@permission_required(EDIT)
def remove_criterion(template_id: int, criterion_id: int):
    """HR removes a criterion (after a confirmation)."""
    return _step(template_id, criterion_id, lambda t, c, v: criteria.remove_criterion(current_user, t, c, v),
                 _("Criterion removed."))


@permission_required(EDIT)
def move_criterion_up(template_id: int, criterion_id: int):
    """Move a criterion one place up."""
    return _step(template_id, criterion_id, lambda t, c, v: criteria.move_criterion(current_user, t, c, -1, v), "")


@permission_required(EDIT)
def move_criterion_down(template_id: int, criterion_id: int):
    """Move a criterion one place down."""
    return _step(template_id, criterion_id, lambda t, c, v: criteria.move_criterion(current_user, t, c, 1, v), "")
