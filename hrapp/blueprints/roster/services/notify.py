"""Roster notifications: who has an account among the people affected, and what they are told."""
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp.core.approvers import approvers_for
from hrapp.extensions import db
from hrapp.models import Roster, StaffMember, User
from hrapp.notifications import notify

# The roster's notification kinds (declared in the module record with their labels).
PUBLISHED, CHANGED, SWAP, DAY_OFF = "roster.published", "roster.changed", "roster.swap", "roster.day_off"


def roster_link(roster: Roster) -> str:
    """Where a roster notification points (the UI's roster page)."""
    return f"/roster/{roster.id}"


def accounts_of(staff_ids: Iterable[int]) -> list[User]:
    """Enabled accounts linked to these staff records."""
    ids = list(staff_ids)
    if not ids:
        return []
    return list(db.session.scalars(sa.select(User).where(User.staff_id.in_(ids), User.is_enabled.is_(True))
                                   .order_by(User.id)))


def _period(roster: Roster) -> str:
    return f"{roster.department.name} {roster.starts_on:%m-%d}~{roster.ends_on:%m-%d}"


def notify_published(roster: Roster, staff_ids: Iterable[int]) -> int:
    """Tell everyone on the roster with an account that it is published; returns how many were told."""
    users = accounts_of(staff_ids)
    notify(users, lambda: _("Your roster %(period)s is published.", period=_period(roster)), roster_link(roster),
           kind=PUBLISHED)
    return len(users)


def notify_changes(roster: Roster, changes: Mapping[tuple[int, date], tuple[str | None, str | None]],
                   reason: str) -> int:
    """Tell each person whose cells changed on a published roster what changed and why."""
    per_staff: dict[int, list[str]] = defaultdict(list)
    for (staff_id, day), (old, new) in sorted(changes.items()):
        per_staff[staff_id].append(f"{day:%m-%d} {old or '-'}→{new or '-'}")
    users = accounts_of(per_staff)
    for user in users:
        lines = "; ".join(per_staff[user.staff_id][:10])
        notify([user], lambda lines=lines: _("Your roster %(period)s changed: %(changes)s. Reason: %(reason)s",
                                             period=_period(roster), changes=lines, reason=reason),
               roster_link(roster), kind=CHANGED)
    return len(users)


def notify_users(users: Iterable[User], text, link: str) -> None:
    """Pass-through for the swap messages."""
    notify(users, text, link, kind=SWAP)


def notify_day_off(actor, staff: StaffMember, day: date, withdrawn: bool) -> None:
    """A person's own wish goes to their approvers (`approvers_for`: the heads of their department and of the
    departments above it, who may all manage it, else HR; a withdrawal of their own, to nobody); a wish a head
    entered or withdrew for them goes to the person."""
    when = day.isoformat()
    if getattr(actor, "staff_id", None) == staff.id:
        if not withdrawn:
            notify(approvers_for(staff),
                   lambda: _("%(name)s would like %(day)s off.", name=staff.display_name, day=when),
                   f"/roster/?department={staff.department_id}", kind=DAY_OFF)
        return
    if withdrawn:
        text = lambda: _("Your day-off request for %(day)s was withdrawn by your head.", day=when)  # noqa: E731
    else:
        text = lambda: _("Your head recorded your wish to have %(day)s off.", day=when)  # noqa: E731
    notify(accounts_of([staff.id]), text, "/roster/me", kind=DAY_OFF)
