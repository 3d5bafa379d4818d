"""Leave request pages: the request form (with the balances and the day count), my requests, a request with its
steps and history."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.attachments.panel import attachment_panel
from hrapp.blueprints.leave.access import LeavePerm, can_manage_leave, can_view_request
from hrapp.blueprints.leave.balances import balances_of
from hrapp.company import company_today
from hrapp.core.attachments import upload_request_limit
from hrapp.core.validation import errors_onto_form
from hrapp.core.workflow import available
from hrapp.extensions import db
from hrapp.models import LeaveRequest, LeaveStatus, LeaveType, StaffMember
from hrapp.period_close import PeriodClosed
from hrapp.permissions import get_or_404, permission_required

from .days import count_request
from .forms import CutShortForm, LeaveRequestForm, LeaveStepForm
from .messages import LeaveRequestError, refusal
from .queries import active_types, my_requests
from .services import OWNER, NoteFile, create_request, record_leave
from .steps import history
from .workflow import LEAVE_WORKFLOW


def _subject(form: LeaveRequestForm) -> StaffMember | None:
    """Whose leave: HR names anyone by staff number (else their own); everyone else their own record."""
    number = (form.staff_number.data or request.args.get("staff", "")).strip()[:20]
    if can_manage_leave(current_user) and number:
        form.staff_number.data = number
        return StaffMember.numbered(number)
    return db.session.get(StaffMember, current_user.staff_id) if current_user.staff_id else None


def _submit(form: LeaveRequestForm, staff: StaffMember | None) -> LeaveRequest:
    if staff is None:
        raise refusal("staff_number", "unknown_staff" if form.staff_number.data else "staff_required")
    leave_type = db.session.get(LeaveType, form.leave_type_id.data)
    upload = request.files.get("note_file")
    note = NoteFile(upload.stream, upload.filename) if upload and upload.filename else None
    if form.record_approved.data and can_manage_leave(current_user):
        if staff.id == current_user.staff_id:
            raise refusal("record_approved", "own_record")
        d = form.draft()
        return record_leave(current_user, staff, leave_type, d.starts_on, d.ends_on, d.starts_afternoon,
                            d.ends_at_noon, d.reason, note)
    return create_request(current_user, staff, leave_type, form.draft(), note)


def _preview(form: LeaveRequestForm, staff: StaffMember | None):
    """The days the form's dates would use (None until type and dates are given)."""
    leave_type = db.session.get(LeaveType, form.leave_type_id.data) if form.leave_type_id.data else None
    draft = form.draft()
    if staff is None or leave_type is None or draft.starts_on is None or draft.ends_on is None:
        return None
    return count_request(staff, leave_type, draft.shape())


@permission_required(LeavePerm.REQUEST)
def request_leave():
    """Ask for leave (HR: for anyone, or record it approved); the balances above, the day count on demand."""
    request.max_content_length = upload_request_limit()
    form = LeaveRequestForm()
    form.set_choices(active_types())
    staff = _subject(form)
    if staff is None and not can_manage_leave(current_user):
        abort(403)
    days = _preview(form, staff) if form.preview.data else None
    if not form.preview.data and form.validate_on_submit():
        try:
            leave = _submit(form, staff)
            db.session.commit()
        except LeaveRequestError as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
        except PeriodClosed as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        else:
            flash(_("Leave recorded.") if leave.status == LeaveStatus.APPROVED else _("Leave requested."), "success")
            return redirect(url_for("leave_requests.show_request", request_id=leave.id))
    as_of = form.starts_on.data or company_today()  # the balances of the year asked for
    balances = balances_of(staff, as_of) if staff is not None else []
    return render_template("leave/requests/request_form.html", form=form, staff=staff, balances=balances,
                           days=days, hr=can_manage_leave(current_user), title=_("Ask for leave"))


@permission_required(LeavePerm.REQUEST)
def list_my_requests():
    """My requests and balances (phone-friendly cards)."""
    staff = db.session.get(StaffMember, current_user.staff_id) if current_user.staff_id else None
    return render_template("leave/requests/my_requests.html", staff=staff,
                           requests=my_requests(staff.id) if staff else [],
                           balances=balances_of(staff, company_today()) if staff else [], title=_("My leave"))


def page(leave: LeaveRequest, form=None, cut_form=None, status: int = 200):
    """A request's page with its steps; forms given keep what the user typed after a refusal."""
    form = form or LeaveStepForm(formdata=None)
    cut_form = cut_form or CutShortForm(formdata=None)
    for each in (form, cut_form):
        if each.version_id.data in (None, ""):
            each.version_id.data = leave.version_id
    return render_template("leave/requests/request_detail.html", leave=leave, form=form, cut_form=cut_form,
                           workflow=LEAVE_WORKFLOW, actions=available(LEAVE_WORKFLOW, leave, current_user),
                           history=history(leave), attachments=attachment_panel(OWNER, leave, current_user),
                           title=_("Leave of %(name)s", name=leave.staff.display_name)), status


@login_required
def show_request(request_id: int):
    """A request: who, which type, the days, the note, its state, the steps open to me, its history."""
    return page(get_or_404(LeaveRequest, request_id, check=can_view_request))

