"""Rest owed (余假/调休): a ledger per person, fed by published rosters and HR adjustments."""
from collections import defaultdict
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from hrapp import audit
from hrapp.blueprints.roster.rules import REST, Assignment, is_company_workday, rest_owed_items
from hrapp.blueprints.roster.services.closing import ensure_department_open
from hrapp.blueprints.roster.services.facts import day_kinds, holiday_overrides, period_days, spec_of
from hrapp.blueprints.roster.services.messages import RosterValidationError
from hrapp.extensions import db
from hrapp.models import (
    LeaveBalanceKind,
    LeaveRequest,
    LeaveStatus,
    LeaveType,
    RestOwedEntry,
    RestOwedReason,
    Roster,
    RosterCell,
    RosterStatus,
    ShiftType,
    StaffMember,
)


def accrue_rest_owed(roster: Roster, staff_ids=None) -> int:
    """Recompute the ledger lines of `roster` (none while it is a draft), or only those of `staff_ids` (whose
    cells changed: a person's lines depend on their own cells only); returns how many lines they have.

    Working a company rest day or a public holiday: +1 day; a rest marker on a company working day, or an
    approved rest-owed absence (调休) on a working day without a rest marker: -1 day.
    """
    lines, cells_of = RestOwedEntry.roster_id == roster.id, RosterCell.roster_id == roster.id
    if staff_ids is not None:
        lines = sa.and_(lines, RestOwedEntry.staff_id.in_(list(staff_ids)))
        cells_of = sa.and_(cells_of, RosterCell.staff_id.in_(list(staff_ids)))
    db.session.execute(sa.delete(RestOwedEntry).where(lines))
    if roster.status == RosterStatus.DRAFT:
        return 0
    rows = db.session.execute(sa.select(RosterCell.staff_id, RosterCell.day, ShiftType)
                              .join(ShiftType, ShiftType.id == RosterCell.shift_type_id).where(cells_of)).all()
    specs = {t.code: spec_of(t) for _, _, t in rows}
    cells = [Assignment(s, d, t.code) for s, d, t in rows]
    kinds = day_kinds(holiday_overrides(roster.starts_on, roster.ends_on))
    items = [(i.staff_id, i.day, i.days, i.reason) for i in rest_owed_items(cells, specs, kinds)]
    by_cell = {(c.staff_id, c.day): specs[c.shift_code] for c in cells}
    taken = db.session.scalars(sa.select(LeaveRequest).join(LeaveType, LeaveType.id == LeaveRequest.leave_type_id)
                               .where(LeaveType.balance_kind == LeaveBalanceKind.REST_OWED,
                                      LeaveRequest.status == LeaveStatus.APPROVED,
                                      LeaveRequest.staff_id.in_({c.staff_id for c in cells}),
                                      LeaveRequest.starts_on <= roster.ends_on,
                                      LeaveRequest.ends_on >= roster.starts_on))
    for absence in taken:
        for day in period_days(max(absence.starts_on, roster.starts_on), min(absence.ends_on, roster.ends_on)):
            spec = by_cell.get((absence.staff_id, day))
            if is_company_workday(day, kinds) and (spec is None or not (spec.is_work or spec.kind == REST)):
                items.append((absence.staff_id, day, -1, "rest_in_lieu"))
    db.session.add_all(RestOwedEntry(staff_id=s, day=d, days=Decimal(n), reason=RestOwedReason(r), roster_id=roster.id)
                       for s, d, n, r in items)
    return len(items)


def rest_owed_balances(staff_ids, as_of: date | None = None) -> dict[int, Decimal]:
    """staff id -> days of rest owed (negative: rested more than owed), counting lines up to `as_of`."""
    query = sa.select(RestOwedEntry.staff_id, sa.func.sum(RestOwedEntry.days)).where(
        RestOwedEntry.staff_id.in_(list(staff_ids))).group_by(RestOwedEntry.staff_id)
    if as_of is not None:
        query = query.where(RestOwedEntry.day <= as_of)
    found = {s: Decimal(total or 0) for s, total in db.session.execute(query)}
    return {s: found.get(s, Decimal("0")) for s in staff_ids}


def rest_owed_balance(staff_id: int, as_of: date | None = None) -> Decimal:
    """Days of rest owed to one person."""
    return rest_owed_balances([staff_id], as_of)[staff_id]


def rest_owed_ledger(staff_id: int) -> list[RestOwedEntry]:
    """A person's ledger lines, oldest first."""
    return list(db.session.scalars(sa.select(RestOwedEntry).where(RestOwedEntry.staff_id == staff_id)
                                   .order_by(RestOwedEntry.day, RestOwedEntry.id)))


def adjust_rest_owed(actor, staff: StaffMember, days: Decimal, on: date, note: str) -> RestOwedEntry:
    """HR's manual line (e.g. rest taken outside any roster: -1); audited.

    :raise RosterValidationError: zero days, or no note. :raise PeriodClosed: `on` is in a closed period of the
        person's department.
    """
    ensure_department_open(staff.department, on)
    if not days:
        raise RosterValidationError.of("days", "rest_owed_zero")
    if not (note or "").strip():
        raise RosterValidationError.of("note", "note_required")
    row = RestOwedEntry(staff_id=staff.id, day=on, days=Decimal(days), reason=RestOwedReason.ADJUSTMENT,
                        note=note.strip()[:255], recorded_by_id=getattr(actor, "id", None))
    db.session.add(row)
    audit.record(actor, "rest_owed.adjust", row, None, {"days": str(days), "day": on.isoformat(), "note": row.note},
                 label=staff.staff_number)
    return row


def rest_owed_summary(staff_ids) -> dict[int, dict[str, Decimal]]:
    """staff id -> {reason: total days}, for a breakdown next to the balance."""
    out: dict[int, dict[str, Decimal]] = defaultdict(dict)
    rows = db.session.execute(sa.select(RestOwedEntry.staff_id, RestOwedEntry.reason, sa.func.sum(RestOwedEntry.days))
                              .where(RestOwedEntry.staff_id.in_(list(staff_ids)))
                              .group_by(RestOwedEntry.staff_id, RestOwedEntry.reason))
    for staff_id, reason, total in rows:
        out[staff_id][reason.value if hasattr(reason, "value") else reason] = Decimal(total or 0)
    return dict(out)
