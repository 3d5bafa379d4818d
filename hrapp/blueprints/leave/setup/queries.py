"""What the balances and blackout pages read: the people a user sees (searchable, by department, paged), their
balances per type, the XLSX export, and the blackouts a user sees."""
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload

from hrapp.blueprints.leave.access import can_manage_leave
from hrapp.blueprints.leave.balances import TypeBalance, balances_for
from hrapp.blueprints.staff.services import department_subtree_ids
from hrapp.core.listing import Filter, Listing, like_escape, positive_int
from hrapp.core.sheets import Table
from hrapp.extensions import db
from hrapp.models import Department, EmploymentStatus, LeaveBalanceKind, LeaveBlackout, LeaveEntitlement, StaffMember
from hrapp.naming import display_name
from hrapp.permissions import department_scope, sees_everything, staff_scope_clause


def person_clause(text: str) -> sa.ColumnElement[bool]:
    """A person by staff number (exact) or part of the Chinese or English name."""
    pattern = f"%{like_escape(text)}%"
    return sa.or_(StaffMember.staff_number == text, StaffMember.name_zh.like(pattern, escape="\\"),
                  StaffMember.name_en.like(pattern, escape="\\"))


PEOPLE = Listing(
    sorts={"number": StaffMember.staff_number, "name": StaffMember.name_zh, "department": Department.code},
    default_sort="department", tiebreak=(StaffMember.staff_number,),
    filters=(Filter("q", lambda q, v: q.where(person_clause(v)), max_length=40),
             Filter("department", lambda q, d: q.where(StaffMember.department_id.in_(department_subtree_ids(d))),
                    parse=positive_int, max_length=18)),
)


def people_query(user) -> sa.Select:
    """The employed people whose balances `user` may see (themselves; heads their departments; HR everyone)."""
    return (sa.select(StaffMember).join(Department, Department.id == StaffMember.department_id)
            .options(joinedload(StaffMember.department))
            .where(StaffMember.status != EmploymentStatus.LEFT, staff_scope_clause(user)))


@dataclass(frozen=True)
class PersonBalances:
    staff: StaffMember
    balances: list[TypeBalance]


def balances_of_people(people, as_of: date) -> list[PersonBalances]:
    """Each person with their balances of every active type as of `as_of` (a few queries for all of them)."""
    people = list(people)
    found = balances_for(people, as_of)
    return [PersonBalances(p, found[p.id]) for p in people]


def kept_balances(rows: list[PersonBalances]) -> list[TypeBalance]:
    """The types that keep a balance (the table's columns), from the first row."""
    return [b for b in rows[0].balances if b.balance is not None] if rows else []


def entitlements_of(staff: StaffMember, year: int) -> dict[int, LeaveEntitlement]:
    """leave type id -> the person's entitlement row of `year`."""
    return {r.leave_type_id: r for r in db.session.scalars(sa.select(LeaveEntitlement).where(
        LeaveEntitlement.staff_id == staff.id, LeaveEntitlement.year == year))}


def balance_table(user, args, as_of: date) -> Table:
    """The balances of everyone the list shows (its filters, no paging) as an export table."""
    state = PEOPLE.read(args)
    people = db.session.scalars(PEOPLE.apply(people_query(user), state)).unique().all()
    rows = balances_of_people(people, as_of)
    headers = [_("Staff number"), _("Full name"), _("Department")]
    for kept in kept_balances(rows):
        name = display_name(kept.leave_type)
        headers += [f"{name} {_('Entitled')}", f"{name} {_('Carried')}", f"{name} {_('Carried until')}",
                    f"{name} {_('Taken')}", f"{name} {_('Pending')}", f"{name} {_('Available')}"]
    lines = []
    for row in rows:
        line = [row.staff.staff_number, row.staff.name_zh, display_name(row.staff.department)]
        for b in (tb.balance for tb in row.balances if tb.balance is not None):
            line += [b.entitled, b.carried, b.carry_expires_on, b.taken, b.pending, b.available]
        lines.append(line)
    return Table(as_of.isoformat(), headers, lines)


def can_view_blackout(user, blackout: LeaveBlackout) -> bool:
    """HR every blackout; heads the company-wide ones and their departments'."""
    if sees_everything(user):
        return True
    return blackout.department_id is None or blackout.department_id in department_scope(user)


def can_edit_blackout(user, blackout: LeaveBlackout) -> bool:
    """HR any blackout; heads those of their departments (not the company-wide ones)."""
    if can_manage_leave(user):
        return True
    return blackout.department_id is not None and blackout.department_id in department_scope(user)


def blackouts_for(user, include_past: bool, today: date) -> list[LeaveBlackout]:
    """The blackouts `user` sees, soonest first (only those not yet over unless `include_past`)."""
    query = sa.select(LeaveBlackout).options(joinedload(LeaveBlackout.department)).order_by(
        LeaveBlackout.starts_on, LeaveBlackout.id)
    if not sees_everything(user):
        query = query.where(sa.or_(LeaveBlackout.department_id.is_(None),
                                   LeaveBlackout.department_id.in_(department_scope(user))))
    if not include_past:
        query = query.where(LeaveBlackout.ends_on >= today)
    return list(db.session.scalars(query))


def entitlement_kind_types(balances: list[TypeBalance]) -> list[TypeBalance]:
    """The yearly-entitlement types among `balances`."""
    return [b for b in balances if b.leave_type.balance_kind == LeaveBalanceKind.ENTITLEMENT]
