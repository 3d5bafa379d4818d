"""The audit trail, read-only, for HR and administrators."""
from datetime import datetime, time, timedelta

import sqlalchemy as sa
from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload

from hrapp.core.listing import Filter, Listing, iso_date, positive_int
from hrapp.extensions import db
from hrapp.models import AuditEntry, User
from hrapp.permissions import Perm, permission_required

bp = Blueprint("audit_log", __name__, url_prefix="/audit")


def _start(day) -> datetime:
    return datetime.combine(day, time.min)


ENTRIES = Listing(
    sorts={"at": AuditEntry.at, "action": AuditEntry.action, "target": AuditEntry.target_type},
    default_sort="-at", tiebreak=(AuditEntry.id.desc(),), per_page=50,
    filters=(
        Filter("actor", lambda q, name: q.join(User, AuditEntry.actor_id == User.id).where(User.username == name)),
        Filter("action", lambda q, action: q.where(AuditEntry.action == action), max_length=40),
        Filter("target_type", lambda q, kind: q.where(AuditEntry.target_type == kind), max_length=40),
        Filter("target_id", lambda q, target: q.where(AuditEntry.target_id == target), parse=positive_int, max_length=18),
        Filter("from", lambda q, day: q.where(AuditEntry.at >= _start(day)), parse=iso_date, max_length=10),
        Filter("to", lambda q, day: q.where(AuditEntry.at < _start(day) + timedelta(days=1)), parse=iso_date,
               max_length=10),
    ))


@bp.route("/")
@permission_required(Perm.AUDIT_VIEW)
def list_entries():
    """Newest first (or sorted by a column); filter by actor, action, target type/id and date range."""
    page = ENTRIES.page(sa.select(AuditEntry).options(joinedload(AuditEntry.actor)), request.args)
    actions = db.session.scalars(sa.select(AuditEntry.action).distinct().order_by(AuditEntry.action)).all()
    return render_template("audit_log/entry_list.html", page=page, actions=actions, title=_("Audit trail"))
