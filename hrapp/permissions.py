"""The one access-control mechanism: role permissions plus object scope, used by every view,
API endpoint, export, template and report.

Scope: HR and administrators see everything; a department head sees the departments they head
and every sub-department; a staff member sees only their own record.
"""
from collections.abc import Callable
from enum import StrEnum
from functools import wraps

import sqlalchemy as sa
from flask import abort
from flask_login import current_user
from sqlalchemy.orm import aliased

from hrapp.extensions import db, login_manager
from hrapp.models import Department, DocumentKind, IssuedDocument, Role, RosterCell, StaffMember, department_heads


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
    REPORT_ISSUE = "report.issue"
    REPORT_VIEW = "report.view"
    ROSTER_VIEW = "roster.view"
    ROSTER_EDIT = "roster.edit"
    ROSTER_SETTINGS = "roster.settings"
    PERIOD_CLOSE = "period.close"


_HR_PERMS = frozenset(Perm) - {Perm.SETTINGS_EDIT}
_SELF = frozenset({Perm.SELF_SERVICE, Perm.REPORT_VIEW, Perm.ROSTER_VIEW})
ROLE_PERMS: dict[Role, frozenset[Perm]] = {
    Role.ADMIN: frozenset(Perm),
    Role.HR: _HR_PERMS,
    Role.HEAD: _SELF | {Perm.STAFF_VIEW, Perm.STAFF_EXPORT, Perm.ORG_VIEW, Perm.ROSTER_EDIT},
    Role.STAFF: _SELF,
}
ALL_SCOPE_ROLES = frozenset({Role.ADMIN, Role.HR})


def has_perm(user, perm: Perm) -> bool:
    """True if the user's role grants `perm`. Anonymous and disabled users have none."""
    role = getattr(user, "role", None)
    if role is None or not getattr(user, "is_active", False):
        return False
    return perm in ROLE_PERMS.get(role, frozenset())


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


def can_edit_staff(user, staff: StaffMember | None = None) -> bool:  # noqa: ARG001
    """Only HR and administrators edit staff files (self-service has its own check)."""
    return has_perm(user, Perm.STAFF_EDIT)


def can_view_sensitive(user, staff: StaffMember) -> bool:
    """ID number and pay: HR/admin and the person themselves, never heads."""
    return sees_everything(user) or (getattr(user, "is_active", False) and is_self(user, staff))


def can_self_edit(user, staff: StaffMember) -> bool:
    """A person may edit their own phone and emergency contact."""
    return has_perm(user, Perm.SELF_SERVICE) and is_self(user, staff)


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


def department_scope_clause(user) -> sa.ColumnElement[bool]:
    """SQL condition restricting a Department query to what `user` may see."""
    if sees_everything(user):
        return sa.true()
    if getattr(user, "role", None) == Role.HEAD:
        return Department.id.in_(department_scope(user))
    staff = getattr(user, "staff", None)
    return Department.id == staff.department_id if staff is not None else sa.false()


def can_grant_role(user, role: Role) -> bool:
    """Account managers give any role but administrator; only an administrator makes administrators."""
    return has_perm(user, Perm.USER_MANAGE) and (role != Role.ADMIN or getattr(user, "role", None) == Role.ADMIN)


def can_manage_account(user, account) -> bool:
    """Account managers edit accounts whose role they could grant (so HR cannot edit an administrator)."""
    return can_grant_role(user, account.role)


def can_edit_department_rosters(user, department: Department) -> bool:
    """HR/admin: every department; a head: the departments they head and their sub-departments."""
    return sees_everything(user) or (has_perm(user, Perm.ROSTER_EDIT) and heads_department(user, department))


def can_edit_roster(user, roster) -> bool:
    """Edit cells, generate, publish: HR/admin, or a head of the roster's department (or a parent of it)."""
    return can_edit_department_rosters(user, roster.department)


def can_view_roster(user, roster) -> bool:
    """HR/admin: all; heads: their subtree; staff: their own department's rosters, and any roster they have a
    cell on (lent to another department; the page then shows them their own row only)."""
    if not has_perm(user, Perm.ROSTER_VIEW):
        return False
    return can_view_department(user, roster.department) or is_on_roster(user, roster)


def is_on_roster(user, roster) -> bool:
    """Whether the user's staff record has a cell on `roster` (one EXISTS query)."""
    staff_id, roster_id = getattr(user, "staff_id", None), getattr(roster, "id", None)
    if staff_id is None or roster_id is None:
        return False
    return bool(db.session.scalar(sa.select(sa.exists().where(
        RosterCell.roster_id == roster_id, RosterCell.staff_id == staff_id))))


def can_export_roster(user, roster) -> bool:
    """The whole grid leaves the page (XLSX export, everyone's rows in the API): HR/admin and heads of the
    roster's department. Staff may view their department's roster but get only their own row elsewhere."""
    return can_view_roster(user, roster) and can_edit_roster(user, roster)


def can_override_breaches(user) -> bool:
    """Publishing or changing despite hard breaches (with a written reason) is for HR/admin only."""
    return sees_everything(user)


