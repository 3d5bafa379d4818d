"""Translated labels for the roster enums and reason codes the pages show (unknown values show as they are)."""
import enum

from flask_babel import lazy_gettext as _l

from hrapp.models import (
    DayKind,
    DayOffStatus,
    HolidaySource,
    PeriodKind,
    RestOwedReason,
    RosterStatus,
    ShiftKind,
    SwapStatus,
)

LABELS: dict[enum.Enum, object] = {
    RosterStatus.DRAFT: _l("Draft"),
    RosterStatus.PUBLISHED: _l("Published"),
    RosterStatus.LOCKED: _l("Locked"),
    PeriodKind.WEEK: _l("Week"),
    PeriodKind.MONTH: _l("Month"),
    ShiftKind.WORK: _l("Working shift"),
    ShiftKind.REST: _l("Rest day marker (休)"),
    ShiftKind.LEAVE: _l("Leave marker (假)"),
    DayKind.HOLIDAY: _l("Public holiday"),
    DayKind.WORKDAY: _l("Adjusted working day (调休上班)"),
    DayKind.NORMAL: _l("Normal day (cancels the calendar's entry)"),
    HolidaySource.LIBRARY: _l("Calendar library"),
    HolidaySource.RULES: _l("Statutory rules (provisional)"),
    HolidaySource.HR: _l("HR"),
    SwapStatus.PROPOSED: _l("Waiting for the colleague"),
    SwapStatus.ACCEPTED: _l("Waiting for the head"),
    SwapStatus.APPROVED: _l("Approved"),
    SwapStatus.DECLINED: _l("Declined"),
    SwapStatus.REJECTED: _l("Rejected"),
    SwapStatus.CANCELLED: _l("Cancelled"),
    RestOwedReason.WORKED_REST_DAY: _l("Worked a rest day"),
    RestOwedReason.WORKED_HOLIDAY: _l("Worked a public holiday"),
    RestOwedReason.REST_IN_LIEU: _l("Rest in lieu"),
    RestOwedReason.ADJUSTMENT: _l("Adjustment"),
    DayOffStatus.REQUESTED: _l("Requested"),
    DayOffStatus.WITHDRAWN: _l("Withdrawn"),
}

# Rules (breach and generation reason codes) and why a bulk step skipped a cell.
CODES = {
    "rest_too_short": _l("Minimum rest between shifts"),
    "too_many_consecutive_days": _l("Maximum consecutive working days"),
    "weekly_hours_exceeded": _l("Maximum weekly hours"),
    "understaffed": _l("Staff needed per shift (demand)"),
    "on_leave": _l("On approved leave that day."),
    "suspended": _l("Suspended from that day."),
    "has_left": _l("Has left the company by that day."),
    "not_hired": _l("Not yet hired on that day."),
    "double_booked": _l("Overlaps a shift in another department's roster."),
    "unknown_shift": _l("Unknown shift code."),
    "occupied": _l("Already filled"),
    "one_shift_per_day": _l("One shift per day"),
    "fixed_cell": _l("Cells fixed by hand"),
    "unavailable": _l("Not available"),
    "shift_not_allowed": _l("Shift or day not allowed by the person's work terms"),
}

# The official calendar library's holiday names (stored on CompanyHoliday.name); HR's own names show as typed.
HOLIDAY_NAMES = {
    "New Year's Day": _l("New Year's Day"),
    "Spring Festival": _l("Spring Festival"),
    "Tomb-sweeping Day": _l("Tomb-sweeping Day"),
    "Labour Day": _l("Labour Day"),
    "Dragon Boat Festival": _l("Dragon Boat Festival"),
    "Mid-autumn Festival": _l("Mid-autumn Festival"),
    "National Day": _l("National Day"),
    "Anti-Fascist 70th Day": _l("Anti-Fascist 70th Day"),
}

STATUS_BADGES = {"draft": "secondary", "published": "success", "locked": "dark", "proposed": "info",
                 "accepted": "warning", "approved": "success", "declined": "secondary", "rejected": "danger",
                 "cancelled": "light"}


def roster_label(member) -> str:
    """The label of a roster enum member, of its value, or of a rule/reason code."""
    if member is None:
        return ""
    if isinstance(member, enum.Enum):
        return str(LABELS.get(member, member.value))
    for key, text in LABELS.items():
        if key.value == member:
            return str(text)
    return str(CODES.get(member, member))


def choices_of(enum_cls: type[enum.Enum]) -> list[tuple[str, object]]:
    """(value, lazy label) pairs for a SelectField."""
    return [(m.value, LABELS.get(m, m.value)) for m in enum_cls]


def holiday_name(name: str) -> str:
    """A holiday's name in the UI language (library names are translated; HR's own names as typed)."""
    return str(HOLIDAY_NAMES.get(name, name or ""))


def badge(status) -> str:
    """Bootstrap colour of a roster or swap status."""
    return STATUS_BADGES.get(getattr(status, "value", status), "light")
