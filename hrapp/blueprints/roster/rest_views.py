"""Rest owed (余假/调休) per department: balances, one person's ledger, and HR's adjustments."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.roster.access import RosterPerm, can_edit_department_rosters
from hrapp.blueprints.roster.forms import RestAdjustForm
from hrapp.blueprints.roster.queries import department_staff
from hrapp.blueprints.roster.services import (
    RosterValidationError,
    adjust_rest_owed,
    rest_owed_balances,
    rest_owed_ledger,
    rest_owed_summary,
)
from hrapp.company import company_today
from hrapp.core.validation import errors_onto_form
from hrapp.extensions import db
from hrapp.models import Department, StaffMember
from hrapp.period_close import PeriodClosed
from hrapp.permissions import get_or_404, permission_required


def _page(department: Department, form: RestAdjustForm, staff_id: int | None):
    people = department_staff(department.id)
    ids = [s.id for s in people]
    form.staff_id.choices = [(s.id, f"{s.staff_number} {s.display_name}") for s in people]
    chosen = next((s for s in people if s.id == staff_id), None)
    return render_template("roster/rest_owed.html", department=department, people=people, form=form,
                           balances=rest_owed_balances(ids), summary=rest_owed_summary(ids), chosen=chosen,
                           ledger=rest_owed_ledger(chosen.id) if chosen else [], title=_("Rest owed"))


@permission_required(RosterPerm.ROSTER_EDIT)
def show_rest_owed(department_id: int):
    """Balances of the department's people; `?staff=<id>` adds that person's ledger."""
    department = get_or_404(Department, department_id, check=can_edit_department_rosters)
    form = RestAdjustForm(formdata=None, on=company_today(), staff_id=request.args.get("staff", type=int))
    return _page(department, form, request.args.get("staff", type=int))


@permission_required(RosterPerm.ROSTER_SETTINGS)
def adjust_rest(department_id: int):
    """HR adds a ledger line with a reason (e.g. rest taken outside any roster: -1)."""
    department = db.get_or_404(Department, department_id)  # HR's task, company-wide (ROSTER_SETTINGS)
    form = RestAdjustForm()
    form.staff_id.choices = []
    if form.validate_on_submit():
        staff = db.get_or_404(StaffMember, form.staff_id.data)
        if staff.department_id != department.id:
            abort(404)
        try:
            adjust_rest_owed(current_user, staff, form.days.data, form.on.data, form.note.data)
        except RosterValidationError as exc:
            errors_onto_form(form, exc.errors)
        except PeriodClosed as exc:
            flash(str(exc), "danger")
        else:
            db.session.commit()
            flash(_("Rest owed adjusted."), "success")
            return redirect(url_for("roster.show_rest_owed", department_id=department.id, staff=staff.id))
    return _page(department, form, form.staff_id.data)
