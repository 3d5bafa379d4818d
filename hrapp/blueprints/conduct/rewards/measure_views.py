"""Measure pages (HR): the list, the form that records a measure, a measure with its revocation; and a person's
conduct history (violations, rewards, measures) for whoever may see that person's conduct records."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.conduct.access import ConductPerm
from hrapp.blueprints.conduct.rewards.forms import MeasureForm, RevokeForm
from hrapp.blueprints.conduct.rewards.history import can_view_history, person_history, position_choices
from hrapp.blueprints.conduct.rewards.listing import MEASURES
from hrapp.blueprints.conduct.rewards.measures import MeasureError, measures_query, record_measure, revoke_measure
from hrapp.blueprints.conduct.rewards.rules import MEASURE_KINDS
from hrapp.company import company_today
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.validation import ValidationFailed, errors_onto_form
from hrapp.extensions import db
from hrapp.models import DisciplinaryMeasure, Measure, StaffMember
from hrapp.period_close import PeriodClosed
from hrapp.permissions import get_or_404, permission_required, visible_departments


@permission_required(ConductPerm.REVIEW)
def list_measures():
    """Every measure, with filters (department, kind, person, active/revoked)."""
    page = MEASURES.page(measures_query(), request.args)
    return render_template("conduct/rewards/measure_list.html", page=page,
                           departments=visible_departments(current_user),
                           kinds=[Measure(k) for k in MEASURE_KINDS], title=_("Measures"))


@permission_required(ConductPerm.REVIEW)
def new_measure():
    """Record a measure on a person's history (carried out on the staff record where it changes it)."""
    form = MeasureForm()
    form.set_choices(visible_departments(current_user), position_choices())
    if not form.is_submitted():
        form.staff_number.data = request.args.get("staff", "")[:20]
        form.starts_on.data = company_today()
        form.violation_number.data = request.args.get("violation", "")[:20]
    if form.validate_on_submit():
        try:
            measure = record_measure(current_user, form.draft(), company_today())
        except ValidationFailed as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
        except PeriodClosed as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        else:
            db.session.commit()
            flash(_("Measure recorded."), "success")
            return redirect(url_for("conduct_rewards.show_measure", measure_id=measure.id))
    return render_template("conduct/rewards/measure_form.html", form=form, title=_("Record a measure"))


def _measure_page(measure: DisciplinaryMeasure, form: RevokeForm, status: int = 200):
    if form.version_id.data in (None, ""):
        form.version_id.data = measure.version_id
    return render_template("conduct/rewards/measure_detail.html", measure=measure, form=form,
                           title=_("Measure")), status


@permission_required(ConductPerm.REVIEW)
def show_measure(measure_id: int):
    """A measure: person, kind, days, linked violation, note; the revocation form while it stands."""
    return _measure_page(get_or_404(DisciplinaryMeasure, measure_id), RevokeForm(formdata=None))


@permission_required(ConductPerm.REVIEW)
def revoke(measure_id: int):
    """Revoke a measure with a reason (not a dismissal carried out)."""
    measure = get_or_404(DisciplinaryMeasure, measure_id)
    form = RevokeForm()
    if not form.validate_on_submit():
        return _measure_page(measure, form)
    try:
        revoke_measure(current_user, measure, form.note.data or "", form.expected_version())
    except StaleRecord:
        db.session.rollback()
        form.form_errors.append(str(STALE_MESSAGE))
        return _measure_page(db.session.get(DisciplinaryMeasure, measure_id), form, status=409)
    except MeasureError as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return _measure_page(measure, form)
    db.session.commit()
    flash(_("Measure revoked."), "success")
    return redirect(url_for("conduct_rewards.show_measure", measure_id=measure_id))


@login_required
def show_person(staff_id: int):
    """A person's conduct history: violations, rewards and measures, as far as I may see them."""
    staff = get_or_404(StaffMember, staff_id, check=can_view_history)
    return render_template("conduct/rewards/person_history.html", staff=staff,
                           history=person_history(current_user, staff),
                           title=_("Conduct history of %(name)s", name=staff.display_name))
