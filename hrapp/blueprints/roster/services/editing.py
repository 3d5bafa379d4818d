"""Editing a roster: create, set cells, fill a range, copy the previous period, apply a rotation pattern.

Every edit goes through `apply_changes`: it refuses locked rosters, asks for a reason once the roster is
published, refuses new hard breaches on a published roster unless HR overrides, records RosterChange rows
and notifies the people affected. Cell edits check each cell's version, bulk edits the roster's version.
"""
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from hrapp import audit
from hrapp.blueprints.roster.rules import (
    LEAVE,
    Assignment,
    ShiftSpec,
    cell_problem,
    copy_source_day,
    parse_pattern,
    pattern_cells,
    pattern_problem,
)
from hrapp.blueprints.roster.services.changes import apply_changes, check_version
from hrapp.blueprints.roster.services.closing import ensure_department_open
from hrapp.blueprints.roster.services.facts import RosterData, load_roster_data, people_with_ids, period_days
from hrapp.blueprints.roster.services.messages import (
    RosterValidationError,
    StaleRosterError,
    message,
)
from hrapp.core.periods import period_of
from hrapp.extensions import db
from hrapp.models import Department, PeriodKind, Roster, RosterCell, RosterStatus, ShiftType

_ANY_WORK = ShiftSpec("?", start=None, end=None)  # stands for "some working shift" in availability checks


@dataclass(frozen=True)
class CellEdit:
    """Set (staff_id, day) to `shift_code` (None clears it). `expected_version` is the cell version the editor
    saw (RosterGrid gives it; 0 for an empty cell); None skips the check."""

    staff_id: int
    day: date
    shift_code: str | None
    expected_version: int | None = None


@dataclass(frozen=True)
class BulkResult:
    """How many cells changed, and which were left alone: (staff_id, day, reason code)."""

    changed: int
    skipped: tuple[tuple[int, date, str], ...] = ()


def create_roster(actor, department: Department, kind: PeriodKind, day: date) -> Roster:
    """A draft roster of `department` for the week or month containing `day`; audited.

    :raise RosterValidationError: the period overlaps another roster of the department.
    :raise PeriodClosed: part of the period is closed for the department.

    Concurrent creations: the department's row is claimed first with a write that changes nothing
    (`UPDATE departments SET id = id`), which takes a row lock on PostgreSQL and the database's write lock on
    SQLite (whose SELECT ... FOR UPDATE does nothing), so the overlap check below runs one creation at a time
    per department and sees the rosters committed before it. The unique (department, kind, period start)
    constraint backs identical creations whatever the isolation; its violation answers with the same
    "overlaps" message (hrapp.core.uniqueness).
    """
    first, last = period_of(kind, day).bounds
    ensure_department_open(department, period_days(first, last))
    db.session.execute(sa.update(Department).where(Department.id == department.id)
                       .values(id=Department.id).execution_options(synchronize_session=False))
    clash = db.session.scalar(sa.select(Roster.id).where(
        Roster.department_id == department.id, Roster.starts_on <= last, Roster.ends_on >= first))
    if clash is not None:
        raise RosterValidationError.of("period", "period_overlap")
    roster = Roster(department_id=department.id, period_kind=kind, starts_on=first, ends_on=last,
                    status=RosterStatus.DRAFT, created_by_id=getattr(actor, "id", None))
    db.session.add(roster)
    audit.record(actor, "roster.create", roster, None,
                 {"department": department.code, "starts_on": first.isoformat(), "ends_on": last.isoformat()},
                 label=f"{department.code} {first.isoformat()}")
    return roster


