"""Who approves for a person: the one answer every approval (swaps, days off, later leave...) uses.

Decision: the approvers are the enabled heads of the person's department **and of every department
above it** (nearest first), because the access mechanism (`hrapp.permissions.heads_department`) lets
each of them manage the person's requests; telling only the direct heads left requests from a
sub-department without a head unseen (a front-desk clerk in FO-DESK reaches the FO head this way).
HR is the fallback only: HR may always act, but is told only when no head is found, so HR's inbox
is not flooded with every department's routine requests.
"""
import sqlalchemy as sa

from hrapp.core.tree import path_ids
from hrapp.extensions import db
from hrapp.models import Department, Role, StaffMember, User, department_heads


def department_chain(department: Department) -> list[int]:
    """Ids of the department and its ancestors, nearest first (from the materialised path "/1/4/9/")."""
    ids = path_ids(department.path)
    if department.id not in ids:
        ids.append(department.id)
    return list(reversed(ids))


def department_approvers(department: Department) -> list[User]:
    """Enabled heads of `department` and the departments above it (nearest first), else enabled HR users.

    Only accounts with the head role count as heads: the same condition the access rule applies.
    """
    chain = department_chain(department)
    rows = db.session.execute(
        sa.select(User, department_heads.c.department_id)
        .join(department_heads, department_heads.c.user_id == User.id)
        .where(department_heads.c.department_id.in_(chain), User.is_enabled.is_(True), User.role == Role.HEAD))
    heads: dict[int, tuple[int, User]] = {}
    for user, department_id in rows:
        rank = chain.index(department_id)
        if user.id not in heads or rank < heads[user.id][0]:
            heads[user.id] = (rank, user)
    if heads:
        return [user for _, user in sorted(heads.values(), key=lambda item: (item[0], item[1].id))]
    return hr_users()


def approvers_for(staff: StaffMember) -> list[User]:
    """Who approves `staff`'s requests: see the module docstring (heads up the tree, then HR)."""
    return department_approvers(staff.department)


def hr_users() -> list[User]:
    """The enabled HR clerks (whom HR's steps are sent to), in a stable order."""
    return list(db.session.scalars(sa.select(User).where(User.role == Role.HR, User.is_enabled.is_(True))
                                   .order_by(User.id)))
