"""The reconciliation service against real roster cells and punches (the published FO May 2026 roster)."""
from datetime import date

import sqlalchemy as sa

from hrapp.blueprints.attendance.reconcile.services import reconcile, reconcile_recent
from hrapp.extensions import db
from hrapp.models import AttendanceDay, DayStatus
from tests.leave.fixtures import write_leave

from .conftest import AFTER_MAY, NEXT, day_row, first_day_with, punch, utc

MAY_FIRST, MAY_LAST = date(2026, 5, 1), date(2026, 5, 31)


def test_a_night_shift_owns_the_next_mornings_punch_through_the_store(person):
    night = first_day_with(person, "夜")
    punch(person, utc(night, 21, 58), utc(night + NEXT, 6, 3))
    db.session.commit()
    row = day_row(person, night)
    assert row.status == DayStatus.PRESENT and row.in_punch_id and row.out_punch_id
    assert row.worked_minutes == 8 * 60 + 3 - 60  # from the start, minus the hour's break
    after = day_row(person, night + NEXT)  # the next day: the 06:03 is not claimed by it
    assert after is None or after.status == DayStatus.REST


def test_a_month_without_punches_is_absent_on_work_days_rest_on_rest_days_and_leave_when_approved(rostered, person):
    early = first_day_with(person, "早")
    write_leave(person, early, early)
    counts = reconcile(MAY_FIRST, MAY_LAST, AFTER_MAY, staff_ids=[person.id])
    assert day_row(person, early).status == DayStatus.LEAVE
    assert day_row(person, first_day_with(person, "中")).status == DayStatus.ABSENT
    assert day_row(person, first_day_with(person, "休")).status == DayStatus.REST
    assert counts["changed"] == 31 and counts["leave"] == 1


def test_days_whose_window_is_open_are_pending(person):
    early = first_day_with(person, "早")
    reconcile(early, early, utc(early, 12), staff_ids=[person.id])
    assert day_row(person, early).status == DayStatus.PENDING


def test_re_running_changes_nothing_and_a_changed_result_bumps_the_version(person):
    early = first_day_with(person, "早")
    punch(person, utc(early, 7, 0), utc(early, 15, 0))
    assert reconcile(MAY_FIRST, MAY_LAST, AFTER_MAY)["changed"] > 0
    before = dict(db.session.execute(sa.select(AttendanceDay.id, AttendanceDay.version_id)).all())
    assert reconcile(MAY_FIRST, MAY_LAST, AFTER_MAY)["changed"] == 0
    assert dict(db.session.execute(sa.select(AttendanceDay.id, AttendanceDay.version_id)).all()) == before
    row = day_row(person, early)
    assert row.status == DayStatus.PRESENT
    version = row.version_id
    db.session.execute(sa.update(AttendanceDay).where(AttendanceDay.id == row.id).values(late_minutes=99))
    assert reconcile(early, early, AFTER_MAY, staff_ids=[person.id])["changed"] == 1
    assert day_row(person, early).late_minutes == 0 and day_row(person, early).version_id == version + 1


def test_a_new_punch_re_reconciles_only_its_days(rostered, person):
    reconcile(MAY_FIRST, MAY_LAST, AFTER_MAY)
    before = dict(db.session.execute(sa.select(AttendanceDay.id, AttendanceDay.version_id)).all())
    early = first_day_with(person, "早", after=date(2026, 5, 10))
    punch(person, utc(early, 7, 20), state=0)  # late; the out-punch missing
    row = day_row(person, early)
    assert row.status == DayStatus.MISSING_PUNCH and row.in_punch_id
    after = dict(db.session.execute(sa.select(AttendanceDay.id, AttendanceDay.version_id)).all())
    assert {i for i in after if after[i] != before.get(i)} == {row.id}


def test_a_punch_on_a_rest_day_is_rest_worked(person):
    rest = first_day_with(person, "休", after=first_day_with(person, "夜") + NEXT * 2)
    punch(person, utc(rest, 9), utc(rest, 13))
    row = day_row(person, rest)
    assert row.status == DayStatus.REST_WORKED and row.worked_minutes == 240


def test_the_tick_turns_closed_days_absent_once(rostered):
    now = utc(date(2026, 5, 20), 12)
    assert reconcile_recent(now) > 0
    assert reconcile_recent(now) == 0


def test_a_published_rosters_change_re_reads_the_days_it_touches(rostered, person):
    """The head turns a rest day into an early shift after the fact: that day is read again at once (no punch:
    absent), without waiting for the tick or the command."""
    from hrapp.blueprints.roster.services.editing import CellEdit, set_cells

    rest = first_day_with(person, "休")
    reconcile(rest, rest, AFTER_MAY, staff_ids=[person.id])
    assert day_row(person, rest).status == DayStatus.REST
    set_cells(rostered.hr, rostered.roster, [CellEdit(person.id, rest, "早")], reason="补排班",
              override_reason="测试")
    db.session.commit()
    assert day_row(person, rest).status == DayStatus.ABSENT


def test_a_position_on_comprehensive_hours_is_measured_over_the_period_not_per_day(rostered, person):
    from hrapp.models import Position
    position = Position(code="FO-CH", name="综合工时岗", department_id=person.department_id, comprehensive_hours=True)
    db.session.add(position)
    db.session.flush()
    person.position_id = position.id
    other = rostered.fo_staff[1]
    early, others_early = first_day_with(person, "早"), first_day_with(other, "早")
    punch(person, utc(early, 7, 30), utc(early, 19, 0))  # 30 minutes late, four hours past the end
    punch(other, utc(others_early, 7, 30), utc(others_early, 15, 0))
    reconcile(MAY_FIRST, MAY_LAST, AFTER_MAY, staff_ids=[person.id, other.id])
    row = day_row(person, early)
    assert (row.status, row.late_minutes, row.overtime_minutes) == (DayStatus.PRESENT, 0, 0)
    assert "comprehensive_hours" in row.flags and row.worked_minutes > 8 * 60
    assert day_row(other, others_early).status == DayStatus.LATE  # the same punches on daily hours
    assert day_row(person, first_day_with(person, "中")).status == DayStatus.ABSENT  # an absence stays one
