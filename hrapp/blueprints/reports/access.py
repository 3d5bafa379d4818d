"""Who may see an issued document: exactly who may see its subject.

These delegate to hrapp.permissions (the one access-control module) and could move there.
"""
import sqlalchemy as sa

from hrapp.models import Department, IssuedDocument, StaffMember
from hrapp.permissions import (
    Perm,
    can_view_department,
    can_view_staff,
    department_scope_clause,
    has_perm,
    sees_everything,
    staff_scope_clause,
)


def can_view_document(user, doc: IssuedDocument) -> bool:
    """A staff subject: whoever may see that staff member (HR all, heads their departments, staff
    themselves); a department subject (a job description): whoever may see the department."""
    if not has_perm(user, Perm.REPORT_VIEW):
        return False
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
    return sa.or_(
        IssuedDocument.subject_staff_id.in_(staff_ids),
        sa.and_(IssuedDocument.subject_staff_id.is_(None), IssuedDocument.subject_department_id.in_(department_ids)),
    )


def can_issue_for(user, staff: StaffMember | None = None, department: Department | None = None) -> bool:
    """HR and administrators issue documents about subjects they may see."""
    if not has_perm(user, Perm.REPORT_ISSUE):
        return False
    if staff is not None:
        return can_view_staff(user, staff)
    return department is None or can_view_department(user, department)


def visible_documents(user):
    """A select of the documents `user` may see, newest first."""
    return (sa.select(IssuedDocument).where(document_scope_clause(user))
            .order_by(IssuedDocument.created_at.desc(), IssuedDocument.id.desc()))

