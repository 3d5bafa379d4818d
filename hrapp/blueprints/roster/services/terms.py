"""Work terms: contracted working days (company default, per position, per person) and allowed shifts."""
from collections.abc import Iterable
from decimal import Decimal

import sqlalchemy as sa

from hrapp import audit
from hrapp.blueprints.roster.rules.targets import (
    DEFAULT_DAYS_PER_MONTH,
    DEFAULT_TOLERANCE,
    ResolvedTerms,
    WorkTerms,
    defaults_problems,
    resolve_terms,
    terms_problems,
)
from hrapp.blueprints.roster.services.messages import RosterValidationError, message
from hrapp.core.errors import StaleRecord
from hrapp.extensions import db
from hrapp.models import Position, RosterRuleSettings, RosterWorkTerms, ShiftKind, ShiftType, StaffMember

TERMS_FIELDS = ("position_id", "staff_id", "days_per_month", "shift_codes", "office_days_only")


def work_defaults() -> tuple[Decimal, Decimal]:
    """The company's working days a month and the tolerance generation may stray by (defaults while unset)."""
    row = db.session.scalar(sa.select(RosterRuleSettings).limit(1))
    if row is None:
        return DEFAULT_DAYS_PER_MONTH, DEFAULT_TOLERANCE
    return row.working_days_per_month, row.working_days_tolerance


def stored_version(row) -> int:
    """The version a page carries for `row`: 0 while nothing is stored."""
    return 0 if row is None else row.version_id


def _check_stored_version(row, expected_version: int | None) -> None:
    """Refuse a save made on a page that showed another version of `row` (0: the page saw none stored).

    :raise StaleRecord: someone else stored, changed or removed it since.
    """
    if expected_version is not None and expected_version != stored_version(row):
        raise StaleRecord()


def work_defaults_version() -> int:
    return stored_version(db.session.scalar(sa.select(RosterRuleSettings).limit(1)))


def update_work_defaults(actor, days_per_month: Decimal, tolerance: Decimal,
                         expected_version: int | None = None) -> RosterRuleSettings:
    """Store the company's working days a month and tolerance (creating the settings row); audited.

    :raise RosterValidationError: a value out of range.
    :raise StaleRecord: the settings changed since the page showed `expected_version` (None: no check).
    """
    problems = defaults_problems(days_per_month, tolerance)
    if problems:
        raise RosterValidationError.from_codes(problems)
    row = db.session.scalar(sa.select(RosterRuleSettings).limit(1))
    _check_stored_version(row, expected_version)
    fields = ("working_days_per_month", "working_days_tolerance")
    before = audit.snapshot(row, fields) if row else None
    if row is None:
        row = RosterRuleSettings()
        db.session.add(row)
    row.working_days_per_month, row.working_days_tolerance = days_per_month, tolerance
    audit.record(actor, "roster_rules.working_days", row, before, audit.snapshot(row, fields), label="rules")
    return row


def _terms_of(row: RosterWorkTerms | None) -> WorkTerms | None:
    if row is None:
        return None
    codes = None if row.shift_codes is None else frozenset(row.shift_codes)
    return WorkTerms(row.days_per_month, codes, row.office_days_only)


def resolved_terms(staff: Iterable[StaffMember]) -> dict[int, ResolvedTerms]:
    """staff id -> the person's terms after fallback (person, position, company): one query for the rows."""
    staff = list(staff)
    default_days, _tolerance = work_defaults()
    positions = {s.position_id for s in staff if s.position_id}
    rows = db.session.scalars(sa.select(RosterWorkTerms).where(sa.or_(
        RosterWorkTerms.staff_id.in_([s.id for s in staff]), RosterWorkTerms.position_id.in_(positions))))
    by_staff, by_position = {}, {}
    for row in rows:
        if row.staff_id is not None:
            by_staff[row.staff_id] = _terms_of(row)
        else:
            by_position[row.position_id] = _terms_of(row)
    return {s.id: resolve_terms(by_staff.get(s.id), by_position.get(s.position_id), default_days) for s in staff}


def terms_row(*, position: Position | None = None, staff: StaffMember | None = None) -> RosterWorkTerms | None:
    """The terms row of a position or of a person, if any."""
    key = RosterWorkTerms.position_id == position.id if position else RosterWorkTerms.staff_id == staff.id
    return db.session.scalar(sa.select(RosterWorkTerms).where(key))


def set_work_terms(actor, terms: WorkTerms, *, position: Position | None = None,
                   staff: StaffMember | None = None, expected_version: int | None = None) -> RosterWorkTerms | None:
    """Set the work terms of a position's people or of one person (exactly one of them); terms with nothing
    set remove the row (back to the fallback). Audited. Returns the row, or None when removed.

    :raise RosterValidationError: days out of range, or shift codes the department has no working shift for.
    :raise StaleRecord: their terms changed since the page showed `expected_version` (0: none set; None: no check).
    """
    if (position is None) == (staff is None):
        raise ValueError("give a position or a person")
    department_id = (position or staff).department_id
    codes = set(db.session.scalars(sa.select(ShiftType.code).where(
        ShiftType.department_id == department_id, ShiftType.kind == ShiftKind.WORK)))
    problems = terms_problems(terms, codes)
    if "shift_codes" in problems:
        unknown = ", ".join(sorted(terms.shift_codes - codes))
        raise RosterValidationError({"shift_codes": [message("terms_unknown_shift", codes=unknown)]})
    if problems:
        raise RosterValidationError.from_codes(problems)
    row = terms_row(position=position, staff=staff)
    if expected_version == 0 and row is not None:  # a blank form for someone who already has terms
        raise RosterValidationError({"subject": [message("terms_already_set")]})
    _check_stored_version(row, expected_version)
    before = audit.snapshot(row, TERMS_FIELDS) if row else None
    label = position.code if position else staff.staff_number
    if terms == WorkTerms():
        if row is not None:
            audit.record(actor, "roster_terms.remove", row, before, None, label=label)
            db.session.delete(row)
        return None
    if row is None:
        row = RosterWorkTerms(position_id=position.id if position else None, staff_id=staff.id if staff else None)
        db.session.add(row)
    row.days_per_month, row.office_days_only = terms.days_per_month, terms.office_days_only
    row.shift_codes = None if terms.shift_codes is None else sorted(terms.shift_codes)
    audit.record(actor, "roster_terms.set", row, before, audit.snapshot(row, TERMS_FIELDS), label=label)
    return row


def department_terms(department_id: int) -> list[tuple[str, RosterWorkTerms]]:
    """The terms rows of a department's positions and people, as (label, row), positions first."""
    rows = db.session.execute(
        sa.select(RosterWorkTerms, Position.code, Position.name, StaffMember.staff_number, StaffMember.name_zh)
        .outerjoin(Position, Position.id == RosterWorkTerms.position_id)
        .outerjoin(StaffMember, StaffMember.id == RosterWorkTerms.staff_id)
        .where(sa.or_(Position.department_id == department_id, StaffMember.department_id == department_id))
        .order_by(RosterWorkTerms.staff_id.is_not(None), Position.code, StaffMember.staff_number))
    return [(f"{p_code} {p_name}" if p_code else f"{number} {name}", row)
            for row, p_code, p_name, number, name in rows]
