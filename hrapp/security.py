"""The security log service: one append-only row per security event, written in the caller's transaction.

Events carry who (the account, or the name typed at the login), where from (IP and browser) and a
little detail; nothing here commits except `record_refusal`, which the error handling calls for every
403 answer after the refused request's own changes are rolled back.
"""
from flask import g, has_request_context, request
from flask_login import current_user

from hrapp.extensions import db
from hrapp.models import SecurityEvent, SecurityEventKind, User


def _origin() -> tuple[str, str]:
    if not has_request_context():
        return "", ""
    return (request.remote_addr or "")[:45], (request.user_agent.string or "")[:200]


def record(kind: SecurityEventKind, user: User | None = None, username: str = "", **detail) -> SecurityEvent:
    """Add a security event of `kind` about `user` (or the name `username` someone typed).

    The row joins the current transaction: the caller commits it (with the change it describes).
    """
    ip, agent = _origin()
    event = SecurityEvent(kind=kind.value, user_id=getattr(user, "id", None),
                          username=(username or getattr(user, "username", "") or "")[:64],
                          ip=ip, user_agent=agent, detail=detail or None)
    db.session.add(event)
    return event


def _acting_user() -> User | None:
    api_user = g.get("api_user")
    if api_user is not None:
        return api_user
    return current_user._get_current_object() if current_user and current_user.is_authenticated else None


def record_refusal() -> None:
    """Record the current request's 403 in its own small transaction: whatever the refused request
    had changed is rolled back first, so only the event is committed."""
    db.session.rollback()
    record(SecurityEventKind.ACCESS_DENIED, _acting_user(), method=request.method, path=request.path[:200],
           endpoint=request.endpoint or "")
    db.session.commit()
