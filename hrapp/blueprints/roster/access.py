"""The roster module's permissions and access rules, on the shared mechanism (hrapp.permissions).

HR and administrators edit every roster; a head edits the rosters of the departments they head and
their sub-departments; staff view their own department's published rosters and any roster they have
a cell on (lent to another department), and take part in swaps and requested days off.
"""
from enum import StrEnum

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import Department, IssuedDocument, Role, Roster, RosterCell, ShiftSwap
from hrapp.permissions import (
    can_view_department,
    department_scope,
    has_perm,
    heads_department,
    is_self,
    sees_everything,
)


class RosterPerm(StrEnum):
    ROSTER_VIEW = "roster.view"
    ROSTER_EDIT = "roster.edit"
    ROSTER_SETTINGS = "roster.settings"


GRANTS = {
    Role.ADMIN: frozenset(RosterPerm),
    Role.HR: frozenset(RosterPerm),
    Role.HEAD: frozenset({RosterPerm.ROSTER_VIEW, RosterPerm.ROSTER_EDIT}),
    Role.STAFF: frozenset({RosterPerm.ROSTER_VIEW}),
}


def can_edit_department_rosters(user, department: Department) -> bool:
    """HR/admin: every department; a head: the departments they head and their sub-departments."""
    return sees_everything(user) or (has_perm(user, RosterPerm.ROSTER_EDIT) and heads_department(user, department))


def can_edit_roster(user, roster) -> bool:
    """Edit cells, generate, publish: HR/admin, or a head of the roster's department (or a parent of it)."""
    return can_edit_department_rosters(user, roster.department)


def can_view_roster(user, roster) -> bool:
    """HR/admin: all; heads: their subtree; staff: their own department's rosters, and any roster they have a
    cell on (lent to another department; the page then shows them their own row only)."""
    if not has_perm(user, RosterPerm.ROSTER_VIEW):
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
    return can_edit_roster(user, roster)  # every roster editor may view it too


def can_override_breaches(user) -> bool:
    """Publishing or changing despite hard breaches (with a written reason) is for HR/admin only."""
    return sees_everything(user)


def can_manage_roster_settings(user) -> bool:
    """Company holidays and the rule settings: HR/admin."""
    return has_perm(user, RosterPerm.ROSTER_SETTINGS)


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


def can_view_roster_document(user, doc: IssuedDocument) -> bool:
    """A signed roster names the whole department's shifts: only its roster editors (HR, its heads) see it."""
    return doc.subject_department is not None and can_edit_department_rosters(user, doc.subject_department)


def roster_document_scope(user) -> sa.ColumnElement[bool]:
    """SQL twin of `can_view_roster_document` for users without company-wide scope."""
    departments = sorted(department_scope(user)) if has_perm(user, RosterPerm.ROSTER_EDIT) else []
    return IssuedDocument.subject_department_id.in_(departments)


# Who may know a roster or swap exists: others get 404 for it, as for a missing one.
VISIBILITY = {Roster: can_view_roster, ShiftSwap: can_view_swap}

TEMPLATE_GLOBALS = {
    "can_view_roster": can_view_roster,
    "can_export_roster": can_export_roster,
    "can_override_breaches": can_override_breaches,
    "can_manage_roster_settings": can_manage_roster_settings,
}
