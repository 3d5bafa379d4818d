"""The one access-control mechanism: role permissions plus object scope, used by every view,
API endpoint, export, template and report.

Scope: HR and administrators see everything; a department head sees the departments they head
and every sub-department; a staff member sees only their own record.
"""
from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum
from functools import wraps

import sqlalchemy as sa
from flask import abort, g, has_request_context
from flask_login import current_user
from sqlalchemy.orm import aliased

from hrapp.core.urls import in_db_range
from hrapp.extensions import db, login_manager
from hrapp.models import Department, Role, StaffMember, department_heads


class Perm(StrEnum):
    STAFF_VIEW = "staff.view"
    STAFF_EDIT = "staff.edit"
    STAFF_IMPORT = "staff.import"
    STAFF_EXPORT = "staff.export"
    ORG_VIEW = "org.view"
    ORG_EDIT = "org.edit"
    JOB_APPROVE = "job.approve"
    AUDIT_VIEW = "audit.view"
    USER_MANAGE = "user.manage"
    SETTINGS_EDIT = "settings.edit"
    SELF_SERVICE = "self.service"
    PAY_VIEW = "pay.view"  # everyone's pay history (HR and administrators: every Perm but SETTINGS_EDIT)
    PERIOD_CLOSE = "period.close"


_HR_PERMS = frozenset(Perm) - {Perm.SETTINGS_EDIT}
_SELF = frozenset({Perm.SELF_SERVICE})
# The core grants; each module merges its own with `grant` when the app registers it.
ROLE_PERMS: dict[Role, frozenset[str]] = {
    Role.ADMIN: frozenset(Perm),
    Role.HR: _HR_PERMS,
    Role.HEAD: _SELF | {Perm.STAFF_VIEW, Perm.STAFF_EXPORT, Perm.ORG_VIEW},
    Role.STAFF: _SELF,
}
ALL_SCOPE_ROLES = frozenset({Role.ADMIN, Role.HR})
# Record type -> who may see that such a record exists (see `get_or_404`); modules add theirs.
VISIBILITY: dict[type, Callable] = {}


def grant(grants: Mapping[Role, Iterable[str]]) -> None:
    """Merge a module's grants (role -> permission names) into the role table. Idempotent."""
    for role, perms in grants.items():
        ROLE_PERMS[role] = ROLE_PERMS.get(role, frozenset()) | frozenset(perms)


def has_perm(user, perm: str) -> bool:
    """True if the user's role grants `perm`. Anonymous and disabled users have none."""
    return perm in granted_permissions(user)


def granted_permissions(user) -> frozenset[str]:
    """Every permission the user's role grants (none for anonymous and disabled users)."""
    role = getattr(user, "role", None)
    if role is None or not getattr(user, "is_active", False):
        return frozenset()
    return ROLE_PERMS.get(role, frozenset())


def sees_everything(user) -> bool:
    """HR and administrators have company-wide scope."""
    return getattr(user, "role", None) in ALL_SCOPE_ROLES and getattr(user, "is_active", False)


def department_scope(user) -> frozenset[int]:
    """Ids of the departments a head heads, sub-departments included (cached on the user).

    Empty for everyone else; callers check `sees_everything` first.
    """
    cached = getattr(user, "_department_scope", None)
    if cached is not None:
        return cached
    scope: frozenset[int] = frozenset()
    if getattr(user, "role", None) == Role.HEAD and getattr(user, "id", None) is not None:
        # One query: every department whose path starts with the path of a department the user heads.
        headed = aliased(Department)
        rows = db.session.scalars(
            sa.select(Department.id).distinct()
            .join(headed, Department.path.startswith(headed.path))
            .join(department_heads, department_heads.c.department_id == headed.id)
            .where(department_heads.c.user_id == user.id))
        scope = frozenset(rows)
    user._department_scope = scope
    return scope


def is_self(user, staff: StaffMember) -> bool:
    """True if `staff` is the user's own record."""
    return getattr(user, "staff_id", None) is not None and user.staff_id == staff.id


def can_view_staff(user, staff: StaffMember) -> bool:
    """HR/admin: anyone; head: staff of their departments; everyone: themselves."""
    if sees_everything(user) or (getattr(user, "is_active", False) and is_self(user, staff)):
        return True
    return has_perm(user, Perm.STAFF_VIEW) and staff.department_id in department_scope(user)








def heads_department(user, department: Department) -> bool:
    """Whether `department` lies in the subtree of a department `user` heads (a head's scope).

    Decided from the department's materialised path and the headed departments' paths (the login loads
    those with the user), so checking one object costs no query; `department_scope` when already known.
    """
    if getattr(user, "role", None) != Role.HEAD:
        return False
    cached = getattr(user, "_department_scope", None)
    if cached is not None:
        return department.id in cached
    return any(department.path.startswith(headed.path) for headed in user.headed_departments)


