"""API bearer tokens: issued once, stored as SHA-256, revocable."""
import hashlib
import secrets

import sqlalchemy as sa

from hrapp import audit
from hrapp.extensions import db
from hrapp.models import ApiToken, User, utcnow

TOKEN_PREFIX = "hr_"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_api_token(user: User, name: str = "", actor: User | None = None) -> tuple[ApiToken, str]:
    """Create a token for `user`; returns the row and the clear token (shown once, never stored)."""
    clear = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, name=name[:64], token_hash=_digest(clear))
    db.session.add(row)
    db.session.flush()
    audit.record(actor or user, "api_token.create", row, None, {"user": user.username, "name": row.name})
    return row, clear


def user_for_token(clear: str) -> User | None:
    """The enabled account a live token belongs to, or None; notes when the token was used."""
    if not clear or not clear.startswith(TOKEN_PREFIX):
        return None
    row = db.session.scalar(sa.select(ApiToken).where(ApiToken.token_hash == _digest(clear),
                                                      ApiToken.revoked_at.is_(None)))
    if row is None or not row.user.is_enabled:
        return None
    row.last_used_at = utcnow()
    return row.user


def revoke_api_token(row: ApiToken, actor: User | None = None) -> bool:
    """Revoke a token; it stops working at once. False (and nothing recorded) if it was already revoked,
    so a replayed or duplicate revocation changes nothing."""
    if row.revoked_at is not None:
        return False
    row.revoked_at = utcnow()
    audit.record(actor, "api_token.revoke", row, None, {"user_id": row.user_id, "name": row.name})
    return True


def tokens_of(user: User) -> list[ApiToken]:
    """The user's tokens, live ones first, newest first within each group."""
    return list(db.session.scalars(
        sa.select(ApiToken).where(ApiToken.user_id == user.id)
        .order_by(ApiToken.revoked_at.is_not(None), ApiToken.created_at.desc(), ApiToken.id.desc())))
