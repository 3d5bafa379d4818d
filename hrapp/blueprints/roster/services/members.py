"""The rows of a published roster: fixed at publication; a person who joins the department later is listed
for the head to add (an explicit, audited step), never added by itself."""
import sqlalchemy as sa

from hrapp import audit
from hrapp.blueprints.roster.services.changes import check_version
from hrapp.blueprints.roster.services.closing import ensure_roster_open
from hrapp.blueprints.roster.services.facts import employed_clause
from hrapp.blueprints.roster.services.messages import RosterValidationError
from hrapp.extensions import db
from hrapp.models import Roster, RosterCell, RosterMember, RosterStatus, StaffMember, utcnow


def fix_members(roster: Roster, staff_ids, actor=None) -> None:
    """Record `staff_ids` as the roster's rows (at publication); people already on it are skipped."""
    present = set(db.session.scalars(sa.select(RosterMember.staff_id).where(RosterMember.roster_id == roster.id)))
    for staff_id in sorted(set(staff_ids) - present):
        db.session.add(RosterMember(roster_id=roster.id, staff_id=staff_id, added_by_id=getattr(actor, "id", None)))


def roster_newcomers(roster: Roster) -> list[StaffMember]:
    """People of the department employed in the period who are not rows of the published `roster` (joined or
    imported after publication); empty for a draft, whose rows follow the department."""
    if roster.status == RosterStatus.DRAFT:
        return []
    members = sa.select(RosterMember.staff_id).where(RosterMember.roster_id == roster.id)
    with_cells = sa.select(RosterCell.staff_id).where(RosterCell.roster_id == roster.id)
    return list(db.session.scalars(sa.select(StaffMember).where(
        employed_clause(roster), StaffMember.id.not_in(members), StaffMember.id.not_in(with_cells))
        .order_by(StaffMember.staff_number)))


def add_roster_member(actor, roster: Roster, staff: StaffMember, expected_version: int | None) -> None:
    """Add a newcomer as a row of a published roster (their cells stay empty until edited); audited.

    :raise RosterValidationError: a draft or locked roster, or not one of its newcomers.
    :raise StaleRosterError: the roster changed since `expected_version`. :raise PeriodClosed.
    """
    check_version(roster, expected_version)
    ensure_roster_open(roster)
    if roster.status == RosterStatus.LOCKED:
        raise RosterValidationError.of("roster", "locked")
    if staff not in roster_newcomers(roster):
        raise RosterValidationError.of("staff_id", "not_newcomer")
    fix_members(roster, [staff.id], actor)
    roster.updated_at = utcnow()  # a new row: bulk steps started before it are stale
    audit.record(actor, "roster.add_member", roster, None, {"staff_id": staff.id, "staff": staff.staff_number},
                 label=f"{roster.department.code} {roster.starts_on.isoformat()}")
