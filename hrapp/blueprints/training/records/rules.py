"""Pure rules of training records and inductions: hours per year, certificate and induction states, due dates.

No request, no database: days are local dates, hours Decimals.
"""
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

# A certificate expiring within this many days is marked "expiring soon" (the first expiry reminder).
EXPIRING_SOON_DAYS = 30
# The catch-up tick looks back this far for hires and transfers without their inductions.
CATCH_UP_DAYS = 60

EXPIRED, EXPIRING, VALID, NO_EXPIRY = "expired", "expiring", "valid", "no_expiry"
OVERDUE = "overdue"


def hours_by_year(sessions: Iterable[tuple[date, Decimal]]) -> list[tuple[int, Decimal]]:
    """Sum the course hours of (local day of the session, hours) pairs per year, latest year first."""
    totals: dict[int, Decimal] = {}
    for day, hours in sessions:
        totals[day.year] = totals.get(day.year, Decimal("0")) + Decimal(hours)
    return sorted(totals.items(), reverse=True)


def certificate_state(expires_on: date | None, today: date) -> str:
    """"expired" after its last valid day, "expiring" within EXPIRING_SOON_DAYS, "valid", or "no_expiry"."""
    if expires_on is None:
        return NO_EXPIRY
    if expires_on < today:
        return EXPIRED
    if expires_on <= today + timedelta(days=EXPIRING_SOON_DAYS):
        return EXPIRING
    return VALID


def induction_state(status: str, due_on: date, today: date) -> str:
    """An assignment's state as people see it: its status ("open", "done", "waived"), or "overdue" when it is
    open past its due day."""
    if status == "open" and due_on < today:
        return OVERDUE
    return status


def induction_due_on(placed_on: date, due_days: int) -> date:
    """The day a required course is due: `due_days` after the placement."""
    return placed_on + timedelta(days=due_days)


def completion_day(present_days: Iterable[date], passed_days: Iterable[date], assessed: bool,
                   placed_on: date) -> date | None:
    """The first day on or after `placed_on` the person completed a course: present at a session of it, or,
    where it is assessed, passed an attempt; None when not completed since the placement."""
    days = [d for d in (passed_days if assessed else present_days) if d >= placed_on]
    return min(days) if days else None


def waive_refusal(status: str, reason: str) -> dict[str, str]:
    """Field -> refusal code for waiving an assignment ("not_open", "reason_required"); empty when valid."""
    problems = {}
    if status != "open":
        problems["reason"] = "not_open"
    elif not reason.strip():
        problems["reason"] = "reason_required"
    return problems
