"""Work terms (HR): the company's working days a month, and per position or person the days, the shifts
allowed and office days only, which roster generation follows."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.roster.access import RosterPerm
from hrapp.blueprints.roster.forms import ANY_DAY, INHERIT, OFFICE_ONLY, WorkDefaultsForm, WorkTermsForm
from hrapp.blueprints.roster.queries import department_positions, department_staff, shift_types_of
from hrapp.blueprints.roster.rules.targets import WorkTerms
from hrapp.blueprints.roster.services import RosterValidationError
from hrapp.blueprints.roster.services.terms import (
    department_terms,
    set_work_terms,
    terms_row,
    update_work_defaults,
    work_defaults,
    work_defaults_version,
)
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.validation import errors_onto_form
from hrapp.extensions import db
from hrapp.models import Department, Position, ShiftKind, StaffMember
from hrapp.permissions import permission_required


def _page(department: Department, form: WorkTermsForm, defaults: WorkDefaultsForm | None = None, status=200):
    if defaults is None:
        days, tolerance = work_defaults()
        defaults = WorkDefaultsForm(formdata=None, prefix="defaults", days_per_month=days, tolerance=tolerance,
                                    version_id=work_defaults_version())
    form.subject.choices = [(f"p{p.id}", _("Position: %(name)s", name=f"{p.code} {p.name}"))
                            for p in department_positions(department.id)] + [
        (f"s{s.id}", f"{s.staff_number} {s.display_name}") for s in department_staff(department.id)]
    form.shift_codes.choices = [(t.code, f"{t.code} {t.name}") for t in shift_types_of(department.id)
                                if t.kind == ShiftKind.WORK]
    return render_template("roster/work_terms.html", department=department, form=form, defaults=defaults,
                           rows=department_terms(department.id), title=_("Work terms")), status


def _subject(department: Department, value: str) -> dict:
    """{"position": ...} or {"staff": ...} of this department from "p<id>"/"s<id>"; 404 otherwise."""
    model, key = {"p": (Position, "position"), "s": (StaffMember, "staff")}.get(value[:1], (None, None))
    row = db.session.get(model, int(value[1:])) if model and value[1:].isdigit() else None
    if row is None or row.department_id != department.id:
        abort(404)
    return {key: row}


def _save(form, department: Department, done: str, save):
    """Run the one service call `save`: committed, flashed and back to the page; or None with the stale
    message or the rule errors on `form` (nothing written)."""
    try:
        save()
    except StaleRecord:
        form.form_errors.append(str(STALE_MESSAGE))
    except RosterValidationError as exc:
        errors_onto_form(form, exc.errors)
    else:
        db.session.commit()
        flash(done, "success")
        return redirect(url_for("roster.edit_work_terms", department_id=department.id))
    return None


def _blank_or_filled(department: Department, subject: str) -> WorkTermsForm:
    """The form for new terms (version 0), or, for `subject` ("p<id>"/"s<id>", an Edit link), filled with the
    terms set for it and their version."""
    if not subject:
        return WorkTermsForm(formdata=None, version_id=0)
    row = terms_row(**_subject(department, subject))
    if row is None:
        return WorkTermsForm(formdata=None, subject=subject, version_id=0)
    days = {True: OFFICE_ONLY, False: ANY_DAY}.get(row.office_days_only, INHERIT)
    return WorkTermsForm(formdata=None, subject=subject, days_per_month=row.days_per_month,
                         shift_codes=row.shift_codes or [], days=days, version_id=row.version_id)


@permission_required(RosterPerm.ROSTER_SETTINGS)
def edit_work_terms(department_id: int):
    """A department's work terms: set those of a position or a person (nothing set: back to the fallback)."""
    department = db.get_or_404(Department, department_id)  # HR's task, company-wide (ROSTER_SETTINGS)
    form = WorkTermsForm()
    if not form.is_submitted():
        return _page(department, _blank_or_filled(department, request.args.get("subject", "")))
    if form.validate():
        codes = frozenset(form.shift_codes.data or ()) or None
        terms = WorkTerms(form.days_per_month.data, codes, form.office_days_only())
        subject = _subject(department, form.subject.data)
        saved = _save(form, department, _("Work terms saved."), lambda: set_work_terms(
            current_user, terms, **subject, expected_version=form.expected_version()))
        if saved:
            return saved
    return _page(department, form)


@permission_required(RosterPerm.ROSTER_SETTINGS)
def edit_work_defaults(department_id: int):
    """The company's working days a month and tolerance (posted from a department's work terms page)."""
    department = db.get_or_404(Department, department_id)
    form = WorkDefaultsForm(prefix="defaults")
    if form.validate_on_submit():
        saved = _save(form, department, _("Working days saved."), lambda: update_work_defaults(
            current_user, form.days_per_month.data, form.tolerance.data, expected_version=form.expected_version()))
        if saved:
            return saved
    return _page(department, WorkTermsForm(formdata=None), form)
