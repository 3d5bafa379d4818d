"""A roster's life: live rule check, publish (hard breaches block unless HR overrides), lock, change history."""
import sqlalchemy as sa

from hrapp import audit
from hrapp.blueprints.roster.rules import Breach, check_roster
from hrapp.blueprints.roster.services.changes import check_version, require_override
from hrapp.blueprints.roster.services.closing import ensure_roster_open
from hrapp.blueprints.roster.services.facts import load_roster_data
from hrapp.blueprints.roster.services.members import fix_members
from hrapp.blueprints.roster.services.messages import RosterValidationError
from hrapp.blueprints.roster.services.notify import notify_published
from hrapp.blueprints.roster.services.rest_owed import accrue_rest_owed
from hrapp.extensions import db
from hrapp.models import Roster, RosterChange, RosterStatus, utcnow


def roster_breaches(roster: Roster) -> list[Breach]:
    """Every breach of the rules in the roster as it stands (the live check)."""
    data = load_roster_data(roster, writable=False)
    return check_roster(data.assignments(), data.facts)


def publish_roster(actor, roster: Roster, expected_version: int | None, override_reason: str = "") -> list[Breach]:
    """Publish a draft: staff with accounts are notified and rest owed accrues. Returns every breach found
    (the soft ones stay visible).

    Hard breaches block publishing unless an HR user gives `override_reason`, which is stored and audited.
    :raise StaleRosterError: the roster changed since `expected_version`. :raise RosterBreachError: hard
        breaches and no override. :raise RosterValidationError: not a draft, or the actor may not override.
    :raise PeriodClosed: part of the roster's period is closed.
    """
    check_version(roster, expected_version)
    ensure_roster_open(roster)
    if roster.status != RosterStatus.DRAFT:
        raise RosterValidationError.of("roster", "already_published")
    data = load_roster_data(roster, writable=False)
    breaches = check_roster(data.assignments(), data.facts)
    hard = [b for b in breaches if b.is_hard]
    if hard:
        require_override(actor, roster, hard, override_reason, "roster.publish_override")
        roster.override_reason = override_reason.strip()
    roster.status, roster.published_at = RosterStatus.PUBLISHED, utcnow()
    roster.published_by_id = getattr(actor, "id", None)
    fix_members(roster, data.staff_ids)  # its rows from now on: a later newcomer is added by the head
    db.session.flush()
    told = notify_published(roster, {c.staff_id for c in data.cells})
    accrue_rest_owed(roster)
    audit.record(actor, "roster.publish", roster, {"status": "draft"},
                 {"status": "published", "hard_breaches": len(hard), "soft_breaches": len(breaches) - len(hard),
                  "notified": told}, label=f"{data.roster.department.code} {roster.starts_on.isoformat()}")
    return breaches


def lock_roster(actor, roster: Roster, expected_version: int | None) -> None:
    """Lock a published roster (e.g. when the month's attendance closes): no more changes; audited.

    :raise RosterValidationError: not published. :raise StaleRosterError. :raise PeriodClosed.
    """
    check_version(roster, expected_version)
    ensure_roster_open(roster)
    if roster.status != RosterStatus.PUBLISHED:
        raise RosterValidationError.of("roster", "not_published")
    roster.status, roster.locked_at = RosterStatus.LOCKED, utcnow()
    audit.record(actor, "roster.lock", roster, {"status": "published"}, {"status": "locked"},
                 label=f"{roster.department.code} {roster.starts_on.isoformat()}")


def roster_changes(roster: Roster, staff_id: int | None = None) -> list[RosterChange]:
    """Changes made after publishing, newest first (optionally one person's), with who made them."""
    query = sa.select(RosterChange).where(RosterChange.roster_id == roster.id)
    if staff_id is not None:
        query = query.where(RosterChange.staff_id == staff_id)
    return list(db.session.scalars(query.order_by(RosterChange.changed_at.desc(), RosterChange.id.desc())))


def department_rosters(department_id: int, first=None, last=None) -> list[Roster]:
    """The department's rosters (optionally those touching [first, last]), latest first."""
    query = sa.select(Roster).where(Roster.department_id == department_id)
    if first is not None:
        query = query.where(Roster.ends_on >= first)
    if last is not None:
        query = query.where(Roster.starts_on <= last)
    return list(db.session.scalars(query.order_by(Roster.starts_on.desc())))
