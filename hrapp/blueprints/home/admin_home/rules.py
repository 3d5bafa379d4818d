"""The system-health rules, pure: when the tick, a time clock or the signing certificate needs attention."""
from datetime import datetime, timedelta

TICK_LATE = timedelta(minutes=15)  # `tick` runs once a minute: a quarter of an hour without one is a problem
DEVICE_STALE = timedelta(hours=2)  # a clock polls every minute or so; two hours of silence: offline or unplugged
CERTIFICATE_WARNING_DAYS = 30  # renew the signing certificate before it expires


def is_late(last: datetime | None, now: datetime, allowed: timedelta) -> bool:
    """Whether `last` (UTC; None: never) is longer ago than `allowed`."""
    return last is None or now - last > allowed


def days_left(not_after: datetime, now: datetime) -> int:
    """Whole days until `not_after` (negative once past)."""
    return (not_after - now).days


def certificate_state(days: int | None) -> str:
    """"problem" (missing, invalid or expired: None or < 0), "warning" (expiring soon) or "ok"."""
    if days is None or days < 0:
        return "problem"
    return "warning" if days <= CERTIFICATE_WARNING_DAYS else "ok"
