"""Whether a day needs a correction, whether the claimed time fits the shift, the monthly limit (pure: no flask,
no database). Times are the company's local naive datetimes; kinds and statuses are the enums' string values."""
from dataclasses import dataclass
from datetime import date, datetime

MISSING_IN, MISSING_OUT = "missing_in", "missing_out"
NEEDING = frozenset({"missing_punch", "absent"})  # the day statuses a correction can mend

# Refusal keys (messages.py words them).
NOT_YET = "not_yet"  # a future day, or today before its check-out window has closed
NO_SHIFT = "no_shift"  # no work shift that day (rest, unrostered, no record at all)
NOT_NEEDED = "not_needed"  # the day is complete, or that side's punch is there
OUTSIDE_WINDOW = "outside_window"
LIMIT_REACHED = "limit_reached"


@dataclass(frozen=True)
class DayFacts:
    """What the reconciled day says: its status (None: no record), which punches were used, the shift's window
    [check-in opens, check-out closes] (None: no work shift with times)."""

    status: str | None
    has_in: bool
    has_out: bool
    window: tuple[datetime, datetime] | None


def day_refusal(facts: DayFacts, kind: str, now: datetime) -> str | None:
    """Why `kind` cannot be corrected on this day (NOT_YET, NO_SHIFT, NOT_NEEDED) or None."""
    if facts.window is None:
        return NO_SHIFT
    if now < facts.window[1]:
        return NOT_YET
    if facts.status not in NEEDING:
        return NOT_NEEDED
    if (kind == MISSING_IN and facts.has_in) or (kind == MISSING_OUT and facts.has_out):
        return NOT_NEEDED
    return None


def time_refusal(window: tuple[datetime, datetime], claimed: datetime) -> str | None:
    """OUTSIDE_WINDOW unless `claimed` lies within the shift's window (both ends included)."""
    return None if window[0] <= claimed <= window[1] else OUTSIDE_WINDOW


def limit_refusal(counted: int, limit: int) -> str | None:
    """LIMIT_REACHED once `counted` requests (pending + accepted this month) reach the company's `limit`."""
    return LIMIT_REACHED if counted >= limit else None


def month_bounds(day: date) -> tuple[date, date]:
    """The first and last day of `day`'s month."""
    first = day.replace(day=1)
    following = first.replace(year=first.year + 1, month=1) if first.month == 12 else first.replace(month=first.month + 1)
    return first, date.fromordinal(following.toordinal() - 1)
