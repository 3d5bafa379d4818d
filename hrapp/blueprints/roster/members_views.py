"""Adding a newcomer (joined or imported after publication) as a row of a published roster."""
from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.roster.access import RosterPerm, can_edit_roster
from hrapp.blueprints.roster.forms import AddMemberForm
from hrapp.blueprints.roster.grid_views import render_grid
from hrapp.blueprints.roster.services import RosterValidationError, StaleRosterError
from hrapp.blueprints.roster.services.members import add_roster_member
from hrapp.extensions import db
from hrapp.models import Roster, StaffMember
from hrapp.period_close import PeriodClosed
from hrapp.permissions import get_or_404, permission_required


@permission_required(RosterPerm.ROSTER_EDIT)
def add_member(roster_id: int):
    """Put a newcomer on a published roster (an explicit, audited step; their days start empty)."""
    roster = get_or_404(Roster, roster_id, check=can_edit_roster)
    form = AddMemberForm(prefix="member")
    if not form.validate_on_submit():
        abort(400)
    staff = db.get_or_404(StaffMember, form.staff_id.data)
    try:
        add_roster_member(current_user, roster, staff, form.version())
    except StaleRosterError:
        db.session.rollback()
        flash(_("Someone else changed this roster in the meantime. The grid now shows the current state; "
                "check it and try again."), "warning")
    except (RosterValidationError, PeriodClosed) as exc:
        db.session.rollback()
        messages = [m for ms in getattr(exc, "errors", {}).values() for m in ms] or [str(exc)]
        flash(" ".join(messages), "danger")
        return render_grid(roster, status=409)
    else:
        db.session.commit()
        flash(_("%(name)s added to the roster.", name=staff.name_zh), "success")
    return redirect(url_for("roster.show_roster", roster_id=roster.id))
