"""What the leave pages and the API list: my requests, what waits for me, every request in scope (filters, sort,
pages), and the export rows. Reads only."""
from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import contains_eager, joinedload

from hrapp.blueprints.leave.access import LeavePerm, can_manage_leave, request_scope
from hrapp.blueprints.staff.services import department_subtree_ids
from hrapp.core.listing import Filter, Listing, like_escape, positive_int
from hrapp.core.sheets import Table
from hrapp.extensions import db
from hrapp.labels import label
from hrapp.models import LeaveRequest, LeaveStatus, LeaveType, StaffMember
from hrapp.permissions import has_perm


def month(value: str) -> tuple[date, date]:
    """A "YYYY-MM" month as its first and last day; ValueError otherwise."""
    first = datetime.strptime(value, "%Y-%m").date()
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, date.fromordinal(following.toordinal() - 1)


def _in_month(query, bounds):
    first, last = bounds
    return query.where(LeaveRequest.starts_on <= last, LeaveRequest.ends_on >= first)


def person_clause(text: str) -> sa.ColumnElement[bool]:
    """A person by staff number (exact) or a part of their name."""
    pattern = f"%{like_escape(text)}%"
    return sa.or_(StaffMember.staff_number == text, StaffMember.name_zh.like(pattern, escape="\\"),
                  StaffMember.name_en.like(pattern, escape="\\"))


REQUESTS = Listing(
    sorts={"starts": LeaveRequest.starts_on, "person": StaffMember.staff_number, "status": LeaveRequest.status,
           "days": LeaveRequest.days, "asked": LeaveRequest.created_at},
    default_sort="-starts",
    tiebreak=(LeaveRequest.id.desc(),),
    filters=(
        Filter("type", lambda q, t: q.where(LeaveRequest.leave_type_id == t), parse=positive_int, max_length=18),
        Filter("status", lambda q, s: q.where(LeaveRequest.status == s), parse=LeaveStatus, max_length=20),
        Filter("department", lambda q, d: q.where(LeaveRequest.department_id.in_(department_subtree_ids(d))),
               parse=positive_int, max_length=18),
        Filter("month", _in_month, parse=month, max_length=7),
        Filter("person", lambda q, p: q.where(person_clause(p)), max_length=40),
    ),
)


def requests_query(user) -> sa.Select:
    """Requests `user` may see (access.request_scope), with the person and type loaded."""
    return (sa.select(LeaveRequest).join(LeaveRequest.staff).options(contains_eager(LeaveRequest.staff),
                                                                     joinedload(LeaveRequest.leave_type))
            .where(request_scope(user)))


def my_requests(staff_id: int, limit: int = 100) -> list[LeaveRequest]:
    """A person's requests, latest first."""
    return list(db.session.scalars(sa.select(LeaveRequest).options(joinedload(LeaveRequest.leave_type))
                                   .where(LeaveRequest.staff_id == staff_id)
                                   .order_by(LeaveRequest.starts_on.desc(), LeaveRequest.id.desc()).limit(limit)))


def waiting_for(user) -> list[LeaveRequest]:
    """What waits for `user`'s decision, oldest first: for heads the pending requests of their departments'
    staff (never their own); for HR also every request the head passed on (awaiting HR)."""
    statuses = []
    if has_perm(user, LeavePerm.APPROVE):
        statuses.append(LeaveStatus.PENDING)
    if can_manage_leave(user):
        statuses.append(LeaveStatus.AWAITING_HR)
    if not statuses:
        return []
    query = requests_query(user).where(LeaveRequest.status.in_(statuses))
    if getattr(user, "staff_id", None):
        query = query.where(LeaveRequest.staff_id != user.staff_id)
    return list(db.session.scalars(query.order_by(LeaveRequest.status.desc(), LeaveRequest.starts_on,
                                                  LeaveRequest.id).limit(500)))


def active_types() -> list[LeaveType]:
    return list(db.session.scalars(sa.select(LeaveType).where(LeaveType.active.is_(True))
                                   .order_by(LeaveType.sort_order, LeaveType.id)))


def all_types() -> list[LeaveType]:
    return list(db.session.scalars(sa.select(LeaveType).order_by(LeaveType.sort_order, LeaveType.id)))


def export_table(query: sa.Select) -> Table:
    """The filtered requests as one sheet."""
    rows = [(r.staff.staff_number, r.staff.display_name, r.department.code, r.leave_type.name, r.starts_on,
             r.ends_on, r.days, label(r.status), r.reason, r.original_ends_on)
            for r in db.session.scalars(query.options(joinedload(LeaveRequest.department)).limit(20000)).unique()]
    return Table(_("Leave requests"), [_("Staff number"), _("Name"), _("Department"), _("Type"), _("From"), _("To"),
                                       _("Days"), _("Status"), _("Reason"), _("Original end")], rows)
