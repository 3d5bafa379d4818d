"""HR's page to set a wrong punch aside (confirm, with a reason)."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.attendance.access import AttendancePerm, can_manage_attendance
from hrapp.core.validation import errors_onto_form
from hrapp.extensions import db
from hrapp.models import Punch
from hrapp.period_close import PeriodClosed
from hrapp.permissions import get_or_404, permission_required

from .forms import ExcludePunchForm
from .punch_exclusion import PunchExclusionRefused, exclude_punch
from .routes import bp


@bp.route("/punches/<int:punch_id>/exclude", methods=("GET", "POST"))
@permission_required(AttendancePerm.MANAGE)
def exclude_punch_page(punch_id: int):
    """Show the punch and ask why it should be set aside; on POST set it aside and re-read its days."""
    punch = get_or_404(Punch, punch_id, lambda user, _punch: can_manage_attendance(user))
    form = ExcludePunchForm()
    if form.validate_on_submit():
        try:
            exclude_punch(current_user, punch, form.reason.data)
            db.session.commit()
        except PunchExclusionRefused as exc:
            db.session.rollback()
            errors_onto_form(form, exc.errors)
        except PeriodClosed as exc:
            db.session.rollback()
            form.form_errors.append(str(exc))
        else:
            flash(_("The punch is set aside; the days it could belong to were read again."), "success")
            if punch.staff_id is not None:
                return redirect(url_for("attendance_board.show_person", staff_id=punch.staff_id,
                                        month=punch.punched_at.strftime("%Y-%m")))
            return redirect(url_for("attendance_capture.list_ids"))
    return render_template("attendance/corrections/exclude_punch.html", punch=punch, form=form,
                           title=_("Set a punch aside"))
