"""Org chart, departments, positions, job descriptions and company settings."""

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.org import services
from hrapp.blueprints.org.access import can_read_job_description, can_view_description
from hrapp.blueprints.org.forms import (
    ApproveForm,
    DepartmentCreateForm,
    DepartmentForm,
    JobDescriptionForm,
    PositionCreateForm,
    PositionForm,
    SettingsForm,
)
from hrapp.blueprints.org.workflow import JOB_DESCRIPTION_WORKFLOW, can_approve_description
from hrapp.company import company_settings, company_today
from hrapp.core.errors import StaleRecord
from hrapp.core.listing import Listing
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import ValidationFailed, show_failure
from hrapp.core.workflow import STALE_MESSAGE, available
from hrapp.extensions import db
from hrapp.forms import posted_version
from hrapp.models import JOB_DESCRIPTION_TEXT_FIELDS, Department, JobDescription, Position
from hrapp.naming import coded_name, display_name
from hrapp.permissions import Perm, can_view_department, get_or_404, permission_required, visible_departments

bp = Blueprint("org", __name__, url_prefix="/org")


@bp.route("/")
@permission_required(Perm.ORG_VIEW)
def org_chart():
    """The department tree with heads and headcount against plan."""
    return render_template("org/org_chart.html", roots=services.department_tree(current_user), title=_("Organisation"))


def _department_form(department: Department | None) -> DepartmentForm:
    form = DepartmentForm(obj=department) if department is not None else DepartmentCreateForm()
    form.parent_id.choices = [(None, _("(top level)"))] + [
        (d.id, coded_name(d)) for d in db.session.scalars(sa.select(Department).order_by(Department.path))
        if department is None or not d.path.startswith(department.path)]
    return form


@bp.route("/departments/new", methods=["GET", "POST"], defaults={"department_id": None})
@bp.route("/departments/<int:department_id>/edit", methods=["GET", "POST"])
@permission_required(Perm.ORG_EDIT)
def edit_department(department_id: int | None):
    """Create or edit a department."""
    department = get_or_404(Department, department_id) if department_id else None
    form = _department_form(department)
    if form.validate_on_submit():
        parent = db.session.get(Department, form.parent_id.data) if form.parent_id.data else None
        try:
            with duplicates_refused():
                services.save_department(current_user, department, form.code.data, form.name.data,
                                         form.name_en.data or "", parent, form.planned_headcount.data,
                                         expected_version=form.expected_version())
                db.session.commit()
        except StaleRecord:
            form.form_errors.append(str(STALE_MESSAGE))
        except ValidationFailed as exc:
            show_failure(form, exc)
        else:
            flash(_("Department saved."), "success")
            return redirect(url_for("org.org_chart"))
    return render_template("org/department_form.html", form=form, department=department,
                           title=_("Edit department") if department else _("New department"))


@bp.route("/departments/<int:department_id>/delete", methods=["POST"])
@permission_required(Perm.ORG_EDIT)
def delete_department(department_id: int):
    """Delete an empty department (the button asks for confirmation)."""
    department = get_or_404(Department, department_id, check=can_view_department)
    try:
        services.delete_department(current_user, department, posted_version(request.form.get("version_id")))
    except (StaleRecord, ValidationFailed) as exc:
        flash(str(getattr(exc, "message", exc)), "danger")
        return redirect(url_for("org.edit_department", department_id=department_id))
    db.session.commit()
    flash(_("Department deleted."), "success")
    return redirect(url_for("org.org_chart"))


POSITIONS = Listing(sorts={"code": Position.code, "name": Position.name, "department": Department.code,
                           "grade": Position.grade, "headcount": Position.headcount},
                    default_sort="code", tiebreak=(Position.id,), per_page=100)


@bp.route("/positions")
@permission_required(Perm.ORG_VIEW)
def list_positions():
    """Positions with their department and the job-description version in force; sortable, paged."""
    query = sa.select(Position).join(Position.department).options(
        sa.orm.contains_eager(Position.department), sa.orm.selectinload(Position.descriptions))
    return render_template("org/position_list.html", page=POSITIONS.page(query, request.args),
                           current=services.current_description, title=_("Positions"))


@bp.route("/positions/<int:position_id>")
@permission_required(Perm.ORG_VIEW)
def show_position(position_id: int):
    """A position, its subordinates and every job-description version."""
    position = get_or_404(Position, position_id)
    return render_template("org/position_detail.html", position=position,
                           current=services.current_description(position),
                           draft=services.draft_description(position), title=display_name(position))


