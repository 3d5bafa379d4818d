"""Board fixtures: reconciled days and punches made directly (the reconciliation is another part's), and the
statement log for the pages' query budgets."""
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AttendanceDay, DayStatus, Punch, PunchSource
from tests.conftest import is_savepoint

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 5, 4)
MONTH = "2026-05"


def utc_of(day: date, at: time) -> datetime:
    """The naive UTC instant of a Shanghai local time."""
    return datetime.combine(day, at, SHANGHAI).astimezone(UTC).replace(tzinfo=None)


@pytest.fixture
def make_punch(app):
    def make(staff, day: date, at: time, clock_id: str | None = None) -> Punch:
        punch = Punch(clock_id=clock_id or (staff.staff_number if staff else "X999"), staff_id=staff.id if staff else None,
                      punched_at=utc_of(day, at), source=PunchSource.DEMO)
        db.session.add(punch)
        db.session.commit()
        return punch
    return make


@pytest.fixture
def make_day(app):
    def make(staff, day: date, status: DayStatus, department=None, **kw) -> AttendanceDay:
        row = AttendanceDay(staff_id=staff.id, day=day, department_id=(department or staff.department).id,
                            status=status, **kw)
        db.session.add(row)
        db.session.commit()
        return row
    return make


class StatementLog:
    """The SQL statements run while the block is open, less the test transaction's SAVEPOINTs."""

    def __enter__(self):
        self.statements = []
        sa.event.listen(db.engine, "before_cursor_execute", self._seen)
        return self

    def _seen(self, conn, cursor, statement, *args):  # noqa: ARG002
        if not is_savepoint(statement):
            self.statements.append(statement)

    def __exit__(self, *exc):
        sa.event.remove(db.engine, "before_cursor_execute", self._seen)
