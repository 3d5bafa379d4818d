"""The inductions pages: the open assignments (overdue first) for heads and HR, its XLSX export, HR's waiver."""
from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.training.access import TrainingPerm, can_manage_training, can_view_induction
from hrapp.company import company_today
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.sheets import MIMETYPE, workbook_bytes
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.models import InductionAssignment
from hrapp.permissions import get_or_404, permission_required, visible_departments

from . import induction
from .forms import InductionWaiveForm
from .queries import courses_with_inductions, export_table, inductions_listing, open_inductions


@permission_required(TrainingPerm.LEAD)
def list_inductions():
    """Open induction assignments in my scope, overdue first: filters, sort, pages."""
    today = company_today()
    page = inductions_listing(today).page(open_inductions(current_user), request.args)
    return render_template("training/records/inductions.html", page=page, today=today,
                           departments=visible_departments(current_user), courses=courses_with_inductions(),
                           title=_("Inductions"))


@permission_required(TrainingPerm.LEAD)
def export_inductions():
    """The filtered list as XLSX."""
    today = company_today()
    listing = inductions_listing(today)
    query = listing.apply(open_inductions(current_user), listing.read(request.args))
    return Response(workbook_bytes(export_table(query, today)), mimetype=MIMETYPE,
                    headers={"Content-Disposition": "attachment; filename=inductions.xlsx",
                             "Cache-Control": "no-store"})


def _may_waive(user, assignment: InductionAssignment) -> bool:
    return can_manage_training(user) and can_view_induction(user, assignment)


@login_required
def waive_induction(induction_id: int):
    """HR waives an open assignment with a reason (the page asks first)."""
    assignment = get_or_404(InductionAssignment, induction_id, check=_may_waive)
    form = InductionWaiveForm()
    if request.method == "GET":
        form.version_id.data = assignment.version_id
    elif form.validate_on_submit():
        try:
            induction.waive_induction(current_user, assignment, form.reason.data, form.expected_version())
            db.session.commit()
        except StaleRecord:
            db.session.rollback()
            form.form_errors.append(str(STALE_MESSAGE))
            return _waive_page(db.session.get(InductionAssignment, induction_id), form, 409)
        except ValidationFailed as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
        else:
            flash(_("The induction course is waived."), "success")
            return redirect(url_for("training_records.show_record", staff_id=assignment.staff_id))
    return _waive_page(assignment, form)


def _waive_page(assignment: InductionAssignment, form: InductionWaiveForm, status: int = 200):
    return render_template("training/records/waive.html", assignment=assignment, form=form,
                           today=company_today(), title=_("Waive an induction course")), status
