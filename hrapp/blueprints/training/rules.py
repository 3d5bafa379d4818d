"""Training's pure rules, shared by the parts: no request, no database.

Scores and hours are Decimals; days are local dates; session times are naive UTC datetimes.
"""
import secrets
from calendar import monthrange
from datetime import date, datetime, timedelta
from decimal import Decimal

# Attendees may sign in from this long before the start until the end.
SIGNIN_EARLY = timedelta(minutes=15)
SIGNIN_CODE_DIGITS = 6
# Certificate expiry reminders, in days before expiry (one notification each).
EXPIRY_REMINDER_DAYS = (30, 7)
# The effect page compares this many days before and after a session.
EFFECT_WINDOW_DAYS = 90


def passed(score: Decimal, pass_score: Decimal) -> bool:
    """A score passes when it reaches the pass mark."""
    return score >= pass_score


def score_refusal(score: Decimal | None, max_score: Decimal) -> str | None:
    """Why a score cannot be recorded ("missing": none, or not a number; "negative", "above_max"), or None."""
    if score is None or not score.is_finite():
        return "missing"
    if score < 0:
        return "negative"
    if score > max_score:
        return "above_max"
    return None


def attempts_allowed(retakes: int) -> int:
    """How many attempts a course allows: the first plus its retakes."""
    return 1 + max(retakes, 0)


def next_attempt_refusal(previous_numbers: int, already_passed: bool, retakes: int) -> str | None:
    """Why another attempt cannot be recorded ("already_passed", "no_retakes_left"), or None."""
    if already_passed:
        return "already_passed"
    if previous_numbers >= attempts_allowed(retakes):
        return "no_retakes_left"
    return None


def add_months(day: date, months: int) -> date:
    """`day` plus `months` calendar months (the 31st becomes the month's last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def certificate_expiry(issued_on: date, months: int | None) -> date | None:
    """The last day a certificate is valid (None: it does not expire)."""
    return None if months is None else add_months(issued_on, months) - timedelta(days=1)


def signin_window(starts_at: datetime, ends_at: datetime) -> tuple[datetime, datetime]:
    """When attendees may sign in with the code (UTC): from shortly before the start until the end."""
    return starts_at - SIGNIN_EARLY, ends_at


def in_signin_window(now: datetime, starts_at: datetime, ends_at: datetime) -> bool:
    first, last = signin_window(starts_at, ends_at)
    return first <= now <= last


def new_signin_code() -> str:
    """A short numeric code the trainer shows (random; not guessable in the session's window)."""
    return f"{secrets.randbelow(10 ** SIGNIN_CODE_DIGITS):0{SIGNIN_CODE_DIGITS}d}"


def session_refusal(starts_at: datetime | None, ends_at: datetime | None, capacity: int | None,
                    now: datetime, creating: bool) -> dict[str, str]:
    """Field -> refusal code for a session's time and size ("ends_before_start", "in_the_past",
    "capacity_not_positive"); empty when valid."""
    problems: dict[str, str] = {}
    if starts_at is not None and ends_at is not None and ends_at <= starts_at:
        problems["ends_at"] = "ends_before_start"
    if creating and starts_at is not None and starts_at < now:
        problems["starts_at"] = "in_the_past"
    if capacity is not None and capacity <= 0:
        problems["capacity"] = "capacity_not_positive"
    return problems


def seats_left(capacity: int, enrolled: int) -> int:
    return max(capacity - enrolled, 0)
