"""Leave arithmetic, pure (no flask, no sqlalchemy): statutory annual days, proration, carry-over, the balance,
and counting the days a request uses.

Annual leave (职工带薪年休假条例): after one year of cumulative service, 5 days (1–10 years), 10 days (10–20),
15 days (20+). A new hire's first year is prorated by the calendar days left in the year, and a part of a day
does not count (rounded down to a whole day).
"""
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal

HALF = Decimal("0.5")
ZERO = Decimal("0")


def full_years(start: date, on: date) -> int:
    """Whole years from `start` to `on` (a birthday-style count; 29 February counts from 1 March)."""
    years = on.year - start.year
    if (on.month, on.day) < (start.month, start.day):
        years -= 1
    return max(years, 0)


def statutory_annual_days(years_of_service: int) -> Decimal:
    """The statutory annual leave for cumulative years of service: 0 under one year, then 5 / 10 / 15."""
    if years_of_service < 1:
        return ZERO
    if years_of_service < 10:
        return Decimal(5)
    if years_of_service < 20:
        return Decimal(10)
    return Decimal(15)


def prorated(full_days: Decimal, from_day: date, year: int) -> Decimal:
    """`full_days` for the part of `year` from `from_day` on (calendar days left / days in the year), rounded
    down to a whole day; the whole amount when `from_day` is on or before 1 January."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    if from_day <= first:
        return Decimal(full_days)
    if from_day > last:
        return ZERO
    share = Decimal((last - from_day).days + 1) / Decimal((last - first).days + 1)
    return (Decimal(full_days) * share).to_integral_value(rounding=ROUND_FLOOR)


@dataclass(frozen=True)
class AnnualGrant:
    days: Decimal
    years_of_service: int  # cumulative, on 1 January (or on the day counting starts)
    prorated_from: date | None  # the new hire's (or first-eligible) day, when prorated


def annual_grant(year: int, hire_on: date, career_started_on: date | None = None,
                 fixed_days: Decimal | None = None) -> AnnualGrant:
    """The year's annual leave for a person hired on `hire_on` who started work on `career_started_on` (None:
    the hire date). `fixed_days` (the type's own yearly figure) replaces the statutory scale.

    Counted from 1 January, or from the hire date when hired during the year; someone completing their first
    year of cumulative service during the year gets the prorated remainder from that day.
    """
    career = min(career_started_on or hire_on, hire_on)
    start = max(date(year, 1, 1), hire_on)
    if start > date(year, 12, 31):
        return AnnualGrant(ZERO, 0, None)
    years = full_years(career, start)
    if years < 1:  # eligible from the first anniversary of cumulative service, if it falls in the year
        try:
            eligible = career.replace(year=career.year + 1)
        except ValueError:  # 29 February
            eligible = date(career.year + 1, 3, 1)
        if eligible.year != year:
            return AnnualGrant(ZERO, years, None)
        start, years = eligible, 1
    full = Decimal(fixed_days) if fixed_days is not None else statutory_annual_days(years)
    if start == date(year, 1, 1):
        return AnnualGrant(full, years, None)
    return AnnualGrant(prorated(full, start, year), years, start)


def carry_over(remaining: Decimal, cap: Decimal) -> Decimal:
    """Days carried into the next year: what remains, at most `cap`, never negative."""
    return max(ZERO, min(Decimal(remaining), Decimal(cap)))


def carry_expiry(year: int, months: int) -> date:
    """The last day carried days may be used: the end of month `months` of `year` (3: 31 March)."""
    month = min(max(months, 1), 12)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return following - timedelta(days=1)


@dataclass(frozen=True)
class LeaveUse:
    """A request counted against a balance: its first day, its days, and whether it is approved (else pending)."""

    starts_on: date
    days: Decimal
    approved: bool


@dataclass(frozen=True)
class Balance:
    """One person's days of one type for one year, as of a day."""

    granted: Decimal = ZERO
    carried: Decimal = ZERO
    carry_expires_on: date | None = None
    adjusted: Decimal = ZERO
    lapsed: Decimal = ZERO  # carried days not used before they expired
    taken: Decimal = ZERO  # approved
    pending: Decimal = ZERO  # waiting for a decision

    @property
    def entitled(self) -> Decimal:
        return self.granted + self.carried + self.adjusted - self.lapsed

    @property
    def available(self) -> Decimal:
        """What a new request may still use (pending requests already hold their days)."""
        return self.entitled - self.taken - self.pending


def balance(granted: Decimal, carried: Decimal, carry_expires_on: date | None, adjusted: Decimal,
            uses: Iterable[LeaveUse], as_of: date) -> Balance:
    """The balance as of `as_of`: carried days are used first; what of them was not used by their expiry lapses."""
    uses = list(uses)
    taken = sum((u.days for u in uses if u.approved), ZERO)
    pending = sum((u.days for u in uses if not u.approved), ZERO)
    lapsed = ZERO
    if carry_expires_on is not None and as_of > carry_expires_on and carried > 0:
        used_in_time = sum((u.days for u in uses if u.starts_on <= carry_expires_on), ZERO)
        lapsed = max(ZERO, Decimal(carried) - used_in_time)
    return Balance(Decimal(granted), Decimal(carried), carry_expires_on, Decimal(adjusted), lapsed, taken, pending)


def count_days(starts_on: date, ends_on: date, starts_afternoon: bool, ends_at_noon: bool,
               counts: Callable[[date], bool]) -> Decimal:
    """The days a request from `starts_on` to `ends_on` uses: each day `counts` admits is one, the first
    (afternoon only) and the last (morning only) halves; a one-day request that is both is refused upstream."""
    total, day = ZERO, starts_on
    while day <= ends_on:
        if counts(day):
            part = Decimal(1)
            if day == starts_on and starts_afternoon:
                part -= HALF
            if day == ends_on and ends_at_noon:
                part -= HALF
            total += max(part, ZERO)
        day += timedelta(days=1)
    return total
