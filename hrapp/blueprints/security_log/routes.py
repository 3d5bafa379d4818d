"""The security log, read-only, for administrators: filter by kind, account, IP and date range."""
from datetime import datetime, time, timedelta

import sqlalchemy as sa
from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.security_log.access import SecurityPerm
from hrapp.core.listing import Filter, Listing, iso_date, like_escape
from hrapp.models import SecurityEvent, SecurityEventKind
from hrapp.permissions import permission_required

bp = Blueprint("security_log", __name__, url_prefix="/security-log")

FILTER_LABELS = {"kind": _l("Event"), "user": _l("Account"), "ip": _l("IP address"), "from": _l("From"),
                 "to": _l("To")}


def _start(day) -> datetime:
    return datetime.combine(day, time.min)


def _ip(value: str) -> str:
    """An IP address or the start of one: digits, dots, colons and hex letters only."""
    if not value or any(c not in "0123456789abcdefABCDEF.:" for c in value):
        raise ValueError(value)
    return value


EVENTS = Listing(
    sorts={"at": SecurityEvent.at, "kind": SecurityEvent.kind, "user": SecurityEvent.username,
           "ip": SecurityEvent.ip},
    default_sort="-at", tiebreak=(SecurityEvent.id.desc(),), per_page=50,
    filters=(
        Filter("kind", lambda q, kind: q.where(SecurityEvent.kind == kind.value), parse=SecurityEventKind,
               max_length=30),
        Filter("user", lambda q, name: q.where(SecurityEvent.username == name)),
        Filter("ip", lambda q, ip: q.where(SecurityEvent.ip.like(f"{like_escape(ip)}%", escape="\\")), parse=_ip,
               max_length=45),
        Filter("from", lambda q, day: q.where(SecurityEvent.at >= _start(day)), parse=iso_date, max_length=10),
        Filter("to", lambda q, day: q.where(SecurityEvent.at < _start(day) + timedelta(days=1)), parse=iso_date,
               max_length=10),
    ))


@bp.route("/")
@permission_required(SecurityPerm.SECURITY_LOG_VIEW)
def list_events():
    """Newest first (or sorted by a column); an invalid filter value is named on the page, not silently dropped."""
    page = EVENTS.page(sa.select(SecurityEvent), request.args)
    invalid = [str(FILTER_LABELS[name]) for name in page.state.invalid]
    return render_template("security_log/event_list.html", page=page, kinds=list(SecurityEventKind),
                           invalid=invalid, title=_("Security log"))
