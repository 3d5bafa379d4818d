"""The review's lists: HR's queue and the appeals referred to a general manager."""
import re

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hrapp.core.listing import Filter, Listing, positive_int
from hrapp.core.urls import in_db_range
from hrapp.extensions import db
from hrapp.models import Department, Role, StaffMember, Violation, ViolationState

QUEUE_STATES = (ViolationState.ACKNOWLEDGED, ViolationState.APPEALED, ViolationState.AWAITING_SECOND,
                ViolationState.REFERRED)
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def month(value: str) -> str:
    """A YYYY-MM month; ValueError otherwise."""
    if not MONTH.match(value):
        raise ValueError(value)
    return value


def department_id(value: str) -> int:
    """A department id the database can hold; ValueError otherwise."""
    number = positive_int(value)
    if not in_db_range(number):
        raise ValueError(value)
    return number


def queue_state(value: str) -> ViolationState:
    """One of the queue's states; ValueError otherwise."""
    state = ViolationState(value)
    if state not in QUEUE_STATES:
        raise ValueError(value)
    return state


def _in_department(query: sa.Select, department_id: int) -> sa.Select:
    """Violations of the department and the departments under it."""
    path = sa.select(Department.path).where(Department.id == department_id).scalar_subquery()
    below = sa.select(Department.id).where(Department.path.startswith(path))
    return query.where(Violation.department_id.in_(below))


QUEUE = Listing(
    sorts={"number": Violation.number, "occurred": Violation.occurred_at, "amount": Violation.amount,
           "state": Violation.state, "person": StaffMember.name_zh, "updated": Violation.updated_at},
    default_sort="updated", tiebreak=(Violation.id,),
    filters=(Filter("department", _in_department, department_id),
             Filter("state", lambda q, s: q.where(Violation.state == s), queue_state),
             Filter("month", lambda q, m: q.where(Violation.ledger_month == m), month, max_length=7)))


def _violations(states) -> sa.Select:
    return (sa.select(Violation).join(StaffMember, StaffMember.id == Violation.staff_id)
            .where(Violation.state.in_(states))
            .options(joinedload(Violation.staff), joinedload(Violation.department),
                     joinedload(Violation.rule_version)))


def review_queue() -> sa.Select:
    """Every violation waiting for HR: acknowledged, appealed, awaiting a second approval, referred."""
    return _violations(QUEUE_STATES)


def referred_to(user) -> sa.Select:
    """Appeals referred to `user` as the general manager of a unit (the top departments they head)."""
    roots = [d.path for d in getattr(user, "headed_departments", ()) or () if d.parent_id is None]
    if not roots:
        return _violations([ViolationState.REFERRED]).where(sa.false())
    below = sa.select(Department.id).where(sa.or_(*(Department.path.startswith(p) for p in roots)))
    return _violations([ViolationState.REFERRED]).where(Violation.department_id.in_(below))


def is_general_manager(user) -> bool:
    """Whether `user` heads a top department (the general manager of a unit)."""
    return getattr(user, "is_active", False) and getattr(user, "role", None) == Role.HEAD and any(
        d.parent_id is None for d in getattr(user, "headed_departments", ()) or ())


def department_choices() -> list[Department]:
    """Departments for the queue's filter, in tree order."""
    return list(db.session.scalars(sa.select(Department).order_by(Department.path)))