def can_manage_roster_settings(user) -> bool:
    """Company holidays and the rule settings: HR/admin."""
    return has_perm(user, Perm.ROSTER_SETTINGS)


def can_answer_swap(user, swap) -> bool:
    """The partner accepts or declines a swap request."""
    return getattr(user, "is_active", False) and getattr(user, "staff_id", None) == swap.partner_id


def can_cancel_swap(user, swap) -> bool:
    """The requester withdraws their own request."""
    return getattr(user, "is_active", False) and getattr(user, "staff_id", None) == swap.requester_id


def can_decide_swap(user, swap) -> bool:
    """The head of the roster's department (or HR) approves or rejects an accepted swap."""
    return can_edit_roster(user, swap.roster)


def can_view_swap(user, swap) -> bool:
    """The requester, the partner and whoever may decide it (the roster's heads, HR)."""
    return can_answer_swap(user, swap) or can_cancel_swap(user, swap) or can_decide_swap(user, swap)


def can_manage_day_off(user, wish) -> bool:
    """A requested day off: the person themselves, the heads of their department, HR and admin."""
    return is_self(user, wish.staff) or can_edit_department_rosters(user, wish.staff.department)


def owns_notification(user, notification) -> bool:
    """A notification is for its recipient only."""
    return getattr(user, "is_active", False) and notification.user_id == getattr(user, "id", None)


def can_view_document(user, doc: IssuedDocument) -> bool:
    """An issued document is visible to whoever may see its subject: a staff member (HR all,
    heads their departments, staff themselves) or a department (a job description). A signed
    roster names the whole department's shifts: only its roster editors (HR, its heads) see it."""
    if not has_perm(user, Perm.REPORT_VIEW):
        return False
    if doc.kind == DocumentKind.ROSTER:
        return doc.subject_department is not None and can_edit_department_rosters(user, doc.subject_department)
    if doc.subject_staff_id is not None:
        return doc.subject_staff is not None and can_view_staff(user, doc.subject_staff)
    if doc.subject_department_id is not None:
        return doc.subject_department is not None and can_view_department(user, doc.subject_department)
    return sees_everything(user)


def document_scope_clause(user) -> sa.ColumnElement[bool]:
    """SQL condition restricting an IssuedDocument query to what `user` may see (same rules)."""
    if not has_perm(user, Perm.REPORT_VIEW):
        return sa.false()
    if sees_everything(user):
        return sa.true()
    staff_ids = sa.select(StaffMember.id).where(staff_scope_clause(user))
    department_ids = sa.select(Department.id).where(department_scope_clause(user))
    roster_ids = sorted(department_scope(user)) if has_perm(user, Perm.ROSTER_EDIT) else []
    not_roster = IssuedDocument.kind != DocumentKind.ROSTER
    return sa.or_(
        sa.and_(IssuedDocument.kind == DocumentKind.ROSTER, IssuedDocument.subject_department_id.in_(roster_ids)),
        sa.and_(not_roster, IssuedDocument.subject_staff_id.in_(staff_ids)),
        sa.and_(not_roster, IssuedDocument.subject_staff_id.is_(None),
                IssuedDocument.subject_department_id.in_(department_ids)),
    )


def can_issue_for(user, staff: StaffMember | None = None, department: Department | None = None) -> bool:
    """HR and administrators issue documents about subjects they may see."""
    if not has_perm(user, Perm.REPORT_ISSUE):
        return False
    if staff is not None:
        return can_view_staff(user, staff)
    return department is None or can_view_department(user, department)


def permission_required(perm: Perm) -> Callable:
    """View decorator: anonymous users go to the login page, others without `perm` get 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not has_perm(current_user, perm):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def get_or_404(model, object_id: int, check: Callable | None = None, user=None):
    """Load `model` by id: 404 if missing, then 403 unless `check(user, obj)` holds.

    `user` defaults to the logged-in user; the API passes the user of the bearer token.
    """
    obj = db.get_or_404(model, object_id)
    if check is not None and not check(current_user if user is None else user, obj):
        abort(403)
    return obj


TEMPLATE_GLOBALS = {
    "Perm": Perm,
    "has_perm": has_perm,
    "can_view_staff": can_view_staff,
    "can_edit_staff": can_edit_staff,
    "can_view_sensitive": can_view_sensitive,
    "can_self_edit": can_self_edit,
    "can_view_department": can_view_department,
    "sees_everything": sees_everything,
    "can_grant_role": can_grant_role,
    "can_edit_roster": can_edit_roster,
    "can_view_roster": can_view_roster,
    "can_export_roster": can_export_roster,
    "can_view_document": can_view_document,
    "can_issue_for": can_issue_for,
    "can_edit_department_rosters": can_edit_department_rosters,
    "can_override_breaches": can_override_breaches,
    "can_manage_roster_settings": can_manage_roster_settings,
    "can_answer_swap": can_answer_swap,
    "can_cancel_swap": can_cancel_swap,
    "can_decide_swap": can_decide_swap,
}
