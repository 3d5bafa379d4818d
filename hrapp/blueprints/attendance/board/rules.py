"""Pure rules of the attendance board: the month a page asks for, where a rostered person stands today, and a
person's month totals. No flask, no sqlalchemy."""
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# Where a rostered person stands on the day board.
IN, LATE, MISSING, ABSENT, LEAVE, NOT_YET, OVERDUE, REST = (
    "in", "late", "missing", "absent", "leave", "not_yet", "overdue", "rest")
BOARD_STATES = (IN, LATE, MISSING, ABSENT, LEAVE, NOT_YET, OVERDUE, REST)

_FROM_DAY_STATUS = {
    "present": IN, "early": IN, "rest_worked": IN, "unrostered": IN, "pending": IN,
    "late": LATE, "late_and_early": LATE, "missing_punch": MISSING, "absent": ABSENT, "leave": LEAVE, "rest": REST,
}


def parse_month(text: str | None, today: date) -> date:
    """The first day of the month "YYYY-MM" (today's month when missing, garbled or outside 2000-2100)."""
    try:
        year, month = (int(part) for part in (text or "").split("-"))
        if 2000 <= year <= 2100:
            return date(year, month, 1)
    except ValueError:
        pass
    return today.replace(day=1)


def month_days(first: date) -> list[date]:
    """Every day of the month that starts on `first`."""
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return [first + timedelta(days=n) for n in range((following - first).days)]


def board_state(day_status: str | None, shift_kind: str, punches: int, starts_at: datetime | None,
                now: datetime, late_minutes: int = 0) -> str:
    """Where a rostered person stands: the reconciled day's status when there is one (a day still in progress
    whose check-in came late is late already); else read from the roster cell's kind and the punches so far
    (`starts_at` and `now` in the same zone, naive)."""
    if day_status == "pending" and late_minutes > 0:
        return LATE
    if day_status is not None:
        return _FROM_DAY_STATUS.get(day_status, IN)
    if shift_kind == "leave":
        return LEAVE
    if shift_kind == "rest":
        return REST
    if punches:
        return IN
    return NOT_YET if starts_at is None or now < starts_at else OVERDUE


@dataclass(frozen=True)
class DayFigures:
    """What the totals read from one reconciled day (minutes)."""

    status: str
    late_minutes: int = 0
    overtime_minutes: int = 0


@dataclass(frozen=True)
class Totals:
    worked_days: int
    late_count: int
    late_minutes: int
    absences: int
    missing_punches: int
    overtime_minutes: int

    @property
    def overtime_hours(self) -> float:
        return round(self.overtime_minutes / 60, 1)


WORKED = frozenset({"present", "late", "early", "late_and_early", "missing_punch", "rest_worked", "unrostered"})


def month_totals(days: list[DayFigures]) -> Totals:
    """Days worked, late days and minutes, absences, missing punches and overtime over a person's days."""
    late = [d for d in days if d.status in ("late", "late_and_early")]
    return Totals(
        worked_days=sum(1 for d in days if d.status in WORKED),
        late_count=len(late), late_minutes=sum(d.late_minutes for d in late),
        absences=sum(1 for d in days if d.status == "absent"),
        missing_punches=sum(1 for d in days if d.status == "missing_punch"),
        overtime_minutes=sum(d.overtime_minutes for d in days))
