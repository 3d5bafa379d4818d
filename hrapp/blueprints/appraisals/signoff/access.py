"""Sign-off's access rules, built on the module's (appraisals/access.py): who lists and decides appeals, who
issues and sees the signed appraisal form."""
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import Appraisal, IssuedDocument

from ..access import RESULT_VISIBLE, can_manage_appraisals, can_view_result, result_scope


def is_the_person(user, appraisal: Appraisal) -> bool:
    """The person appraised (their own account), whatever the status."""
    return (getattr(user, "is_active", False) and appraisal.staff_id is not None
            and getattr(user, "staff_id", None) == appraisal.staff_id)


def can_list_appeals(user) -> bool:
    """The appeals list: HR and administrators."""
    return can_manage_appraisals(user)


def can_issue_form(user, appraisal: Appraisal) -> bool:
    """The signed appraisal form, once the result is published (or later): the person their own, heads their
    departments' (and their scorer), HR everyone's: whoever may see the result."""
    return (getattr(user, "is_active", False) and appraisal.status in RESULT_VISIBLE
            and can_view_result(user, appraisal))


def can_view_form(user, doc: IssuedDocument) -> bool:
    """A signed form: whoever may see the result it prints."""
    appraisal = db.session.get(Appraisal, doc.source_id) if doc.source_id else None
    return appraisal is not None and can_view_result(user, appraisal)


def form_scope(user) -> sa.ColumnElement[bool]:
    """SQL twin of `can_view_form`."""
    return IssuedDocument.source_id.in_(sa.select(Appraisal.id).where(result_scope(user)))
