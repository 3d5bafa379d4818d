"""The HR desk's rules, pure (no request, no database): which month is being closed, what a readiness cell
says and how far away a date is (what is overdue or expiring is the owning modules' rule)."""
from dataclasses import dataclass
from datetime import date

from hrapp.core.periods import MONTH, Period, period_of

CERTIFICATE_HORIZON_DAYS = 60  # certificates expiring within this many days are listed (training's SOON_DAYS: urgent)
ENDING_HORIZON_DAYS = 30  # probation periods and contracts ending within this many days are listed

OK, TODO, WAITING = "ok", "todo", "waiting"  # a readiness cell: done, to do, started but not finished


def month_to_close(today: date, closed_records: int, expected_records: int) -> Period:
    """The month HR is closing: the previous month until every closable module of every department has closed
    it (`closed_records` of `expected_records`), then the current month."""
    previous = period_of(MONTH, today).previous()
    if expected_records and closed_records >= expected_records:
        return period_of(MONTH, today)
    return previous


def sheet_state(is_issued: bool, is_pending: bool) -> str:
    """The signed sheet: issued with every signature (OK), issued and waiting for signatures, or not issued."""
    if is_issued:
        return OK
    return WAITING if is_pending else TODO


def days_until(day: date, today: date) -> int:
    """Whole days from `today` to `day` (0: today, negative: past)."""
    return (day - today).days


@dataclass(frozen=True)
class CycleProgress:
    """The open appraisal cycle: appraisals per status and the overdue ones (a step past its deadline)."""

    cycle_id: int
    name: str
    stage: str
    by_status: dict[str, int]
    overdue: int

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def done(self) -> int:
        """Appraisals whose result stands (acknowledged, or the appeal decided)."""
        return self.by_status.get("acknowledged", 0) + self.by_status.get("decided", 0)

    @property
    def done_percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0
