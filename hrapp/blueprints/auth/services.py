"""Authentication and account services: no request, no commit; the caller commits."""
from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.attributes import set_committed_value
from werkzeug.security import check_password_hash, generate_password_hash

from hrapp import audit, security
from hrapp.blueprints.auth.rules import LockState, RuleViolation, after_failure, is_locked, password_problems
from hrapp.core.errors import StaleRecord
from hrapp.core.uniqueness import unique_field
from hrapp.extensions import db
from hrapp.models import Department, Role, SecurityEventKind, StaffMember, User, utcnow
from hrapp.notifications import notify

PASSWORD_MESSAGES = {
    "too_short": lambda n: _l("Password must be at least %(n)s characters.", n=n),
    "too_common": lambda n: _l("This password is too common; choose another."),
    "same_as_username": lambda n: _l("Password must not be the username."),
}
# A lost race answers like the pre-check (hrapp.core.uniqueness).
DUPLICATE_USERNAME = unique_field("uq_users_username", "username", _l("This username is taken."))
DUPLICATE_STAFF_LINK = unique_field("uq_users_staff_id", "staff_id", _l("This staff record already has an account."))
USER_AUDIT_FIELDS = ("username", "role", "staff_id", "is_enabled", "must_change_password")
LOCKOUT_KIND = "security.lockout"
# Per hashing method: checked against when the username is unknown, so a missing account costs exactly
# as much as a wrong password (same algorithm, same parameters as the real accounts' hashes).
_DUMMY_HASHES: dict[str, str] = {}


@dataclass(frozen=True)
class LoginResult:
    user: User | None
    error: str | None  # "unknown" | "invalid" | "locked" | "disabled": for the log; people see one message


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def _dummy_hash() -> str:
    method = current_app.config["PASSWORD_HASH_METHOD"]
    if method not in _DUMMY_HASHES:
        _DUMMY_HASHES[method] = generate_password_hash("not-a-real-password", method=method)
    return _DUMMY_HASHES[method]


def check_new_password(password: str, username: str) -> None:
    """Raise RuleViolation("password", message) when the password breaks the policy."""
    min_length = current_app.config["PASSWORD_MIN_LENGTH"]
    problems = password_problems(password, username, min_length)
    if problems:
        raise RuleViolation("password", PASSWORD_MESSAGES[problems[0]](min_length))


def find_login_user(identifier: str) -> User | None:
    """Find an account by username, or by the staff number of its linked staff record."""
    identifier = identifier.strip()
    user = db.session.scalar(sa.select(User).where(User.username == identifier))
    if user is None:
        user = db.session.scalar(
            sa.select(User).join(StaffMember, User.staff_id == StaffMember.id)
            .where(StaffMember.staff_number == identifier)
        )
    return user


def authenticate(identifier: str, password: str) -> LoginResult:
    """Check credentials, counting failures per account; a locked account is refused even with the right
    password until the lock expires. Every path runs one password hash of the same cost, so the answer's
    timing tells nothing; the lockout is told to the account holder and the administrators instead."""
    cfg = current_app.config
    now = utcnow()
    user = find_login_user(identifier)
    matches = check_password_hash(user.password_hash if user is not None else _dummy_hash(), password)
    if user is None:
        return _failed(None, identifier, "unknown")
    state = LockState(user.failed_logins, user.locked_until)
    if is_locked(state, now):
        return _failed(user, identifier, "locked")
    if not matches:
        new_state = after_failure(state, now, cfg["LOGIN_MAX_FAILURES"], cfg["LOGIN_LOCK_MINUTES"])
        user.failed_logins, user.locked_until = new_state.failed_logins, new_state.locked_until
        if is_locked(new_state, now):
            _locked_out(user, new_state)
        return _failed(user, identifier, "invalid")
    if not user.is_enabled:
        return _failed(user, identifier, "disabled")
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    security.record(SecurityEventKind.LOGIN_SUCCESS, user)
    return LoginResult(user, None)


def _failed(user: User | None, identifier: str, reason: str) -> LoginResult:
    security.record(SecurityEventKind.LOGIN_FAILURE, user, identifier.strip(), reason=reason)
    return LoginResult(None, reason)


def _locked_out(user: User, state: LockState) -> None:
    """Log the lockout and tell the account holder and every enabled administrator."""
    until = state.locked_until.isoformat(timespec="minutes")
    security.record(SecurityEventKind.LOCKOUT, user, until=until)
    admins = db.session.scalars(sa.select(User).where(User.role == Role.ADMIN, User.is_enabled,
                                                      User.id != user.id)).all()
    notify([user, *admins], lambda: _l("The account %(name)s was locked after %(n)s failed logins.",
                                       name=user.username, n=current_app.config["LOGIN_MAX_FAILURES"]),
           kind=LOCKOUT_KIND)


def log_out(user: User) -> None:
    """End every session of `user` (the account's session token is rotated) and log it."""
    user.rotate_session()
    security.record(SecurityEventKind.LOGOUT, user)