def can_view_department(user, department: Department) -> bool:
    """HR/admin: all; head: their subtree; staff: their own department."""
    if sees_everything(user):
        return True
    if getattr(user, "role", None) == Role.HEAD:
        return heads_department(user, department)
    staff = getattr(user, "staff", None)
    return staff is not None and staff.department_id == department.id


def staff_scope_clause(user) -> sa.ColumnElement[bool]:
    """SQL condition restricting a StaffMember query to what `user` may see."""
    if sees_everything(user):
        return sa.true()
    own = StaffMember.id == user.staff_id if getattr(user, "staff_id", None) else sa.false()
    if has_perm(user, Perm.STAFF_VIEW):
        return sa.or_(StaffMember.department_id.in_(department_scope(user)), own)
    return own if getattr(user, "is_active", False) else sa.false()


def own_or_department_clause(user, staff_column, department_column=None,
                             department_perm: str | None = None) -> sa.ColumnElement[bool]:
    """SQL condition on a person's records (a row with `staff_column`, and the department it belongs to in
    `department_column`) for what `user` may see: everything for HR and administrators; their own rows for an
    active user with a staff record; with `department_perm`, also the rows of their departments' (a head's subtree),
    by `department_column`, else by the person's current department."""
    if sees_everything(user):
        return sa.true()
    if not getattr(user, "is_active", False):
        return sa.false()
    clauses = [staff_column == user.staff_id] if getattr(user, "staff_id", None) else []
    if department_perm is not None and has_perm(user, department_perm):
        scope = department_scope(user)
        clauses.append(department_column.in_(scope) if department_column is not None else
                       staff_column.in_(sa.select(StaffMember.id).where(StaffMember.department_id.in_(scope))))
    return sa.or_(*clauses) if clauses else sa.false()


def department_scope_clause(user) -> sa.ColumnElement[bool]:
    """SQL condition restricting a Department query to what `user` may see."""
    if sees_everything(user):
        return sa.true()
    if getattr(user, "role", None) == Role.HEAD:
        return Department.id.in_(department_scope(user))
    staff = getattr(user, "staff", None)
    return Department.id == staff.department_id if staff is not None else sa.false()


def visible_departments(user) -> list[Department]:
    """Departments `user` may see, in tree order (for filters and choices)."""
    return db.session.scalars(sa.select(Department).where(department_scope_clause(user)).order_by(Department.path)).all()


def rule_required(rule: Callable[[object], bool]) -> Callable:
    """View decorator: anonymous users go to the login page (`login_manager.unauthorized`), others for whom
    `rule(current_user)` is false get 403; the rule is checked on every request, before the view runs."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not rule(current_user):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def permission_required(perm: str) -> Callable:
    """View decorator: anonymous users go to the login page, others without `perm` get 403 (`rule_required`)."""
    return rule_required(lambda user: has_perm(user, perm))


def declare_visibility(rules: Mapping[type, Callable]) -> None:
    """Register, per record type, who may see that a record exists (`rule(user, obj)`), e.g. a module's
    `visibility={Roster: can_view_roster}`. Types without a rule are seen only by those who may act on them."""
    VISIBILITY.update(rules)


def can_see(user, obj) -> bool:
    """Whether `user` may know that `obj` exists (its type's visibility rule; False without one)."""
    rule = VISIBILITY.get(type(obj))
    return rule is not None and bool(rule(user, obj))


def get_or_404(model, object_id: int, check: Callable | None = None, user=None):
    """Load `model` by id, then apply `check(user, obj)`.

    :raise 404: the record is missing, its id is out of the database's range, or `check` refuses it and the
        user may not see it at all (out of their scope): an out-of-scope record answers exactly like a
        missing one, so ids reveal nothing.
    :raise 403: `check` refuses a record the user may see (`can_see`), e.g. a head exporting a roster of
        their own department they may only read. A role lacking the permission outright is refused with
        403 by `permission_required` before anything is loaded.
    `user` defaults to the logged-in user; the API passes the user of the bearer token.
    """
    if not in_db_range(object_id):
        abort(404)
    return check_or_404(db.get_or_404(model, object_id), check, user)


def check_or_404(obj, check: Callable | None, user=None):
    """`obj` if `check(user, obj)` holds (or there is no check); else 403 if the user may see it, 404 if not.

    For views that load a record some other way than `get_or_404` (same contract).
    """
    user = current_user if user is None else user
    if check is not None and not check(user, obj):
        if has_request_context():
            g.access_refused = True  # a 404 to the user, a refused access in the security log
        abort(403 if can_see(user, obj) else 404)
    return obj


declare_visibility({StaffMember: can_view_staff, Department: can_view_department})

TEMPLATE_GLOBALS = {
    "Perm": Perm,
    "has_perm": has_perm,
}
