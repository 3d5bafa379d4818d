"""Who may issue, see and sign documents, and follow a bulk job: the reports module's rules on the
shared mechanism. A report type may replace the subject-based defaults with its own rules."""
from enum import StrEnum

import sqlalchemy as sa
from flask import url_for
from flask_login import current_user

from hrapp.blueprints.reports.freshness import source_of
from hrapp.blueprints.reports.types import ReportType, report_type, report_types
from hrapp.extensions import db
from hrapp.models import Department, IssuedDocument, Job, Role, StaffMember
from hrapp.permissions import (
    can_view_department,
    can_view_staff,
    department_scope_clause,
    has_perm,
    heads_department,
    is_self,
    sees_everything,
    staff_scope_clause,
)


class ReportPerm(StrEnum):
    REPORT_ISSUE = "report.issue"
    REPORT_VIEW = "report.view"


GRANTS = {
    Role.ADMIN: frozenset(ReportPerm),
    Role.HR: frozenset(ReportPerm),
    Role.HEAD: frozenset({ReportPerm.REPORT_VIEW}),
    Role.STAFF: frozenset({ReportPerm.REPORT_VIEW}),
}


def can_issue_for(user, staff: StaffMember | None = None, department: Department | None = None) -> bool:
    """HR and administrators issue documents about subjects they may see."""
    if not has_perm(user, ReportPerm.REPORT_ISSUE):
        return False
    if staff is not None:
        return can_view_staff(user, staff)
    return department is None or can_view_department(user, department)


def may_issue(user, rtype: ReportType, record) -> bool:
    """The type's own issuing rule, else: may issue documents about the record's subject (its staff
    member when it has one, else its department)."""
    if rtype.may_issue is not None:
        return rtype.may_issue(user, record)
    subject = rtype.subject(record)
    staff = db.session.get(StaffMember, subject.staff_id) if subject.staff_id else None
    department = db.session.get(Department, subject.department_id) if staff is None and subject.department_id else None
    return can_issue_for(user, staff=staff, department=department)


def issue_url(kind: str, record) -> str | None:
    """The issue page of a `kind` document about `record`, if the current user may issue it (else None)."""
    rtype = report_type(kind)
    if rtype is None or record is None or not may_issue(current_user, rtype, record):
        return None
    return url_for("reports.issue_document", name=rtype.name, record_id=record.id)


def reissue_url(doc: IssuedDocument) -> str | None:
    """The issue page for a new version of `doc` (from the record it printed), if the current user may issue it."""
    rtype = report_type(doc.kind)
    source = db.session.get(rtype.model, doc.source_id) if rtype is not None and doc.source_id else None
    return issue_url(doc.kind, source)


def _subject_visible(user, doc: IssuedDocument) -> bool:
    if doc.subject_staff_id is not None:
        return doc.subject_staff is not None and can_view_staff(user, doc.subject_staff)
    if doc.subject_department_id is not None:
        return doc.subject_department is not None and can_view_department(user, doc.subject_department)
    return sees_everything(user)


def can_view_document(user, doc: IssuedDocument) -> bool:
    """Whoever may see the document's subject (a staff member: HR all, heads their departments, staff
    themselves; a department), unless its report type says otherwise."""
    if not has_perm(user, ReportPerm.REPORT_VIEW):
        return False
    rtype = report_type(doc.kind)
    if rtype is not None and rtype.may_view is not None:
        return rtype.may_view(user, doc)
    return _subject_visible(user, doc)


def document_scope_clause(user) -> sa.ColumnElement[bool]:
    """SQL condition restricting an IssuedDocument query to what `user` may see (same rules)."""
    if not has_perm(user, ReportPerm.REPORT_VIEW):
        return sa.false()
    if sees_everything(user):
        return sa.true()
    own_rules = [t for t in report_types().values() if t.view_scope is not None]
    staff_ids = sa.select(StaffMember.id).where(staff_scope_clause(user))
    department_ids = sa.select(Department.id).where(department_scope_clause(user))
    default = IssuedDocument.kind.not_in([t.kind for t in own_rules]) if own_rules else sa.true()
    return sa.or_(
        *(sa.and_(IssuedDocument.kind == t.kind, t.view_scope(user)) for t in own_rules),
        sa.and_(default, IssuedDocument.subject_staff_id.in_(staff_ids)),
        sa.and_(default, IssuedDocument.subject_staff_id.is_(None),
                IssuedDocument.subject_department_id.in_(department_ids)),
    )


def can_fill_slot(user, doc: IssuedDocument, slot: dict) -> bool:
    """May `user` sign this slot of `doc`? (Whether it is the next slot is the service's business.)"""
    who = slot["who"]
    if who == "issuer":
        return can_issue_for(user, staff=doc.subject_staff, department=doc.subject_department)
    if who == "subject":
        return doc.subject_staff is not None and getattr(user, "is_active", False) and is_self(user, doc.subject_staff)
    if who == "head":  # a head signs for the company, never about themselves
        return (getattr(user, "is_active", False) and doc.subject_department is not None
                and heads_department(user, doc.subject_department)
                and not (doc.subject_staff is not None and is_self(user, doc.subject_staff)))
    if who == "record_issuer":
        rtype, record = source_of(doc)
        return rtype is not None and record is not None and may_issue(user, rtype, record)
    if who.startswith("user:"):
        return getattr(user, "is_active", False) and getattr(user, "id", None) == int(who[5:])
    return False


def can_follow_job(user, job: Job) -> bool:
    """A bulk job's progress: whoever started it, HR and administrators."""
    return has_perm(user, ReportPerm.REPORT_ISSUE) and (job.created_by_id == user.id or sees_everything(user))