def set_cells(actor, roster: Roster, edits: Sequence[CellEdit], reason: str = "", override_reason: str = "",
              fixed: bool = True) -> BulkResult:
    """Set many cells at once, all or nothing. Cells set by hand are `fixed` (generation keeps them).

    A person from another department becomes a row of this roster with their first cell (lent staff).
    :raise RosterValidationError: unknown code or person, day outside the period, or a working shift for
        someone who has left, is not hired yet, is suspended or on approved leave; errors are keyed
        "<staff_id>/<YYYY-MM-DD>".
    :raise StaleRosterError: a cell changed since the editor saw it (see CellEdit.expected_version).
    :raise RosterBreachError: see apply_changes.

    Only what the edits can affect is loaded and checked: the edited people's cells and facts, with the
    whole roster's staffing counts (a cell save on a 600-person roster reads a few dozen cells).
    """
    data = load_roster_data(roster, page=people_with_ids({e.staff_id for e in edits}))
    errors: dict[str, list[str]] = {}
    stale = []
    for edit in edits:
        problem = _edit_problem(data, edit)
        if problem:
            errors.setdefault(f"{edit.staff_id}/{edit.day.isoformat()}", []).append(message(problem))
        cell = data.cell_at.get((edit.staff_id, edit.day))
        if edit.expected_version is not None and (cell.version_id if cell else 0) != edit.expected_version:
            stale.append((edit.staff_id, edit.day))
    if errors:
        raise RosterValidationError(errors)
    if stale:
        raise StaleRosterError(stale)
    changed = apply_changes(actor, data, {(e.staff_id, e.day): e.shift_code for e in edits}, reason,
                            override_reason, fixed)
    return BulkResult(changed)


def _edit_problem(data: RosterData, edit: CellEdit) -> str | None:
    if not data.roster.starts_on <= edit.day <= data.roster.ends_on:
        return "outside_period"
    if edit.staff_id not in data.staff_ids:
        return "unknown_staff"
    if edit.shift_code is None:
        return None
    shift = data.by_code.get(edit.shift_code)
    if shift is None or not shift.is_active:
        return "unknown_shift"
    return cell_problem(data.facts.staff.get(edit.staff_id), _absences(data, edit.staff_id), edit.day,
                        data.facts.shifts[shift.code])


def _absences(data: RosterData, staff_id: int):
    return [a for a in data.facts.absences if a.staff_id == staff_id]


def _blocked(data: RosterData, staff_id: int, day: date) -> str | None:
    """Why `staff_id` may not work on `day` at all (has_left, on_leave, ...), or None."""
    return cell_problem(data.facts.staff.get(staff_id), _absences(data, staff_id), day, _ANY_WORK)


def fill_range(actor, roster: Roster, staff_ids: Iterable[int], first_day: date, last_day: date,
               shift_code: str | None, expected_version: int | None, reason: str = "",
               override_reason: str = "") -> BulkResult:
    """Put `shift_code` (None clears) in every cell of `staff_ids` from `first_day` to `last_day`.

    Days on which a person may not work are skipped and reported. :raise RosterValidationError: unknown code
    or person, or days outside the period. :raise StaleRosterError, RosterBreachError: see apply_changes.
    """
    check_version(roster, expected_version)
    data = load_roster_data(roster)
    staff_ids = list(staff_ids)
    _check_range(data, staff_ids, first_day, last_day)
    if shift_code is not None and shift_code not in data.by_code:
        raise RosterValidationError.of("shift_code", "unknown_shift")
    spec = data.facts.shifts.get(shift_code) if shift_code else None
    changes, skipped = {}, []
    for staff_id in staff_ids:
        for day in period_days(first_day, last_day):
            problem = spec and cell_problem(data.facts.staff.get(staff_id), _absences(data, staff_id), day, spec)
            if problem:
                skipped.append((staff_id, day, problem))
            else:
                changes[(staff_id, day)] = shift_code
    return BulkResult(apply_changes(actor, data, changes, reason, override_reason, fixed=True), tuple(skipped))


