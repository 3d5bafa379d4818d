"""The training record pages: anyone's (themselves, their heads, HR) and my own (phone first)."""
from flask import render_template, request
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.training.access import TrainingPerm, can_view_training_of
from hrapp.extensions import db
from hrapp.models import StaffMember
from hrapp.permissions import get_or_404, permission_required

from .queries import training_record


def _year() -> int | None:
    """The `?year=` filter (a year from 1950 to 2999), None for all years or anything else."""
    raw = request.args.get("year", "").strip()[:4]
    return int(raw) if raw.isdigit() and 1950 <= int(raw) <= 2999 else None


def _page(staff: StaffMember, title: str, mine: bool):
    record = training_record(staff, year=_year())
    return render_template("training/records/record.html", record=record, mine=mine, title=title)


@login_required
def show_record(staff_id: int):
    """A person's training record: hours per year, sessions and scores, certificates, inductions."""
    staff = get_or_404(StaffMember, staff_id, check=can_view_training_of)
    return _page(staff, _("Training record of %(name)s", name=staff.display_name), mine=False)


@permission_required(TrainingPerm.VIEW)
def show_my_record():
    """My own training record (an account without a staff record is told so)."""
    staff = db.session.get(StaffMember, current_user.staff_id) if current_user.staff_id else None
    if staff is None:
        return render_template("training/records/no_record.html", title=_("My training"))
    return _page(staff, _("My training"), mine=True)
