"""Overtime approvals: the days with overtime waiting for approval in the user's scope, approve one, and the
approvals given (withdraw one with a reason)."""
from datetime import timedelta

import sqlalchemy as sa
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.attendance.access import AttendancePerm, can_approve_overtime_of, day_scope
from hrapp.company import company_today
from hrapp.core.errors import STALE_MESSAGE, StaleRecord
from hrapp.core.listing import Filter, Listing, positive_int
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import AttendanceDay, OvertimeApproval, StaffMember
from hrapp.period_close import PeriodClosed
from hrapp.permissions import department_scope, get_or_404, permission_required, sees_everything, visible_departments

from .forms import ApproveOvertimeForm, WithdrawOvertimeForm
from .services import approve_overtime, withdraw_approval

bp = Blueprint("attendance_overtime", __name__, url_prefix="/attendance/overtime")
LOOK_BACK_DAYS = 62

WAITING = Listing(
    sorts={"day": AttendanceDay.day, "minutes": AttendanceDay.overtime_minutes, "person": StaffMember.staff_number},
    default_sort="-day", tiebreak=(AttendanceDay.id,),
    filters=(Filter("department_id", lambda q, v: q.where(AttendanceDay.department_id == v), positive_int),),
)


def _may_approve(user, day: AttendanceDay) -> bool:
    return can_approve_overtime_of(user, day.staff)


def _approval_scope():
    if sees_everything(current_user):
        return sa.true()
    return StaffMember.department_id.in_(department_scope(current_user))


@bp.route("/")
@permission_required(AttendancePerm.DEPARTMENT)
def list_overtime():
    """Days whose overtime waits for approval (however old: a queue); below, the approvals of the last two months."""
    since = company_today() - timedelta(days=LOOK_BACK_DAYS)
    query = (sa.select(AttendanceDay).join(StaffMember, StaffMember.id == AttendanceDay.staff_id)
             .where(day_scope(current_user), AttendanceDay.overtime_minutes > 0,
                    AttendanceDay.overtime_approved.is_(False), AttendanceDay.staff_id != (current_user.staff_id or -1)))
    page = WAITING.page(query, request.args)
    approvals = db.session.scalars(
        sa.select(OvertimeApproval).join(StaffMember, StaffMember.id == OvertimeApproval.staff_id)
        .where(_approval_scope(), OvertimeApproval.day >= since)
        .order_by(OvertimeApproval.day.desc(), OvertimeApproval.id.desc()).limit(100)).all()
    return render_template("attendance/overtime/list.html", page=page, approvals=approvals,
                           departments=visible_departments(current_user), approve_form=ApproveOvertimeForm,
                           withdraw_form=WithdrawOvertimeForm, title=_("Overtime approvals"))


@bp.route("/days/<int:day_id>/approve", methods=["POST"])
@permission_required(AttendancePerm.DEPARTMENT)
def approve_day(day_id: int):
    """Approve one day's overtime (the day's version guards against a re-reconciliation meanwhile)."""
    day = get_or_404(AttendanceDay, day_id, _may_approve)
    form = ApproveOvertimeForm()
    if form.validate_on_submit():
        try:
            approve_overtime(current_user, day, form.expected_version(), form.note.data or "")
            db.session.commit()
            flash(_("Overtime approved."), "success")
        except StaleRecord:
            db.session.rollback()
            flash(str(STALE_MESSAGE), "warning")
        except (ValidationFailed, PeriodClosed) as exc:
            db.session.rollback()
            flash(str(exc.message if isinstance(exc, ValidationFailed) else exc), "danger")
    return redirect(url_for(".list_overtime"))


@bp.route("/approvals/<int:approval_id>/withdraw", methods=["POST"])
@permission_required(AttendancePerm.DEPARTMENT)
def withdraw(approval_id: int):
    """Withdraw an approval, with a reason."""
    row = get_or_404(OvertimeApproval, approval_id, lambda user, r: can_approve_overtime_of(user, r.staff))
    form = WithdrawOvertimeForm()
    if not form.validate_on_submit():
        flash(_("Please give a reason."), "danger")
        return redirect(url_for(".list_overtime"))
    try:
        withdraw_approval(current_user, row, form.expected_version(), form.reason.data)
        db.session.commit()
        flash(_("Overtime approval withdrawn."), "success")
    except StaleRecord:
        db.session.rollback()
        flash(str(STALE_MESSAGE), "warning")
    except (ValidationFailed, PeriodClosed) as exc:
        db.session.rollback()
        flash(str(exc.message if isinstance(exc, ValidationFailed) else exc), "danger")
    return redirect(url_for(".list_overtime"))
