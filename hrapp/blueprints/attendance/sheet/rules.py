"""Pure rules of the monthly attendance sheet (月度考勤表): the month a URL names, which kind of overtime a day's
is, the leave a request puts on each day of the month, and a person's totals. No flask, no sqlalchemy."""
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from hrapp.blueprints.attendance.reconcile.rules import month_overtime_over_limit

# The reconciled day statuses (hrapp.models.DayStatus values), as text so these rules import no model.
LATE_STATUSES = frozenset({"late", "late_and_early"})
EARLY_STATUSES = frozenset({"early", "late_and_early"})
WORKED_STATUSES = frozenset({"present", "late", "early", "late_and_early", "missing_punch", "rest_worked",
                             "unrostered"})
OFF_ROSTER = frozenset({"rest_worked", "unrostered"})  # work on a day without a working shift

# Overtime kinds: on a working day (past the shift's end), on a rest day, on a statutory public holiday.
WORKDAY, REST_DAY, HOLIDAY = "workday", "rest_day", "holiday"
OVERTIME_KINDS = (WORKDAY, REST_DAY, HOLIDAY)
ZERO, HALF = Decimal("0"), Decimal("0.5")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


def parse_month(text: str) -> date | None:
    """The first day of the month "YYYY-MM" (years 2000-2100), or None when the text is anything else."""
    match = _MONTH.fullmatch(text or "")
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        return None
    return date(year, month, 1)


def month_end(first: date) -> date:
    """The last day of the month that starts on `first`."""
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def month_days(first: date) -> list[date]:
    """Every day of the month that starts on `first`."""
    return [first + timedelta(days=n) for n in range(month_end(first).day)]


def overtime_kind(status: str, is_holiday: bool) -> str:
    """Which overtime a day's overtime minutes are: a statutory holiday's (300%), a rest day's (200%: a rest day
    worked, or punches without a shift) or a working day's (150%)."""
    if is_holiday:
        return HOLIDAY
    return REST_DAY if status in OFF_ROSTER else WORKDAY


def leave_in_month(starts_on: date, ends_on: date, starts_afternoon: bool, ends_at_noon: bool, first: date,
                   last: date, counts: Callable[[date], bool]) -> dict[date, Decimal]:
    """The leave a request puts on each day of [first, last]: 1 a day `counts` admits, 0.5 for the request's
    afternoon-only first day and morning-only last day (days outside the month are not counted)."""
    out: dict[date, Decimal] = {}
    day = max(starts_on, first)
    while day <= min(ends_on, last):
        if counts(day):
            part = Decimal(1)
            if day == starts_on and starts_afternoon:
                part -= HALF
            if day == ends_on and ends_at_noon:
                part -= HALF
            if part > ZERO:
                out[day] = part
        day += timedelta(days=1)
    return out


def leave_counts(status: str, calendar_days: bool, is_holiday: bool) -> bool:
    """Whether a day of approved leave is a day of leave on the sheet: a day reconciled as leave is; a day
    not reconciled (yet) is unless it is a public holiday; a rostered rest day or holiday only for the types
    that count calendar days (maternity); a day the person worked never is."""
    if status == "leave":
        return True
    if status == "":
        return calendar_days or not is_holiday
    return calendar_days and status == "rest"


class DayFigures(NamedTuple):
    """What the totals read from one reconciled day (minutes); `overtime_kind` one of OVERTIME_KINDS (a tuple:
    a month's sheet makes thousands)."""

    status: str
    late_minutes: int = 0
    early_minutes: int = 0
    overtime_minutes: int = 0
    overtime_kind: str = WORKDAY


@dataclass(frozen=True)
class SheetTotals:
    """A person's month: days worked, late and early (count and minutes), absences (旷工 days), missing punches,
    leave days by type code, overtime minutes by kind, rest owed at the month's end (days)."""

    worked_days: int = 0
    late_count: int = 0
    late_minutes: int = 0
    early_count: int = 0
    early_minutes: int = 0
    absences: int = 0
    missing_punches: int = 0
    leave_days: tuple[tuple[str, Decimal], ...] = ()
    overtime_minutes: tuple[tuple[str, int], ...] = ()
    rest_owed: Decimal = ZERO

    def leave_of(self, code: str) -> Decimal:
        return dict(self.leave_days).get(code, ZERO)

    @property
    def leave_total(self) -> Decimal:
        return sum((days for _code, days in self.leave_days), ZERO)

    @property
    def overtime_over_limit(self) -> bool:
        """The month's overtime past the statutory 36 hours (Labour Law art. 41), flagged on the sheet."""
        return month_overtime_over_limit(minutes for _kind, minutes in self.overtime_minutes)

    def overtime_hours(self, kind: str) -> Decimal:
        """Overtime of `kind` in hours, one decimal."""
        return (Decimal(dict(self.overtime_minutes).get(kind, 0)) / 60).quantize(Decimal("0.1"))


def sheet_totals(days: Iterable[DayFigures], leave_days: Mapping[str, Decimal] | None = None,
                 rest_owed: Decimal = ZERO) -> SheetTotals:
    """The totals of a person's month from their reconciled days, their leave days by type code (already
    counted within the month) and their rest owed at its end."""
    days = list(days)
    overtime = {kind: 0 for kind in OVERTIME_KINDS}
    for d in days:
        overtime[d.overtime_kind] = overtime.get(d.overtime_kind, 0) + d.overtime_minutes
    late = [d for d in days if d.status in LATE_STATUSES]
    early = [d for d in days if d.status in EARLY_STATUSES]
    return SheetTotals(
        worked_days=sum(1 for d in days if d.status in WORKED_STATUSES),
        late_count=len(late), late_minutes=sum(d.late_minutes for d in late),
        early_count=len(early), early_minutes=sum(d.early_minutes for d in early),
        absences=sum(1 for d in days if d.status == "absent"),
        missing_punches=sum(1 for d in days if d.status == "missing_punch"),
        leave_days=tuple(sorted((code, n) for code, n in (leave_days or {}).items() if n)),
        overtime_minutes=tuple((kind, overtime[kind]) for kind in OVERTIME_KINDS),
        rest_owed=rest_owed)


def number(value: Decimal | int) -> str:
    """"2", "1.5", "0": a count of days or hours as people write it."""
    text = f"{value:f}" if isinstance(value, Decimal) else str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text
