"""Translated messages for the roster rules' codes, and the errors roster services raise."""
from collections.abc import Iterable

from flask_babel import lazy_gettext as _l

from hrapp.blueprints.roster.rules import Breach
from hrapp.core.errors import StaleRecord
from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import ValidationFailed

# Reason codes of validation (rules and database checks) -> message.
TRANSLATED = {
    "code": _l("Code: 1 to 8 characters, no spaces or separators."),
    "name": _l("Name is required (at most 40 characters)."),
    "kind": _l("Unknown kind of shift."),
    "colour": _l("Colour must look like #1e88e5."),
    "start_required": _l("A working shift needs a start time."),
    "end_required": _l("A working shift needs an end time."),
    "end_equals_start": _l("A shift cannot end when it starts."),
    "break_negative": _l("The break cannot be negative."),
    "break_too_long": _l("The break must be shorter than the shift."),
    "duplicate_code": _l("This department already has a shift with this code."),
    "demand_negative": _l("Demand cannot be below zero."),
    "demand_weekday_or_date": _l("Give either a weekday or a date."),
    "min_rest_range": _l("Minimum rest must be between 0 and 24 hours."),
    "consecutive_range": _l("Maximum consecutive days must be between 1 and 31."),
    "weekly_range": _l("Maximum weekly hours must be between 1 and 168."),
    "soft_rules_unknown": _l("Only the rest, consecutive days, weekly hours and demand rules can be soft."),
    "period_overlap": _l("This period overlaps another roster of the same department."),
    "not_draft": _l("Only a draft roster can be changed this way."),
    "locked": _l("This roster is locked and cannot be changed."),
    "reason_required": _l("This roster is published: give a reason for the change."),
    "outside_period": _l("The day is outside the roster's period."),
    "unknown_shift": _l("Unknown shift code."),
    "unknown_staff": _l("This person is not on the roster."),
    "pattern_empty": _l("The pattern is empty."),
    "pattern_unknown_codes": _l("The pattern contains unknown shift codes: %(codes)s."),
    "pattern_too_long": _l("The pattern is longer than 62 shifts."),
    "no_previous_roster": _l("There is no earlier roster of this department to copy."),
    "no_rest_shift": _l("The department needs a rest (休) shift type first."),
    "override_not_allowed": _l("Only HR can publish despite hard breaches."),
    "already_published": _l("This roster is already published."),
    "not_published": _l("Only a published roster can be locked."),
    "absence_dates": _l("Leave must end on or after its first day."),
    "year_not_covered": _l("The holiday library does not cover %(year)s yet."),
    "swap_same_person": _l("A person cannot swap with themselves."),
    "swap_not_published": _l("Shifts can only be swapped on a published roster."),
    "swap_nothing": _l("The two people work the same on these days: nothing to swap."),
    "swap_state": _l("This swap request is no longer open for that step."),
    "swap_duplicate": _l("You have already asked for this swap; it is still open."),
    "rest_owed_zero": _l("An adjustment must not be zero."),
    "note_required": _l("Say why the balance is adjusted."),
    "day_off_past": _l("Days off can only be requested for days still ahead."),
    "day_off_too_far": _l("Days off can be requested at most %(days)s days ahead."),
    "day_off_left": _l("This person has left by that day."),
    "day_off_published": _l("The roster for that day is already published: ask your head for a change or a swap."),
    "day_off_duplicate": _l("A day off is already requested for that day."),
    "day_off_too_many": _l("At most %(max)s days off can be requested per month."),
    "day_off_note": _l("The note is too long (at most 200 characters)."),
    "days_per_month_range": _l("Working days a month must be between 0 and 31."),
    "tolerance_range": _l("The tolerance must be between 0 and 10 days."),
    "terms_unknown_shift": _l("Unknown working shift codes: %(codes)s."),
    "terms_already_set": _l("Terms are already set for this position or person: change them with its Edit link."),
    "not_newcomer": _l("This person is already on the roster or not in its department for the period."),
    # The breach rules
    "on_leave": _l("On approved leave that day."),
    "suspended": _l("Suspended from that day."),
    "has_left": _l("Has left the company by that day."),
    "not_hired": _l("Not yet hired on that day."),
}

BREACH_MESSAGES = {
    "rest_too_short": _l("Only %(rest)s rest before this shift (minimum %(min)s)."),
    "too_many_consecutive_days": _l("Day %(days)s in a row at work (maximum %(max_days)s)."),
    "weekly_hours_exceeded": _l("%(hours)s hours in the week (maximum %(max_hours)s)."),
    "understaffed": _l("%(assigned)s of %(required)s people on this shift."),
    "on_leave": _l("On approved leave that day."),
    "suspended": _l("Suspended from that day."),
    "has_left": _l("Has left the company by that day."),
    "not_hired": _l("Not yet hired on that day."),
    "double_booked": _l("Overlaps a shift in another department's roster."),
    "unknown_shift": _l("Unknown shift code."),
}


def _duration(minutes: int) -> str:
    sign = "-" if minutes < 0 else ""
    return f"{sign}{abs(minutes) // 60}:{abs(minutes) % 60:02d}"


def breach_message(breach: Breach) -> str:
    """The breach in words, in the current locale (rest in h:mm, hours with one decimal)."""
    p = dict(breach.params)
    values = {
        "rest": _duration(p.get("rest_minutes", 0)), "min": _duration(p.get("min_minutes", 0)),
        "hours": round(p.get("minutes", 0) / 60, 1), "max_hours": round(p.get("max_minutes", 0) / 60, 1),
        **p,
    }
    template = BREACH_MESSAGES.get(breach.rule)
    return str(template) % values if template is not None else breach.rule


def message(code: str, **params) -> str:
    """The translated message for a reason code (the code itself if unknown)."""
    template = TRANSLATED.get(code)
    return (str(template) % params if params else str(template)) if template is not None else code


class RosterValidationError(ValidationFailed):
    """Bad input: field -> list of translated messages; nothing was changed (the shared validation shape)."""

    @classmethod
    def of(cls, field: str, code: str, **params) -> "RosterValidationError":
        return cls({field: [message(code, **params)]})

    @classmethod
    def from_codes(cls, problems: dict[str, Iterable[str]]) -> "RosterValidationError":
        return cls({field: [message(c) for c in codes] for field, codes in problems.items()})


class StaleRosterError(StaleRecord):
    """Someone changed the roster or the cells since the editor loaded them: reload, then retry.

    `cells` lists the (staff_id, day) whose version no longer matches (empty for a roster-level conflict).
    """

    def __init__(self, cells: Iterable = ()):
        self.cells = tuple(cells)
        super().__init__(f"stale roster data: {self.cells[:5]}")


class RosterBreachError(RuntimeError):
    """Hard rule breaches block the step (publish, change, swap); HR may override with a reason."""

    def __init__(self, breaches: list[Breach]):
        self.breaches = breaches
        super().__init__(f"{len(breaches)} hard breach(es)")


# Lost races answer like the services' own checks (hrapp.core.uniqueness): the constraint -> field, message.
unique_field("roster_department_period", "period", TRANSLATED["period_overlap"])
unique_field("uq_shift_swaps_open_key", "partner", TRANSLATED["swap_duplicate"])
unique_field("department_code", "code", TRANSLATED["duplicate_code"])
unique_field("day_off_staff_day", "day", TRANSLATED["day_off_duplicate"])
