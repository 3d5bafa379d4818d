"""The correction pages: mine (with the month's count against the limit), asking for one, the waiting list and
HR's list, a correction with its steps and history, HR's correction."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.attendance.access import AttendancePerm
from hrapp.blueprints.attendance.settings import attendance_settings
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.listing import iso_date
from hrapp.core.uniqueness import duplicates_refused
from hrapp.core.validation import errors_onto_form
from hrapp.core.workflow import TransitionRefused, available
from hrapp.extensions import db
from hrapp.models import AttendanceCorrection, CorrectionKind, CorrectionStatus, StaffMember
from hrapp.period_close import PeriodClosed
from hrapp.permissions import get_or_404, permission_required, visible_departments

from . import messages, queries, services
from .access import can_view_correction
from .forms import CorrectionForm, CorrectionStepForm, HrCorrectionForm
from .workflow import CORRECTION_WORKFLOW

bp = Blueprint("attendance_corrections", __name__, url_prefix="/attendance/corrections")


def _own_staff() -> StaffMember:
    if not current_user.staff_id or current_user.staff is None:
        abort(404)
    return current_user.staff


def _claim(form: CorrectionForm) -> services.Claim:
    return services.Claim(form.day.data, CorrectionKind(form.kind.data), form.time.data, form.reason.data or "")


@bp.get("/")
@permission_required(AttendancePerm.VIEW)
def list_my_corrections():
    """My corrections and this month's count against the company's limit (phone-friendly)."""
    staff = _own_staff()
    today = services.local_now().date()
    return render_template("attendance/corrections/mine.html", corrections=queries.corrections_of(staff.id),
                           used=services.month_count(staff.id, today), limit=attendance_settings().corrections_per_month,
                           title=_("My corrections"))


def _prefill(form: CorrectionForm) -> None:
    if request.method == "GET":
        try:
            form.day.data = iso_date(request.args.get("day") or "")
        except ValueError:
            pass
        if request.args.get("kind") in {k.value for k in CorrectionKind}:
            form.kind.data = request.args["kind"]


@bp.route("/new", methods=("GET", "POST"))
@permission_required(AttendancePerm.VIEW)
def request_correction():
    """Ask for a correction of a missing punch on one of my days."""
    staff = _own_staff()
    form = CorrectionForm()
    _prefill(form)
    if form.validate_on_submit():
        correction = _saved(form, lambda: services.request_correction(current_user, staff, _claim(form)))
        if correction is not None:
            flash(_("Correction sent; your head will decide."), "success")
            return redirect(url_for("attendance_corrections.show_correction", correction_id=correction.id))
    return render_template("attendance/corrections/form.html", form=form, title=_("Ask for a correction"))


def _saved(form, save) -> AttendanceCorrection | None:
    """Run `save` and commit; a refusal or a closed month goes onto the form (rolled back) and gives None."""
    try:
        with duplicates_refused(services.CorrectionRefused):
            correction = save()
            db.session.commit()
    except services.CorrectionRefused as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
    except PeriodClosed as exc:
        db.session.rollback()
        form.form_errors.append(str(exc))
    else:
        return correction
    return None


@bp.get("/all")
@permission_required(AttendancePerm.DEPARTMENT)
def list_corrections():
    """The corrections of my departments (heads) or everyone's (HR): search, status, department, month."""
    args = {"status": CorrectionStatus.PENDING.value} | request.args.to_dict()  # the waiting list by default
    page = queries.LISTING.page(queries.corrections_query(current_user), args)
    return render_template("attendance/corrections/list.html", page=page, statuses=list(CorrectionStatus),
                           departments=visible_departments(current_user), title=_("Corrections"))


@bp.route("/hr/new", methods=("GET", "POST"))
@permission_required(AttendancePerm.MANAGE)
def add_hr_correction():
    """HR adds a missing punch for anyone's day, with a reason (accepted at once)."""
    form = HrCorrectionForm()
    _prefill(form)
    if form.validate_on_submit():
        staff = StaffMember.numbered(form.staff_number.data)
        if staff is None:
            form.staff_number.errors.append(str(messages.STAFF_UNKNOWN))
        elif (correction := _saved(form, lambda: services.hr_correct(current_user, staff, _claim(form)))) is not None:
            flash(_("Punch added."), "success")
            return redirect(url_for("attendance_corrections.show_correction", correction_id=correction.id))
    return render_template("attendance/corrections/form.html", form=form, title=_("Correct a person's punch"))


def _page(correction: AttendanceCorrection, form: CorrectionStepForm, status: int = 200):
    return render_template("attendance/corrections/detail.html", correction=correction, form=form,
                           workflow=CORRECTION_WORKFLOW, actions=available(CORRECTION_WORKFLOW, correction, current_user),
                           history=queries.history(correction), title=_("Correction")), status


@bp.get("/<int:correction_id>")
@login_required
def show_correction(correction_id: int):
    """A correction: the day, the punch claimed, the reason, its state, the steps open to me, its history."""
    correction = get_or_404(AttendanceCorrection, correction_id, check=can_view_correction)
    return _page(correction, CorrectionStepForm(formdata=None))


def _step(correction_id: int, name: str, action, done: str):
    """Take step `name` if its rule admits me (else 403); a stale page gets the stale message (409)."""
    correction = get_or_404(AttendanceCorrection, correction_id, check=can_view_correction)
    if not CORRECTION_WORKFLOW.transition(name).allowed(current_user, correction):
        abort(403)
    form = CorrectionStepForm()
    if not form.validate_on_submit():
        return _page(correction, form)
    try:
        action(correction, form.note.data or "", form.expected_version())
    except StaleRecord:
        db.session.rollback()
        form.form_errors.append(str(STALE_MESSAGE))
        return _page(correction, form, 409)
    except (services.CorrectionRefused, TransitionRefused) as exc:
        db.session.rollback()
        errors_onto_form(form, exc.errors)
        return _page(correction, form)
    except PeriodClosed as exc:
        db.session.rollback()
        flash(str(exc), "danger")
        return redirect(url_for("attendance_corrections.show_correction", correction_id=correction_id))
    db.session.commit()
    flash(done, "success")
    return redirect(url_for("attendance_corrections.show_correction", correction_id=correction_id))


@bp.post("/<int:correction_id>/accept")
@login_required
def accept_correction(correction_id: int):
    """Accept: the punch is stored and the day re-read."""
    return _step(correction_id, "accept", lambda c, note, v: services.accept_correction(current_user, c, v),
                 _("Correction accepted; the punch was added."))


@bp.post("/<int:correction_id>/reject")
@login_required
def reject_correction(correction_id: int):
    """Reject, with a reason."""
    return _step(correction_id, "reject", lambda c, note, v: services.reject_correction(current_user, c, note, v),
                 _("Correction rejected."))


@bp.post("/<int:correction_id>/withdraw")
@login_required
def withdraw_correction(correction_id: int):
    """The person withdraws their pending correction."""
    return _step(correction_id, "withdraw", lambda c, note, v: services.withdraw_correction(current_user, c, v),
                 _("Correction withdrawn."))
