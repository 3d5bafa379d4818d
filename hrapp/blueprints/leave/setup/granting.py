"""Yearly entitlements: grant a year (statutory days by cumulative service, prorated for new hires, last year's
remainder carried up to the type's cap), the tick that grants new hires and the new year, HR's adjustments.
Never commits; the actor is passed in; every change is audited."""
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from hrapp import audit
from hrapp.blueprints.leave import rules
from hrapp.blueprints.leave.balances import leave_balance
from hrapp.company import local_day
from hrapp.core.errors import check_version
from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import (
    EmploymentStatus,
    LeaveBalanceKind,
    LeaveEntitlement,
    LeaveType,
    StaffMember,
)

DUPLICATE_GRANT = _l("This year's entitlement was just granted by someone else; reload and try again.")
unique_field("leave_entitlement_once", "year", DUPLICATE_GRANT)
MAX_ADJUSTMENT = Decimal(366)


def entitlement_types() -> list[LeaveType]:
    """The active types kept as yearly entitlements, in the types' order."""
    return list(db.session.scalars(sa.select(LeaveType).where(
        LeaveType.active.is_(True), LeaveType.balance_kind == LeaveBalanceKind.ENTITLEMENT)
        .order_by(LeaveType.sort_order, LeaveType.id)))


def employed_in(year: int) -> sa.ColumnElement[bool]:
    """SQL condition: people employed at some point of `year` (hired by its end, not gone before it starts)."""
    return sa.and_(StaffMember.hire_on <= date(year, 12, 31),
                   sa.or_(StaffMember.status != EmploymentStatus.LEFT,
                          sa.and_(StaffMember.left_on.is_not(None), StaffMember.left_on >= date(year, 1, 1))))


def grant_note(grant: rules.AnnualGrant, fixed: bool) -> str:
    """How a grant was worked out, in words (kept on the row): years of service, proration."""
    parts = [f"{grant.days} d", f"{grant.years_of_service} y"] + (["fixed"] if fixed else [])
    if grant.prorated_from:
        parts.append(f"prorated from {grant.prorated_from.isoformat()}")
    return "; ".join(parts)


def _carried(staff: StaffMember, leave_type: LeaveType, year: int) -> tuple[Decimal, date | None]:
    """Last year's remainder on 31 December, at most the type's cap, and the day it expires."""
    had_row = db.session.scalar(sa.select(LeaveEntitlement.id).where(
        LeaveEntitlement.staff_id == staff.id, LeaveEntitlement.leave_type_id == leave_type.id,
        LeaveEntitlement.year == year - 1)) is not None
    if not had_row or leave_type.carry_over_cap <= 0:
        return rules.ZERO, None
    remaining = leave_balance(staff, leave_type, date(year - 1, 12, 31)).available
    carried = rules.carry_over(remaining, leave_type.carry_over_cap)
    return carried, (rules.carry_expiry(year, leave_type.carry_over_months) if carried > 0 else None)


def _grant_one(staff: StaffMember, leave_type: LeaveType, year: int, row: LeaveEntitlement | None) -> bool:
    """Create or refresh one row (HR's adjustment kept); True when something changed."""
    grant = rules.annual_grant(year, staff.hire_on, staff.career_started_on, leave_type.yearly_days)
    carried, expires = _carried(staff, leave_type, year)
    note = grant_note(grant, leave_type.yearly_days is not None)
    if row is None:
        db.session.add(LeaveEntitlement(staff_id=staff.id, leave_type_id=leave_type.id, year=year,
                                        granted_days=grant.days, carried_days=carried, carry_expires_on=expires,
                                        adjusted_days=rules.ZERO, note=note))
        return True
    new = (grant.days, carried, expires, note)
    if (Decimal(row.granted_days), Decimal(row.carried_days), row.carry_expires_on, row.note) == new:
        return False
    row.granted_days, row.carried_days, row.carry_expires_on, row.note = new
    return True


def grant_year(actor, year: int, staff_ids=None) -> int:
    """Create or refresh `year`'s entitlement of every active ENTITLEMENT type for every person employed in the
    year (only `staff_ids` when given): granted = the statutory (or the type's fixed) days, prorated from the hire
    date or the first anniversary of cumulative service; carried = last year's remainder on 31 December up to the
    type's cap, expiring after its months. Re-running recomputes grant and carry and keeps HR's adjustments.

    Returns how many rows were created or changed. A racing grant of the same row is refused by the unique
    constraint `leave_entitlement_once` (declared for `duplicates_refused`).
    """
    types = entitlement_types()
    query = sa.select(StaffMember).where(employed_in(year)).order_by(StaffMember.id)
    if staff_ids is not None:
        query = query.where(StaffMember.id.in_(list(staff_ids)))
    people = list(db.session.scalars(query))
    if not types or not people:
        return 0
    existing = {(r.staff_id, r.leave_type_id): r for r in db.session.scalars(sa.select(LeaveEntitlement).where(
        LeaveEntitlement.year == year, LeaveEntitlement.leave_type_id.in_([t.id for t in types]),
        LeaveEntitlement.staff_id.in_([p.id for p in people])))}
    changed = sum(_grant_one(person, t, year, existing.get((person.id, t.id))) for person in people for t in types)
    db.session.flush()
    if changed:
        audit.record(actor, "leave_entitlement.grant", types[0], None,
                     {"year": year, "people": len(people), "changed": changed}, label=str(year))
    return changed


def grant_new_hires(now: datetime) -> int:
    """The tick: grant the current (local) year to everyone employed without a row of it (new hires, and
    everyone on 1 January); idempotent, as it only fills missing rows."""
    year = local_day(now).year
    types = entitlement_types()
    if not types:
        return 0
    have = sa.select(LeaveEntitlement.staff_id).where(
        LeaveEntitlement.year == year, LeaveEntitlement.leave_type_id.in_([t.id for t in types]))
    missing = list(db.session.scalars(sa.select(StaffMember.id).where(
        employed_in(year), StaffMember.status != EmploymentStatus.LEFT, StaffMember.id.not_in(have))))
    return grant_year(None, year, missing) if missing else 0


def adjust_entitlement(actor, entitlement: LeaveEntitlement, days: Decimal, reason: str,
                       expected_version: int | None) -> LeaveEntitlement:
    """Add `days` (negative to take away; half days) to the entitlement's adjustment, with `reason`; audited.

    :raise StaleRecord: the row changed since the page was loaded.
    :raise ValidationFailed: zero, not a whole or half day, too large, or no reason.
    """
    check_version(entitlement, expected_version)
    errors = {}
    if not days or (days * 2) != (days * 2).to_integral_value() or abs(days) > MAX_ADJUSTMENT:
        errors["days"] = [_l("Enter a number of whole or half days other than 0, e.g. 1.5 or -2.")]
    if not (reason or "").strip():
        errors["reason"] = [_l("Say why the entitlement changes.")]
    if errors:
        raise ValidationFailed(errors)
    before = Decimal(entitlement.adjusted_days)
    entitlement.adjusted_days = before + days
    db.session.flush()
    audit.record(actor, "leave_entitlement.adjust", entitlement, {"adjusted_days": str(before)},
                 {"adjusted_days": str(entitlement.adjusted_days), "reason": reason.strip()[:255]},
                 label=f"{entitlement.staff.staff_number} {entitlement.year}")
    return entitlement
