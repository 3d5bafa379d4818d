"""Password policy and login throttling rules (pure)."""
from dataclasses import dataclass
from datetime import datetime, timedelta

from zxcvbn.frequency_lists import FREQUENCY_LISTS

from hrapp.core.validation import ValidationFailed

COMMON_PASSWORDS = frozenset(FREQUENCY_LISTS["passwords"])


class RuleViolation(ValidationFailed):
    """One field's problem: the shared validation shape built from a single (field, message)."""

    def __init__(self, field: str, message):
        super().__init__({field: [message]})


def password_problems(password: str, username: str = "", min_length: int = 10) -> list[str]:
    """Reasons `password` is unacceptable (empty list if fine), as untranslated messages.

    Rules: at least `min_length` characters, not one of the 30,000 most common passwords,
    not the username.
    """
    problems = []
    if len(password) < min_length:
        problems.append("too_short")
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS or lowered.rstrip("0123456789!") in COMMON_PASSWORDS:
        problems.append("too_common")
    if username and lowered == username.lower():
        problems.append("same_as_username")
    return problems


@dataclass(frozen=True)
class LockState:
    failed_logins: int
    locked_until: datetime | None


def is_locked(state: LockState, now: datetime) -> bool:
    """True while an account's lock has not expired."""
    return state.locked_until is not None and state.locked_until > now


def after_failure(state: LockState, now: datetime, max_failures: int, lock_minutes: int) -> LockState:
    """Count a failed login; the `max_failures`-th one locks the account for `lock_minutes`."""
    failures = state.failed_logins + 1
    if failures >= max_failures:
        return LockState(0, now + timedelta(minutes=lock_minutes))
    return LockState(failures, state.locked_until)


def session_expired(started: float | None, last_seen: float | None, now: float,
                    idle_minutes: float, max_hours: float) -> str | None:
    """Why a login session has ended at `now` (timestamps in seconds): "idle" after `idle_minutes` without a
    request, "lifetime" `max_hours` after the login; None while it lasts (or has no stamps yet)."""
    if started is not None and now - started >= max_hours * 3600:
        return "lifetime"
    if last_seen is not None and now - last_seen >= idle_minutes * 60:
        return "idle"
    return None
