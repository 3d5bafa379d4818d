"""The template list and page (HR and heads), and HR's add, edit, copy, put in use and take out of use."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.appraisals.access import can_view_template
from hrapp.blueprints.appraisals.rules import GRADES
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.forms import ConfirmForm, posted_version
from hrapp.models import AppraisalTemplate
from hrapp.permissions import get_or_404, permission_required

from . import rules, services
from .access import EDIT, READ, can_edit_template
from .forms import GRADE_FIELDS, TemplateCopyForm, TemplateCreateForm, TemplateForm
from .queries import TEMPLATES, department_options, departments, position_options, templates_query
from .summary import summary_of


@permission_required(READ)
def list_templates():
    """Templates: search by code or name, filter by in use and department, pages."""
    page = TEMPLATES.page(templates_query(), request.args)
    return render_template("appraisals/templates/template_list.html", page=page, departments=departments(),
                           summaries={t.id: summary_of(t) for t in page.items}, title=_("Appraisal templates"))


@permission_required(READ)
def show_template(template_id: int):
    """A template's settings, grade bands and criteria, with the weights' sum (and the criteria editor for HR)."""
    template = get_or_404(AppraisalTemplate, template_id, check=can_view_template)
    return render_template("appraisals/templates/template_detail.html", template=template,
                           summary=summary_of(template), form=ConfirmForm(), title=template.name_zh)


def _choices(form) -> None:
    form.department_id.choices = department_options()
    form.position_id.choices = position_options()


def _grade_errors(form, exc: ValidationFailed) -> None:
    """Grade-band problems go under the first grade's field."""
    errors = dict(exc.errors)
    if "grade_bands" in errors:
        errors[GRADE_FIELDS[GRADES[0]]] = errors.pop("grade_bands")
    errors_onto_form(form, errors)


@permission_required(EDIT)
def new_template():
    """HR adds a template (out of use until its weights make exactly 100)."""
    form = TemplateCreateForm(data=None if request.method == "POST" else _initial(None))
    _choices(form)
    if form.validate_on_submit():
        try:
            with duplicates_refused():
                template = services.create_template(current_user, form.draft())
                db.session.commit()
        except ValidationFailed as exc:
            _grade_errors(form, exc)
        else:
            flash(_("Template %(code)s added: now add its criteria.", code=template.code), "success")
            return redirect(url_for("appraisal_templates.show_template", template_id=template.id))
    return render_template("appraisals/templates/template_form.html", form=form, template=None,
                           title=_("New appraisal template"))


def _initial(template: AppraisalTemplate | None) -> dict:
    lows = rules.grade_lows(template.grade_bands if template else ())
    data = {GRADE_FIELDS[grade]: low for grade, low in lows.items()}
    if template is None:
        return data | {"self_assessment": True}
    return data | {name: getattr(template, name) for name in ("code", "name_zh", "name_en", "department_id",
                                                              "position_id", "team", "self_assessment",
                                                              "peer_feedback", "note", "version_id")}


@permission_required(EDIT)
def edit_template(template_id: int):
    """HR changes a template's settings and grade bands."""
    template = get_or_404(AppraisalTemplate, template_id, check=can_edit_template)
    form = TemplateForm(data=None if request.method == "POST" else _initial(template))
    _choices(form)
    if form.stale_for(template):  # an old page hears that first, before any field's message
        form.form_errors.append(str(STALE_MESSAGE))
    elif form.validate_on_submit():
        try:
            with duplicates_refused():
                services.update_template(current_user, template, form.draft(), form.expected_version())
                db.session.commit()
        except StaleRecord:
            form.form_errors.append(str(STALE_MESSAGE))
        except ValidationFailed as exc:
            _grade_errors(form, exc)
        else:
            flash(_("Template %(code)s saved.", code=template.code), "success")
            return redirect(url_for("appraisal_templates.show_template", template_id=template.id))
    return render_template("appraisals/templates/template_form.html", form=form, template=template,
                           title=_("Edit template %(code)s", code=template.code))


@permission_required(EDIT)
def copy_template(template_id: int):
    """HR makes a new template from this one (settings and criteria), e.g. for the next quarter."""
    source = get_or_404(AppraisalTemplate, template_id, check=can_edit_template)
    form = TemplateCopyForm(data=None if request.method == "POST" else {"name_zh": source.name_zh})
    if form.validate_on_submit():
        try:
            with duplicates_refused():
                copy = services.copy_template(current_user, source, form.code.data, form.name_zh.data)
                db.session.commit()
        except ValidationFailed as exc:
            errors_onto_form(form, exc.errors)
        else:
            flash(_("Template %(code)s made from %(source)s.", code=copy.code, source=source.code), "success")
            return redirect(url_for("appraisal_templates.show_template", template_id=copy.id))
    return render_template("appraisals/templates/template_copy.html", form=form, template=source,
                           title=_("Copy template %(code)s", code=source.code))


def _set_active(template_id: int, active: bool):
    template = get_or_404(AppraisalTemplate, template_id, check=can_edit_template)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:  # a stale page raises StaleRecord: the app's 409 page with the stale message, nothing changed
        services.set_template_active(current_user, template, active, posted_version(request.form.get("version_id")))
        db.session.commit()
    except ValidationFailed as exc:
        flash(_("Template %(code)s cannot be put in use: %(why)s", code=template.code, why=exc.message), "danger")
    else:
        flash(_("Template %(code)s is in use.", code=template.code) if active else
              _("Template %(code)s is out of use; appraisals made from it stay.", code=template.code), "success")
    return redirect(url_for("appraisal_templates.show_template", template_id=template.id))


@permission_required(EDIT)
def activate_template(template_id: int):
    """Put a template in use (its weights must make exactly 100)."""
    return _set_active(template_id, True)


@permission_required(EDIT)
def deactivate_template(template_id: int):
    """Take a template out of use."""
    return _set_active(template_id, False)

