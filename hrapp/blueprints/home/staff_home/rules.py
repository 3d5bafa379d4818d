"""Pure rules of the staff home: the month's marks and strip, today's and the next shifts, what waits first.
No flask, no sqlalchemy: values in, values out."""
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from hrapp.blueprints.attendance.board.rules import DayFigures, month_days, month_totals
from hrapp.core.localtime import to_zone

NEXT_SHIFTS = 5  # the work shifts after today the page lists
EARLY_STATUSES = frozenset({"early", "late_and_early"})
# The strip's tone per reconciled status (a CSS class suffix): good, late/early, missing, absent, off.
_TONES = {"present": "ok", "rest_worked": "ok", "unrostered": "ok", "late": "warn", "early": "warn",
          "late_and_early": "warn", "missing_punch": "miss", "absent": "bad", "leave": "off", "rest": "off",
          "pending": "wait"}


@dataclass(frozen=True)
class MonthMarks:
    """This month's counts of the marks that matter to the person (days)."""

    late: int
    early: int
    absent: int
    missing: int
    worked: int

    @property
    def clean(self) -> bool:
        """No late, early, absent or missing-punch day."""
        return not (self.late or self.early or self.absent or self.missing)


@dataclass(frozen=True)
class StripDay:
    """One day of the month strip: its status (None: not reconciled, or still to come) and tone."""

    day: date
    status: str | None
    tone: str
    is_today: bool


def month_marks(days: Iterable[DayFigures]) -> MonthMarks:
    """Late, early, absent, missing-punch and worked days over the month's reconciled days (the board's totals;
    a day both late and early counts once in each)."""
    days = list(days)
    totals = month_totals(days)
    return MonthMarks(late=totals.late_count, early=sum(1 for d in days if d.status in EARLY_STATUSES),
                      absent=totals.absences, missing=totals.missing_punches, worked=totals.worked_days)


def month_strip(today: date, statuses: dict[date, str]) -> list[StripDay]:
    """Every day of today's month with its reconciled status (`statuses`: day -> status) and tone; days without
    a reconciled row have tone "none" ("future" after today)."""
    strip = []
    for day in month_days(today.replace(day=1)):
        status = statuses.get(day)
        tone = _TONES.get(status, "none") if status else ("future" if day > today else "none")
        strip.append(StripDay(day, status, tone, day == today))
    return strip


def split_shifts(shifts: Sequence, now: datetime, limit: int = NEXT_SHIFTS) -> tuple[list, list]:
    """(today's entries, the next `limit` work entries after today) of a schedule ordered by day; entries have
    `day`, `kind` ("work", "rest", ...) and local `start`/`end` (None off work). `now` is the local wall-clock
    time: today's entries include an earlier day's shift still under way (last night's 22:00-06:00 at 02:00).
    Rest days after today are left out of the next ones."""
    today = now.date()
    todays = [s for s in shifts if s.day == today or (s.day < today and s.end is not None and s.end > now)]
    upcoming = [s for s in shifts if s.day > today and s.kind == "work"][:limit]
    return todays, upcoming


@dataclass(frozen=True)
class WaitingItem:
    """Something waiting for the person: its kind, the record's id (and its parent's, e.g. a swap's roster),
    a title, and its deadline (a day) or start (a naive UTC moment)."""

    kind: str
    item_id: int
    parent_id: int | None
    title: str
    due_on: date | None
    starts_at: datetime | None

    def overdue(self, today: date) -> bool:
        """The deadline day is behind us (the person may still act until someone or the tick closes it)."""
        return self.due_on is not None and self.due_on < today


def waiting_order(items: Iterable[WaitingItem], today: date, zone: str | None) -> list[WaitingItem]:
    """Most urgent first: by deadline day (a session by the local day, in `zone`, it starts), items without a date
    last, then by kind and id for a stable order."""
    def key(item: WaitingItem):
        when = item.due_on or (to_zone(item.starts_at, zone).date() if item.starts_at else None)
        return (when is None, when or today, item.kind, item.item_id)
    return sorted(items, key=key)