@bp.route("/positions/new", methods=["GET", "POST"], defaults={"position_id": None})
@bp.route("/positions/<int:position_id>/edit", methods=["GET", "POST"])
@permission_required(Perm.ORG_EDIT)
def edit_position(position_id: int | None):
    """Create or edit a position."""
    position = get_or_404(Position, position_id) if position_id else None
    form = PositionForm(obj=position) if position is not None else PositionCreateForm()
    form.department_id.choices = [(d.id, coded_name(d)) for d in visible_departments(current_user)]
    form.superior_position_id.choices = [(None, _("(none)"))] + [
        (p.id, coded_name(p)) for p in db.session.scalars(sa.select(Position).order_by(Position.code))
        if position is None or p.id != position.id]
    if form.validate_on_submit():
        values = {name: form[name].data for name in services.POSITION_FIELDS}
        values["name_en"], values["job_family"], values["grade"] = (values["name_en"] or "", values["job_family"] or "",
                                                                    values["grade"] or "")
        try:
            with duplicates_refused():
                position = services.save_position(current_user, position, form.expected_version(), **values)
                db.session.commit()
        except StaleRecord:
            form.form_errors.append(str(STALE_MESSAGE))
        except ValidationFailed as exc:
            show_failure(form, exc)
        else:
            flash(_("Position saved."), "success")
            return redirect(url_for("org.show_position", position_id=position.id))
    return render_template("org/position_form.html", form=form, title=_("Edit position") if position else _("New position"))


@bp.route("/positions/<int:position_id>/descriptions", methods=["POST"])
@permission_required(Perm.ORG_EDIT)
def start_description(position_id: int):
    """Open a new draft version of the job description."""
    position = get_or_404(Position, position_id)
    draft = services.start_draft(current_user, position)
    db.session.commit()
    return redirect(url_for("org.edit_description", description_id=draft.id))


def _description_page(description: JobDescription, status: int = 200):
    steps = [t.name for t in available(JOB_DESCRIPTION_WORKFLOW, description, current_user)]
    approve_form = ApproveForm(formdata=None, approved_on=company_today(), version_id=description.version_id)
    return render_template("org/description_detail.html", jd=description, fields=JOB_DESCRIPTION_TEXT_FIELDS,
                           form=JobDescriptionForm(obj=description), approve_form=approve_form, steps=steps,
                           title=f"{description.position.name} · v{description.version}"), status


@bp.route("/descriptions/<int:description_id>")
@login_required
def show_description(description_id: int):
    """One version of a job description, approved, superseded or draft, with the steps open to me (a staff
    member: only the approved version of their own position)."""
    return _description_page(get_or_404(JobDescription, description_id, check=can_view_description))


@bp.route("/positions/<int:position_id>/description")
@login_required
def show_current_description(position_id: int):
    """The approved job description of a position (what 岗位 on a staff record links to); 404 if none yet."""
    position = get_or_404(Position, position_id, check=can_read_job_description)
    return _description_page(services.current_description(position) or abort(404))


@bp.route("/descriptions/<int:description_id>/edit", methods=["GET", "POST"])
@permission_required(Perm.ORG_EDIT)
def edit_description(description_id: int):
    """Edit a draft job description."""
    description = get_or_404(JobDescription, description_id)
    form = JobDescriptionForm(obj=description)
    if form.validate_on_submit():
        values = {name: form[name].data or "" for name in JOB_DESCRIPTION_TEXT_FIELDS}
        values["analysis_on"] = form.analysis_on.data
        try:
            services.update_draft(current_user, description, values, form.expected_version())
        except StaleRecord:
            form.form_errors.append(str(STALE_MESSAGE))
        except ValidationFailed as exc:
            show_failure(form, exc)
        else:
            db.session.commit()
            flash(_("Draft saved."), "success")
            return redirect(url_for("org.show_description", description_id=description.id))
    return render_template("org/description_form.html", form=form, jd=description,
                           title=_("Job description draft v%(v)s", v=description.version))


@bp.route("/descriptions/<int:description_id>/approve", methods=["POST"])
@permission_required(Perm.JOB_APPROVE)
def approve_description(description_id: int):
    """Approve a draft; the previous version is kept, marked superseded. A stale page answers 409."""
    description = get_or_404(JobDescription, description_id, check=can_approve_description)
    form = ApproveForm()
    if form.validate_on_submit():
        try:
            services.approve_description(current_user, description, form.approved_on.data, form.expected_version())
        except StaleRecord:
            db.session.rollback()
            flash(str(STALE_MESSAGE), "danger")
            return _description_page(description, 409)
        except ValidationFailed as exc:  # a rule, or no longer a draft (TransitionRefused)
            db.session.rollback()
            flash(" ".join(exc.messages()), "danger")
        else:
            db.session.commit()
            flash(_("Version %(v)s approved.", v=description.version), "success")
    return redirect(url_for("org.show_description", description_id=description.id))


@bp.route("/settings", methods=["GET", "POST"])
@permission_required(Perm.SETTINGS_EDIT)
def edit_settings():
    """Company name, time zone, currency and pay policy (minimum wage, paid days per month)."""
    form = SettingsForm(obj=company_settings())
    if form.validate_on_submit():
        try:
            services.update_settings(current_user, form.name.data, form.timezone.data, form.currency.data,
                                     form.minimum_monthly_wage_amount.data, form.paid_days_per_month.data,
                                     expected_version=form.expected_version())
        except ValidationFailed as exc:
            show_failure(form, exc)
        else:
            db.session.commit()
            flash(_("Settings saved."), "success")
            return redirect(url_for("org.edit_settings"))
    return render_template("org/settings_form.html", form=form, title=_("Company settings"))
