"""Applying cell changes to a roster: the one path every edit takes (drafts freely; published rosters with a
reason, change tracking, notifications, rest owed and a breach guard; locked rosters never)."""
from collections.abc import Mapping
from datetime import date

from blinker import signal

from hrapp import audit
from hrapp.blueprints.roster.access import can_override_breaches
from hrapp.blueprints.roster.rules import Assignment, check_roster
from hrapp.blueprints.roster.services.closing import ensure_roster_open
from hrapp.blueprints.roster.services.facts import RosterData
from hrapp.blueprints.roster.services.messages import RosterBreachError, RosterValidationError, StaleRosterError
from hrapp.blueprints.roster.services.notify import notify_changes
from hrapp.blueprints.roster.services.rest_owed import accrue_rest_owed
from hrapp.blueprints.roster.services.staffing import counts_after, remember_counts
from hrapp.extensions import db
from hrapp.models import Roster, RosterCell, RosterChange, RosterStatus, utcnow


def check_version(roster: Roster, expected_version: int | None) -> None:
    """:raise StaleRosterError: the roster changed since the editor loaded version `expected_version`."""
    if expected_version is not None and roster.version_id != expected_version:
        raise StaleRosterError()


# Sent (with the roster as sender and `cells`, the changed (staff_id, day) pairs) when a published roster's cells
# change, in the writer's transaction: attendance re-reads those people's days against the new shifts.
cells_changed = signal("roster.cells_changed")


def apply_changes(actor, data: RosterData, changes: Mapping[tuple[int, date], str | None], reason: str = "",
                  override_reason: str = "", fixed: bool | None = None, swap_id: int | None = None) -> int:
    """Write `changes` ((staff_id, day) -> code or None) to the roster; returns the number of cells changed.

    Drafts change freely. A published roster needs a `reason`; its changes are tracked (RosterChange),
    the people affected are notified and rest owed is recomputed; a change that adds a hard breach is
    refused unless HR gives `override_reason` (audited). Locked rosters, and days in a closed period (period
    close), refuse every change.
    :raise RosterValidationError: locked, or published without a reason. :raise RosterBreachError.
    :raise PeriodClosed: a day of `changes` lies in a closed period.
    """
    roster = data.roster
    ensure_roster_open(roster, {day for _staff_id, day in changes})
    changes = {key: code for key, code in changes.items() if data.code_at(*key) != code}
    if not changes:
        return 0
    published = _guard_editable(roster, reason)
    if published:
        _guard_breaches(actor, data, changes, override_reason)
    by_user = getattr(actor, "id", None)
    old_codes = {key: data.code_at(*key) for key in changes}
    for (staff_id, day), code in changes.items():
        cell = data.cell_at.get((staff_id, day))
        if published:
            db.session.add(RosterChange(roster_id=roster.id, staff_id=staff_id, day=day,
                                        old_code=old_codes[(staff_id, day)] or "", new_code=code or "",
                                        reason=reason.strip()[:255], changed_by_id=by_user, swap_id=swap_id))
        if code is None:
            db.session.delete(cell)
            continue
        if cell is None:
            cell = RosterCell(roster_id=roster.id, staff_id=staff_id, day=day)
            db.session.add(cell)
        cell.shift_type_id, cell.updated_by_id = data.by_code[code].id, by_user
        if fixed is not None:
            cell.is_fixed = fixed
    roster.updated_at = utcnow()  # bumps the roster's version: bulk edits started before this one are stale
    db.session.flush()
    if data.column_counts is not None:  # the new state's staffing, known without counting again
        after = counts_after(data.column_counts, changes, lambda *key: old_codes[key])
        remember_counts(roster, {(day, data.by_code[code].id): n for (day, code), n in after.items()})
    if published:
        notify_changes(roster, {key: (old_codes[key], code) for key, code in changes.items()}, reason)
        accrue_rest_owed(roster, {staff_id for staff_id, _day in changes})
        cells_changed.send(roster, cells=set(changes))
    audit.record(actor, "roster.cells", roster, None, {"cells": len(changes), "reason": reason.strip()[:200]},
                 label=f"{roster.department.code} {roster.starts_on.isoformat()}")
    return len(changes)


def _guard_editable(roster: Roster, reason: str) -> bool:
    """True if the roster is published; :raise RosterValidationError: locked, or published without a reason."""
    if roster.status == RosterStatus.LOCKED:
        raise RosterValidationError.of("roster", "locked")
    published = roster.status == RosterStatus.PUBLISHED
    if published and not (reason or "").strip():
        raise RosterValidationError.of("reason", "reason_required")
    return published


def _guard_breaches(actor, data: RosterData, changes: Mapping, override_reason: str) -> None:
    """Refuse changes to a published roster that add hard breaches, unless HR overrides with a reason."""
    before = data.assignments()
    cells = {(a.staff_id, a.day): a.shift_code for a in before} | dict(changes)
    after = [Assignment(s, d, code) for (s, d), code in cells.items() if code is not None]
    counts = data.column_counts  # the whole roster's, when `data` holds only some people's cells
    known = {b.key for b in check_roster(before, data.facts, counts) if b.is_hard}
    counts = None if counts is None else counts_after(counts, changes, data.code_at)
    new = [b for b in check_roster(after, data.facts, counts) if b.is_hard and b.key not in known]
    if new:
        require_override(actor, data.roster, new, override_reason, "roster.change_override")


def require_override(actor, roster: Roster, breaches: list, override_reason: str, action: str) -> None:
    """Let HR proceed despite hard `breaches` with a written reason (audited); refuse anyone else.

    :raise RosterBreachError: no reason given. :raise RosterValidationError: the actor may not override.
    """
    if not (override_reason or "").strip():
        raise RosterBreachError(breaches)
    if not can_override_breaches(actor):
        raise RosterValidationError.of("override_reason", "override_not_allowed")
    audit.record(actor, action, roster, None, {
        "reason": override_reason.strip()[:500],
        "breaches": [f"{b.rule} staff={b.staff_id} {b.day.isoformat()} {b.shift_code or ''}".strip()
                     for b in breaches[:50]],
        "count": len(breaches)}, label=f"{roster.department.code} {roster.starts_on.isoformat()}")