def change_password(user: User, new_password: str, actor: User | None = None,
                    kind: SecurityEventKind = SecurityEventKind.PASSWORD_CHANGE) -> None:
    """Set a new password (policy-checked); ends the account's other sessions. `kind` is what the
    security log calls it (a change, or a reset link used)."""
    check_new_password(new_password, user.username)
    user.password_hash = hash_password(new_password)
    user.must_change_password = actor is not None and actor.id != user.id
    user.rotate_session()
    audit.record(actor or user, "user.password", user)
    security.record(kind, user, by=getattr(actor or user, "username", ""))


def _check_staff_link(staff: StaffMember | None, user: User | None) -> None:
    if staff is None:
        return
    owner = db.session.scalar(sa.select(User.id).where(User.staff_id == staff.id))
    if owner is not None and (user is None or owner != user.id):
        raise RuleViolation("staff_id", DUPLICATE_STAFF_LINK.message)


def create_user(username: str, password: str, role: Role, actor: User | None,
                staff: StaffMember | None = None, departments: list[Department] | None = None,
                must_change_password: bool = True) -> User:
    """Create an account. Accounts made by someone else must change their password at first login.

    :raise RuleViolation: duplicate username, a policy-breaking password, a head without departments.
    """
    username = username.strip()
    if db.session.scalar(sa.select(User.id).where(User.username == username)):
        raise RuleViolation("username", DUPLICATE_USERNAME.message)
    if role == Role.HEAD and not departments:
        raise RuleViolation("departments", _l("A department head needs at least one department."))
    _check_staff_link(staff, None)
    check_new_password(password, username)
    user = User(username=username, password_hash=hash_password(password), role=role, staff=staff,
                must_change_password=must_change_password)
    user.headed_departments = list(departments or [])
    db.session.add(user)
    db.session.flush()
    audit.record(actor, "user.create", user, None, audit.snapshot(user, USER_AUDIT_FIELDS))
    return user


def update_user(user: User, actor: User, role: Role, is_enabled: bool,
                departments: list[Department], staff: StaffMember | None,
                expected_version: int | None = None, password: str = "") -> User:
    """Change role, scope, link or enabled state (any of these ends the account's sessions) and, when
    `password` is given, set a new initial password the owner must change.

    `expected_version` is the account's version the editor saw (None: the CLI, no check); every save
    takes the next version, so a form loaded before it is refused rather than undoing it.
    :raise StaleRecord: the account was saved by someone else since `expected_version`.
    :raise RuleViolation: a head without departments, disabling or demoting oneself, a taken staff record,
        a policy-breaking password.
    """
    if role == Role.HEAD and not departments:
        raise RuleViolation("departments", _l("A department head needs at least one department."))
    if user.id == actor.id and (role != user.role or not is_enabled):
        raise RuleViolation("role", _l("You cannot change your own role or disable yourself."))
    _check_staff_link(staff, user)
    if password:
        check_new_password(password, user.username)
    claim_account_version(user, expected_version)
    before = audit.snapshot(user, USER_AUDIT_FIELDS) | {"departments": sorted(d.code for d in user.headed_departments)}
    user.role, user.is_enabled, user.staff = role, is_enabled, staff
    user.headed_departments = list(departments) if role == Role.HEAD else []
    after = audit.snapshot(user, USER_AUDIT_FIELDS) | {"departments": sorted(d.code for d in user.headed_departments)}
    if before != after:
        user.rotate_session()
        action = "user.role" if before["role"] != after["role"] else "user.update"
        audit.record(actor, action, user, *audit.changed_only(before, after))
        _log_account_change(user, actor, before, after)
    if password:
        change_password(user, password, actor=actor)
    return user


def _log_account_change(user: User, actor: User, before: dict, after: dict) -> None:
    """Role changes and enabling or disabling an account go into the security log."""
    if before["role"] != after["role"]:
        security.record(SecurityEventKind.ROLE_CHANGE, user, by=actor.username, before=before["role"],
                        after=after["role"])
    if before["is_enabled"] != after["is_enabled"]:
        kind = SecurityEventKind.ACCOUNT_ENABLED if after["is_enabled"] else SecurityEventKind.ACCOUNT_DISABLED
        security.record(kind, user, by=actor.username)


def claim_account_version(user: User, expected_version: int | None) -> None:
    """Move the account to its next version, in one compare-and-set statement (two editors who both saw
    version 3 cannot both save); without `expected_version` (the CLI) unconditionally.

    :raise StaleRecord: the stored version is not `expected_version`.
    """
    query = sa.update(User).where(User.id == user.id).values(version_id=User.version_id + 1)
    if expected_version is not None:
        query = query.where(User.version_id == expected_version)
    if db.session.execute(query.execution_options(synchronize_session=False)).rowcount != 1:
        raise StaleRecord()
    set_committed_value(user, "version_id", db.session.scalar(sa.select(User.version_id).where(User.id == user.id)))
