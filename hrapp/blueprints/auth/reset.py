"""Forgotten passwords: signed, expiring, single-use reset links (no request, no commit; the caller commits).

A link carries the account id and a fingerprint of its current password hash, signed with the app's
secret: setting a new password changes the hash, so a link works once (and any older link dies with it).
Links mailed to their owner live PASSWORD_RESET_MINUTES; links HR issues live PASSWORD_RESET_ISSUED_HOURS.
"""
import hashlib
import logging
import smtplib
import time
from collections.abc import Callable

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from itsdangerous import BadData, URLSafeTimedSerializer

from hrapp import audit, security
from hrapp.blueprints.auth.services import change_password, find_login_user
from hrapp.core.mail import send_mail
from hrapp.extensions import db
from hrapp.models import SecurityEventKind, StaffMember, User

SALT = "hrapp.password-reset"
BY_MAIL, ISSUED = "mail", "issued"
log = logging.getLogger(__name__)


def clock() -> float:
    """Seconds since the epoch: the time a link's age is measured against (tests move it)."""
    return time.time()


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def _fingerprint(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:20]


def _lifetime(via: str) -> float:
    cfg = current_app.config
    return cfg["PASSWORD_RESET_MINUTES"] * 60 if via == BY_MAIL else cfg["PASSWORD_RESET_ISSUED_HOURS"] * 3600


def issue_reset_token(user: User, actor: User | None, via: str = ISSUED) -> str:
    """A new reset link's token for `user` (shown or mailed once, never stored); audited and logged."""
    token = _serializer().dumps({"u": user.id, "f": _fingerprint(user), "v": via})
    audit.record(actor or user, "user.password_reset", user, None, {"via": via})
    security.record(SecurityEventKind.PASSWORD_RESET_ISSUED, user, via=via, by=getattr(actor, "username", ""))
    return token


def user_for_reset_token(token: str) -> User | None:
    """The enabled account a live, unused, unexpired reset token belongs to; None otherwise."""
    try:
        data, signed_at = _serializer().loads(token, return_timestamp=True)
        user_id, fingerprint, via = int(data["u"]), str(data["f"]), str(data["v"])
    except (BadData, KeyError, TypeError, ValueError):
        return None
    if clock() - signed_at.timestamp() > _lifetime(via):
        return None
    user = db.session.get(User, user_id)
    if user is None or not user.is_enabled or _fingerprint(user) != fingerprint:
        return None
    return user


def reset_password(user: User, new_password: str) -> None:
    """Set the new password from a reset link (policy-checked): the link dies, every session of the
    account ends, a lock is lifted.

    :raise RuleViolation: the password breaks the policy.
    """
    change_password(user, new_password, kind=SecurityEventKind.PASSWORD_RESET_USED)
    user.must_change_password = False
    user.failed_logins, user.locked_until = 0, None


def _account_for(identifier: str) -> User | None:
    identifier = identifier.strip()
    user = find_login_user(identifier)
    if user is None and "@" in identifier:
        matches = db.session.scalars(sa.select(User).join(StaffMember, User.staff_id == StaffMember.id)
                                     .where(sa.func.lower(StaffMember.email) == identifier.lower())).all()
        user = matches[0] if len(matches) == 1 else None
    return user


def mail_reset_link(identifier: str, link_for: Callable[[str], str]) -> bool:
    """Mail a reset link to the account named by `identifier` (username, staff number or e-mail) if it
    exists, is enabled and has an e-mail address; the caller answers the same either way. True if sent.

    :param link_for: token -> the absolute URL of the reset page.
    """
    user = _account_for(identifier)
    email = user.staff.email.strip() if user is not None and user.staff is not None and user.staff.email else ""
    if user is None or not user.is_enabled or not email:
        return False
    link = link_for(issue_reset_token(user, None, BY_MAIL))
    with force_locale(user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
        subject = _("Reset your hrapp password")
        body = _("Someone (we hope you) asked to reset the password of the account %(name)s.\n\n"
                 "Open this link within %(minutes)s minutes to choose a new password; it works once:\n%(link)s\n\n"
                 "If you did not ask for this, ignore this mail: your password stays as it is.",
                 name=user.username, minutes=current_app.config["PASSWORD_RESET_MINUTES"], link=link)
    try:
        return send_mail(email, subject, body)
    except (OSError, smtplib.SMTPException):
        log.exception("password-reset mail to account %s could not be sent", user.id)
        return False
