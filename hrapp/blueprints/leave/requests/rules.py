"""Pure rules of a leave request (no flask, no sqlalchemy): its shape, the days it counts, and what refuses it.

Each refusal is a code (see messages.py for what people read) keyed by the form field it belongs to.
"""
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from hrapp.blueprints.leave.rules import count_days

WORK, REST, LEAVE = "work", "rest", "leave"  # the roster's shift kinds (ShiftKind values)
MAX_SPAN_DAYS = 366  # one request covers at most a year


@dataclass(frozen=True)
class RequestShape:
    """The dates and halves a person asks for."""

    starts_on: date
    ends_on: date
    starts_afternoon: bool = False
    ends_at_noon: bool = False


@dataclass(frozen=True)
class TypeTerms:
    """What of the type matters to a request."""

    half_days: bool
    counts_calendar_days: bool
    max_days: Decimal | None
    note_after_days: Decimal | None


def shape_problems(shape: RequestShape, terms: TypeTerms) -> dict[str, str]:
    """Field -> refusal code for the dates and halves alone: ends before it starts, longer than a year, halves the
    type does not allow, a one-day request that is both an afternoon and a morning."""
    if shape.ends_on < shape.starts_on:
        return {"ends_on": "ends_before_start"}
    if (shape.ends_on - shape.starts_on).days >= MAX_SPAN_DAYS:
        return {"ends_on": "too_long_span"}
    if (shape.starts_afternoon or shape.ends_at_noon) and not terms.half_days:
        return {"starts_afternoon": "no_half_days"}
    if shape.starts_on == shape.ends_on and shape.starts_afternoon and shape.ends_at_noon:
        return {"ends_at_noon": "both_halves"}
    return {}


def employment_problem(shape: RequestShape, hire_on: date, left_on: date | None) -> str | None:
    """"before_hire" / "after_leaving" when the request reaches outside the employment, else None."""
    if shape.starts_on < hire_on:
        return "before_hire"
    if left_on is not None and shape.ends_on > left_on:
        return "after_leaving"
    return None


def day_counts(roster_kind: str | None, company_workday: bool) -> bool:
    """Whether a day uses leave for someone on working days: their published roster's cell decides (a working
    shift, or a leave marker standing where one was, counts; a rest day does not); without a cell, the company's
    working calendar (rest days and public holidays do not count)."""
    if roster_kind is None:
        return company_workday
    return roster_kind in (WORK, LEAVE)


def requested_days(shape: RequestShape, terms: TypeTerms, roster_kinds: Mapping[date, str],
                   company_workday: Callable[[date], bool]) -> Decimal:
    """The days the request uses: every calendar day where the type counts them, else the working days
    (`day_counts`), halves at either end."""
    if terms.counts_calendar_days:
        return count_days(shape.starts_on, shape.ends_on, shape.starts_afternoon, shape.ends_at_noon,
                          lambda day: True)
    return count_days(shape.starts_on, shape.ends_on, shape.starts_afternoon, shape.ends_at_noon,
                      lambda day: day_counts(roster_kinds.get(day), company_workday(day)))


def amount_problems(days: Decimal, terms: TypeTerms, available: Decimal | None, has_note: bool) -> dict[str, str]:
    """Field -> refusal code for how much is asked: nothing to take, more than the type allows in one request,
    more than the balance (`available`, None: the type keeps no balance), or no note where the type needs one."""
    if days <= 0:
        return {"ends_on": "no_days"}
    if terms.max_days is not None and days > terms.max_days:
        return {"ends_on": "above_max"}
    if available is not None and days > available:
        return {"leave_type_id": "beyond_balance"}
    if terms.note_after_days is not None and days > terms.note_after_days and not has_note:
        return {"note_file": "note_required"}
    return {}


def halves_touch(a: RequestShape, b: RequestShape) -> bool:
    """True when two requests meet on one day without overlapping: one ends at noon, the other starts that
    afternoon."""
    return (a.ends_on == b.starts_on and a.ends_at_noon and b.starts_afternoon) or \
        (b.ends_on == a.starts_on and b.ends_at_noon and a.starts_afternoon)


def overlaps(a: RequestShape, b: RequestShape) -> bool:
    """True when the two requests share a (half) day."""
    return a.starts_on <= b.ends_on and b.starts_on <= a.ends_on and not halves_touch(a, b)


def days_between(first: date, last: date) -> list[date]:
    """Every day from `first` to `last`, inclusive."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def marked_days(shape: RequestShape, counts: Callable[[date], bool]) -> list[date]:
    """The days whose roster cell becomes the leave marker: whole days the leave counts (a half day is still
    half worked, so its cell keeps the shift)."""
    out = []
    for day in days_between(shape.starts_on, shape.ends_on):
        half = (day == shape.starts_on and shape.starts_afternoon) or (day == shape.ends_on and shape.ends_at_noon)
        if not half and counts(day):
            out.append(day)
    return out