def _check_range(data: RosterData, staff_ids: Iterable[int], first_day: date, last_day: date) -> None:
    if not data.roster.starts_on <= first_day <= last_day <= data.roster.ends_on:
        raise RosterValidationError.of("first_day", "outside_period")
    if not set(staff_ids) <= data.staff_ids:
        raise RosterValidationError.of("staff_ids", "unknown_staff")


def apply_pattern(actor, roster: Roster, pattern: str, offsets: Mapping[int, int], expected_version: int | None,
                  first_day: date | None = None, last_day: date | None = None, reason: str = "",
                  override_reason: str = "") -> BulkResult:
    """Apply a rotation such as "早早中中晚晚休休": person p gets code (i + offsets[p]) % n on the i-th day.

    Unknown codes reject the whole pattern; days a person may not work are skipped and reported.
    :raise RosterValidationError: empty pattern, unknown codes (listed), unknown person, days outside the period.
    """
    check_version(roster, expected_version)
    data = load_roster_data(roster)
    first_day, last_day = first_day or roster.starts_on, last_day or roster.ends_on
    parsed = parse_pattern(pattern, data.by_code)
    problem = pattern_problem(parsed)
    if problem:
        raise RosterValidationError.of("pattern", problem, codes="、".join(parsed.unknown))
    _check_range(data, offsets, first_day, last_day)
    return _apply_bulk(actor, data, pattern_cells(parsed.codes, offsets, period_days(first_day, last_day)),
                       reason, override_reason, overwrite=True)


def _apply_bulk(actor, data: RosterData, cells: Iterable[Assignment], reason: str, override_reason: str,
                overwrite: bool) -> BulkResult:
    """Write proposed cells, skipping occupied cells (unless `overwrite`) and days the person may not work."""
    changes, skipped = {}, []
    for cell in cells:
        spec = data.facts.shifts[cell.shift_code]
        problem = cell_problem(data.facts.staff.get(cell.staff_id), _absences(data, cell.staff_id), cell.day, spec)
        if problem is None and not overwrite and (cell.staff_id, cell.day) in data.cell_at:
            problem = "occupied"
        if problem:
            skipped.append((cell.staff_id, cell.day, problem))
        else:
            changes[(cell.staff_id, cell.day)] = cell.shift_code
    return BulkResult(apply_changes(actor, data, changes, reason, override_reason, fixed=False), tuple(skipped))


def previous_roster(roster: Roster) -> Roster | None:
    """The department's latest roster ending before `roster` starts."""
    return db.session.scalar(sa.select(Roster).where(
        Roster.department_id == roster.department_id, Roster.ends_on < roster.starts_on)
        .order_by(Roster.ends_on.desc()).limit(1))


def copy_previous_period(actor, roster: Roster, expected_version: int | None, overwrite: bool = False,
                         reason: str = "", override_reason: str = "") -> BulkResult:
    """Copy the previous roster's cells onto the same weekdays of this period (leave markers excepted).

    Occupied cells are kept unless `overwrite`; days a person may not work are skipped and reported.
    :raise RosterValidationError: the department has no earlier roster.
    """
    check_version(roster, expected_version)
    previous = previous_roster(roster)
    if previous is None:
        raise RosterValidationError.of("roster", "no_previous_roster")
    data = load_roster_data(roster)
    source_type = aliased(ShiftType)
    rows = db.session.execute(sa.select(RosterCell.staff_id, RosterCell.day, source_type.code)
                              .join(source_type, source_type.id == RosterCell.shift_type_id)
                              .where(RosterCell.roster_id == previous.id))
    old = {(s, d): code for s, d, code in rows}
    cells = []
    for staff_id in sorted(data.staff_ids):
        for day in data.days:
            code = old.get((staff_id, copy_source_day(day, previous.starts_on, previous.ends_on)))
            if code in data.facts.shifts and data.facts.shifts[code].kind != LEAVE:
                cells.append(Assignment(staff_id, day, code))
    return _apply_bulk(actor, data, cells, reason, override_reason, overwrite)
