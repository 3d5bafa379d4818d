"""The month close: what blocks closing a department's attendance month (pending days past their windows,
pending corrections, leave waiting for a decision, unmapped punches), and reconciliation leaving a closed
month alone while the late punch is still stored."""
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from hrapp.blueprints.attendance.reconcile.services import reconcile
from hrapp.blueprints.attendance.sheet.close import attendance_close_check
from hrapp.blueprints.period_close.services import PeriodCloseError, close_period, reopen_period
from hrapp.company import company_today
from hrapp.core.periods import MONTH, period_of
from hrapp.extensions import db
from hrapp.models import (
    AttendanceCorrection,
    AttendanceDay,
    CorrectionKind,
    CorrectionStatus,
    DayStatus,
    LeaveStatus,
    Punch,
    PunchSource,
)
from tests.attendance.reconcile.conftest import AFTER_MAY, day_row, first_day_with, punch, utc
from tests.leave.fixtures import write_leave

from .conftest import FIRST, LAST, add_day, close_month

MAY = period_of(MONTH, FIRST)


def correction(staff, day: date, status=CorrectionStatus.PENDING) -> AttendanceCorrection:
    row = AttendanceCorrection(staff_id=staff.id, department_id=staff.department_id, day=day,
                               kind=CorrectionKind.MISSING_OUT, punched_at=utc(day, 18), reason="forgot",
                               status=status)
    db.session.add(row)
    db.session.flush()
    return row


def test_a_settled_month_has_nothing_to_resolve_and_closes(sheet_month):
    o = sheet_month
    assert attendance_close_check(o.front, FIRST, LAST) == []
    closed = close_period(o.hr, "attendance", o.front, MAY, 0)
    assert [c.department_id for c in closed] == [o.front.id]


def test_pending_days_past_their_windows_block_the_close(sheet_month):
    o = sheet_month
    add_day(o.fo_staff[1], date(2026, 5, 20), DayStatus.PENDING)
    add_day(o.fo_staff[1], date(2026, 5, 21), DayStatus.PENDING)
    [problem] = attendance_close_check(o.front, FIRST, LAST)
    assert "2" in problem and "FO" in problem
    with pytest.raises(PeriodCloseError) as refused:
        close_period(o.hr, "attendance", o.front, MAY, 0)
    assert refused.value.errors["module"] == [problem]


def test_a_pending_day_whose_window_may_still_be_open_does_not_block(sheet_month):
    o = sheet_month
    today = company_today()
    add_day(o.fo_staff[1], today - timedelta(days=1), DayStatus.PENDING)
    first = today.replace(day=1)
    assert attendance_close_check(o.front, first, today) == []


@pytest.mark.parametrize("status, blocks", [(CorrectionStatus.PENDING, True), (CorrectionStatus.ACCEPTED, False),
                                            (CorrectionStatus.REJECTED, False)])
def test_pending_corrections_block_the_close(sheet_month, status, blocks):
    o = sheet_month
    correction(o.person, date(2026, 5, 8), status)
    problems = attendance_close_check(o.front, FIRST, LAST)
    assert bool(problems) is blocks
    assert attendance_close_check(o.housekeeping, FIRST, LAST) == []


@pytest.mark.parametrize("status, blocks", [(LeaveStatus.PENDING, True), (LeaveStatus.AWAITING_HR, True),
                                            (LeaveStatus.APPROVED, False), (LeaveStatus.REJECTED, False)])
def test_leave_waiting_for_a_decision_blocks_the_close(sheet_month, status, blocks):
    o = sheet_month
    write_leave(o.fo_staff[2], date(2026, 4, 28), date(2026, 5, 1), "annual", status=status)
    assert bool(attendance_close_check(o.front, FIRST, LAST)) is blocks


def test_unmapped_punches_of_the_month_block_the_close(sheet_month):
    o = sheet_month
    at = datetime.combine(date(2026, 5, 31), time(23, 30), ZoneInfo("Asia/Shanghai")).astimezone(UTC)
    db.session.add(Punch(clock_id="X404", staff_id=None, punched_at=at.replace(tzinfo=None),
                         source=PunchSource.FILE))
    db.session.flush()
    [problem] = attendance_close_check(o.front, FIRST, LAST)
    assert "X404" not in problem and "1" in problem
    assert attendance_close_check(o.front, date(2026, 6, 1), date(2026, 6, 30)) == []  # 23:30 local is still May


def test_reconciliation_leaves_a_closed_month_alone_and_the_late_punch_is_stored(rostered):
    o = rostered
    person = o.fo_staff[0]
    early = first_day_with(person, "早")
    reconcile(FIRST, LAST, AFTER_MAY, staff_ids=[person.id])
    assert day_row(person, early).status == DayStatus.ABSENT
    before = dict(db.session.execute(sa.select(AttendanceDay.id, AttendanceDay.version_id)).all())
    close_month(o)
    punch(person, utc(early, 7, 0), utc(early, 15, 0))  # the punches arrive after the close
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Punch).where(Punch.staff_id == person.id)) == 2
    assert reconcile(FIRST, LAST, AFTER_MAY)["changed"] == 0
    assert day_row(person, early).status == DayStatus.ABSENT
    assert dict(db.session.execute(sa.select(AttendanceDay.id, AttendanceDay.version_id)).all()) == before


def test_reopened_month_is_reconciled_again(rostered):
    o = rostered
    person = o.fo_staff[0]
    early = first_day_with(person, "早")
    reconcile(FIRST, LAST, AFTER_MAY, staff_ids=[person.id])
    record = close_month(o)
    punch(person, utc(early, 7, 0), utc(early, 15, 0))
    reopen_period(o.hr, record, record.version_id, "late punches from the clock")
    assert reconcile(FIRST, LAST, AFTER_MAY, staff_ids=[person.id])["changed"] == 1
    assert day_row(person, early).status == DayStatus.PRESENT


def test_a_closed_month_of_another_department_does_not_stop_reconciliation(rostered):
    o = rostered
    person = o.fo_staff[0]
    close_month(o, o.housekeeping)
    assert reconcile(FIRST, LAST, AFTER_MAY, staff_ids=[person.id])["changed"] == 31
