"""XLSX download of a whole roster, for HR and the heads of its department (staff see their own shifts on
their schedule page, never a colleague's row in a file)."""
import io

from flask import send_file

from hrapp.blueprints.roster.access import RosterPerm, can_export_roster
from hrapp.blueprints.roster.documents import period_label
from hrapp.blueprints.roster.export import STATUS_TEXT, roster_workbook
from hrapp.blueprints.roster.services import roster_grid
from hrapp.core.sheets import MIMETYPE
from hrapp.models import Roster
from hrapp.permissions import get_or_404, permission_required


def _title(roster: Roster) -> str:
    department = roster.department
    return f"{department.code} {department.name} · {period_label(roster)} · {STATUS_TEXT[roster.status.value]}"


@permission_required(RosterPerm.ROSTER_VIEW)
def export_roster(roster_id: int):
    """The roster grid as an XLSX file (404 if missing, 403 for staff and heads of other departments)."""
    roster = get_or_404(Roster, roster_id, check=can_export_roster)
    body = roster_workbook(roster_grid(roster), _title(roster))
    return send_file(io.BytesIO(body), mimetype=MIMETYPE, as_attachment=True,
                     download_name=f"roster-{roster.department.code}-{period_label(roster)}.xlsx")
