"""The audit trail, read-only, for HR and administrators."""
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload

from hrapp.extensions import db
from hrapp.models import AuditEntry, User
from hrapp.permissions import Perm, permission_required

bp = Blueprint("audit_log", __name__, url_prefix="/audit")


def _date_arg(name: str):
    try:
        return datetime.strptime(request.args.get(name, ""), "%Y-%m-%d")
    except ValueError:
        return None


@bp.route("/")
@permission_required(Perm.AUDIT_VIEW)
def list_entries():
    """Newest first; filter by actor, action, target type/id and date range."""
    query = sa.select(AuditEntry).options(joinedload(AuditEntry.actor)).order_by(AuditEntry.id.desc())
    actor = request.args.get("actor", "")[:64]
    if actor:
        query = query.join(User, AuditEntry.actor_id == User.id).where(User.username == actor)
    for arg, column in (("action", AuditEntry.action), ("target_type", AuditEntry.target_type)):
        if request.args.get(arg):
            query = query.where(column == request.args[arg][:40])
    if request.args.get("target_id", type=int):
        query = query.where(AuditEntry.target_id == request.args.get("target_id", type=int))
    if _date_arg("from"):
        query = query.where(AuditEntry.at >= _date_arg("from"))
    if _date_arg("to"):
        query = query.where(AuditEntry.at < _date_arg("to") + timedelta(days=1))
    page = db.paginate(query, per_page=50)
    actions = db.session.scalars(sa.select(AuditEntry.action).distinct().order_by(AuditEntry.action)).all()
    return render_template("audit_log/entry_list.html", page=page, actions=actions, title=_("Audit trail"))
