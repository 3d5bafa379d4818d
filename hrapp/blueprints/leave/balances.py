"""Balances: each person's days per type as of a day, from their entitlements, their requests and (for
compensatory rest) the roster's rest-owed ledger. The request form shows them before anyone asks; the
request service refuses what goes beyond them. Never commits.
"""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from hrapp.blueprints.roster.services import rest_owed_balances
from hrapp.extensions import db
from hrapp.models import (
    OPEN_LEAVE,
    LeaveBalanceKind,
    LeaveEntitlement,
    LeaveRequest,
    LeaveStatus,
    LeaveType,
    StaffMember,
)

from . import rules


@dataclass(frozen=True)
class TypeBalance:
    leave_type: LeaveType
    balance: rules.Balance | None  # None: the type keeps no balance (capped per request by max_days)


def _uses(staff_id: int, type_id: int, first: date, last: date, exclude_id: int | None) -> list[rules.LeaveUse]:
    rows = db.session.execute(sa.select(LeaveRequest.starts_on, LeaveRequest.days, LeaveRequest.status).where(
        LeaveRequest.staff_id == staff_id, LeaveRequest.leave_type_id == type_id,
        LeaveRequest.status.in_(OPEN_LEAVE), LeaveRequest.starts_on.between(first, last),
        LeaveRequest.id != (exclude_id or -1)))
    return [rules.LeaveUse(s, Decimal(d), status == LeaveStatus.APPROVED) for s, d, status in rows]


def leave_balance(staff: StaffMember, leave_type: LeaveType, as_of: date,
                  exclude_request_id: int | None = None) -> rules.Balance | None:
    """`staff`'s balance of `leave_type` for the year of `as_of`, as of that day (None: the type keeps none).

    Entitlement types: the year's entitlement row (granted, carried, adjusted) less the requests starting in that
    year that are approved (taken) or waiting (pending). Compensatory rest: the rest-owed ledger up to `as_of`
    as granted, less the waiting requests (approved ones are already lines of the ledger).
    `exclude_request_id` leaves one request out (re-checking a request being approved or edited).
    """
    first, last = date(as_of.year, 1, 1), date(as_of.year, 12, 31)
    if leave_type.balance_kind == LeaveBalanceKind.ENTITLEMENT:
        row = db.session.scalar(sa.select(LeaveEntitlement).where(
            LeaveEntitlement.staff_id == staff.id, LeaveEntitlement.leave_type_id == leave_type.id,
            LeaveEntitlement.year == as_of.year))
        uses = _uses(staff.id, leave_type.id, first, last, exclude_request_id)
        if row is None:
            return rules.balance(rules.ZERO, rules.ZERO, None, rules.ZERO, uses, as_of)
        return rules.balance(row.granted_days, row.carried_days, row.carry_expires_on, row.adjusted_days, uses, as_of)
    if leave_type.balance_kind == LeaveBalanceKind.REST_OWED:
        owed = rest_owed_balances([staff.id], as_of)[staff.id]
        waiting = [u for u in _uses(staff.id, leave_type.id, date.min, date.max, exclude_request_id)
                   if not u.approved]
        return rules.balance(owed, rules.ZERO, None, rules.ZERO, waiting, as_of)
    return None


def balances_of(staff: StaffMember, as_of: date, include_inactive: bool = False) -> list[TypeBalance]:
    """Every (active) type with `staff`'s balance as of `as_of`, in the types' order."""
    return balances_for([staff], as_of, include_inactive)[staff.id]


def balances_for(people, as_of: date, include_inactive: bool = False) -> dict[int, list[TypeBalance]]:
    """staff id -> every (active) type with the person's balance as of `as_of`, for many people in five queries
    (types, entitlements, requests, the rest-owed ledger; the same figures `leave_balance` gives one by one)."""
    people = list(people)
    ids = [p.id for p in people]
    query = sa.select(LeaveType).order_by(LeaveType.sort_order, LeaveType.id)
    if not include_inactive:
        query = query.where(LeaveType.active.is_(True))
    types = list(db.session.scalars(query))
    if not ids:
        return {}
    first, last = date(as_of.year, 1, 1), date(as_of.year, 12, 31)
    rows = {(r.staff_id, r.leave_type_id): r for r in db.session.scalars(sa.select(LeaveEntitlement).where(
        LeaveEntitlement.staff_id.in_(ids), LeaveEntitlement.year == as_of.year))}
    uses: dict[tuple[int, int], list[rules.LeaveUse]] = {}
    for staff_id, type_id, starts_on, days, status, kind in db.session.execute(
            sa.select(LeaveRequest.staff_id, LeaveRequest.leave_type_id, LeaveRequest.starts_on, LeaveRequest.days,
                      LeaveRequest.status, LeaveType.balance_kind)
            .join(LeaveType, LeaveType.id == LeaveRequest.leave_type_id)
            .where(LeaveRequest.staff_id.in_(ids), LeaveRequest.status.in_(OPEN_LEAVE),
                   sa.or_(LeaveType.balance_kind == LeaveBalanceKind.REST_OWED,
                          LeaveRequest.starts_on.between(first, last)))):
        approved = status == LeaveStatus.APPROVED
        if kind == LeaveBalanceKind.REST_OWED and approved:
            continue  # approved compensatory rest is already a line of the ledger
        uses.setdefault((staff_id, type_id), []).append(rules.LeaveUse(starts_on, Decimal(days), approved))
    owed = rest_owed_balances(ids, as_of) if any(t.balance_kind == LeaveBalanceKind.REST_OWED for t in types) else {}
    found: dict[int, list[TypeBalance]] = {}
    for staff_id in ids:
        line = []
        for t in types:
            mine = uses.get((staff_id, t.id), [])
            if t.balance_kind == LeaveBalanceKind.ENTITLEMENT:
                row = rows.get((staff_id, t.id))
                figures = (row.granted_days, row.carried_days, row.carry_expires_on, row.adjusted_days) if row \
                    else (rules.ZERO, rules.ZERO, None, rules.ZERO)
                line.append(TypeBalance(t, rules.balance(*figures, mine, as_of)))
            elif t.balance_kind == LeaveBalanceKind.REST_OWED:
                line.append(TypeBalance(t, rules.balance(owed[staff_id], rules.ZERO, None, rules.ZERO, mine, as_of)))
            else:
                line.append(TypeBalance(t, None))
        found[staff_id] = line
    return found
