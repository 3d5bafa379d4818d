"""The audit trail, read-only, for HR and administrators."""
from datetime import datetime, time, timedelta

import sqlalchemy as sa
from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload

from hrapp.core.listing import Filter, Listing, iso_date, positive_int
from hrapp.extensions import db
from hrapp.models import AuditEntry, StaffMember, User
from hrapp.permissions import Perm, permission_required

from .display import action_choices, audit_rows, record_type_choices

bp = Blueprint("audit_log", __name__, url_prefix="/audit")


def _start(day) -> datetime:
    return datetime.combine(day, time.min)


def _account(username: str) -> int:
    """The id of the account called `username`; ValueError if there is none."""
    found = db.session.scalar(sa.select(User.id).where(User.username == username))
    if found is None:
        raise ValueError(username)
    return found


def _person(number: str) -> StaffMember:
    """The staff member with this staff number; ValueError if there is none."""
    found = StaffMember.numbered(number)
    if found is None:
        raise ValueError(number)
    return found


def _about(query, staff: StaffMember):
    """Entries on the person's record, or on records labelled with their staff number (leave, swaps, ...)."""
    return query.where(sa.or_(
        sa.and_(AuditEntry.target_type == "StaffMember", AuditEntry.target_id == staff.id),
        AuditEntry.target_label == staff.staff_number,
        AuditEntry.target_label.startswith(staff.staff_number + " ", autoescape=True)))


def _record_type(kind: str) -> str:
    if kind not in {value for value, _label in record_type_choices([])} and not db.session.scalar(
            sa.select(AuditEntry.id).where(AuditEntry.target_type == kind).limit(1)):
        raise ValueError(kind)
    return kind


ENTRIES = Listing(
    sorts={"at": AuditEntry.at, "action": AuditEntry.action, "target": AuditEntry.target_type},
    default_sort="-at", tiebreak=(AuditEntry.id.desc(),), per_page=50,
    filters=(
        Filter("actor", lambda q, actor_id: q.where(AuditEntry.actor_id == actor_id), parse=_account),
        Filter("person", _about, parse=_person, max_length=20),
        Filter("action", lambda q, action: q.where(AuditEntry.action == action), max_length=40),
        Filter("target_type", lambda q, kind: q.where(AuditEntry.target_type == kind), parse=_record_type,
               max_length=40),
        Filter("target_id", lambda q, target: q.where(AuditEntry.target_id == target), parse=positive_int, max_length=18),
        Filter("from", lambda q, day: q.where(AuditEntry.at >= _start(day)), parse=iso_date, max_length=10),
        Filter("to", lambda q, day: q.where(AuditEntry.at < _start(day) + timedelta(days=1)), parse=iso_date,
               max_length=10),
    ))

INVALID = {
    "actor": _l("No account has this user name."),
    "person": _l("No staff member has this staff number."),
    "target_type": _l("Unknown record type."),
    "target_id": _l("A record number is a whole number above zero."),
    "from": _l("Not a date (YYYY-MM-DD)."),
    "to": _l("Not a date (YYYY-MM-DD)."),
}


@bp.route("/")
@permission_required(Perm.AUDIT_VIEW)
def list_entries():
    """Newest first (or sorted by a column); filter by actor, person, action, record type/id and date range."""
    page = ENTRIES.page(sa.select(AuditEntry).options(joinedload(AuditEntry.actor)), request.args)
    actions = db.session.scalars(sa.select(AuditEntry.action).distinct()).all()
    types = db.session.scalars(sa.select(AuditEntry.target_type).distinct()).all()
    errors = {name: str(INVALID.get(name, "")) for name in page.state.invalid}
    return render_template("audit_log/entry_list.html", page=page, rows=audit_rows(page.items), errors=errors,
                           actions=action_choices(actions), record_types=record_type_choices(types),
                           title=_("Audit trail"))
