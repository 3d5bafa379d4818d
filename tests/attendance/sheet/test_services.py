"""The sheet's service: who is on it, the mark of each day, leave by type within the month, overtime by kind,
rest owed at the month's end."""
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from hrapp.blueprints.attendance.sheet.rules import HOLIDAY, REST_DAY, WORKDAY
from hrapp.blueprints.attendance.sheet.services import build_sheet
from hrapp.blueprints.roster.services.rest_owed import rest_owed_balances
from hrapp.extensions import db
from hrapp.models import AttendanceDay, DayStatus, LeaveStatus
from tests.leave.fixtures import write_leave

from .conftest import FIRST, add_day


def row_of(sheet, staff):
    return next(r for r in sheet.rows if r.staff_id == staff.id)


def test_sheet_has_a_row_per_rostered_person_in_staff_number_order(sheet_month):
    o = sheet_month
    sheet = build_sheet(o.front, FIRST)
    assert [r.staff_id for r in sheet.rows] == [p.id for p in sorted(o.people, key=lambda p: p.staff_number)]
    assert len(sheet.days) == 31 and sheet.month == "2026-05"
    assert date(2026, 5, 1) in sheet.holidays and date(2026, 5, 6) not in sheet.holidays


def test_marks_per_day(sheet_month):
    row = row_of(build_sheet(sheet_month.front, FIRST), sheet_month.person)
    marks = {n + 1: c.mark for n, c in enumerate(row.cells)}
    assert [marks[d] for d in (4, 5, 6, 7, 8, 9, 11)] == ["√", "迟", "早", "旷", "缺", "加", "√"]
    assert [marks[d] for d in (12, 13, 14, 29, 30, 31)] == ["假", "假", "假", "假", "休", "假"]
    assert marks[1] == "加" and marks[2] == "" and marks[20] == ""
    assert row.cells[11].leave_name == "年休假" and row.cells[13].leave_name == "病假"
    assert row.cells[6].status == DayStatus.ABSENT.value and row.cells[6].leave_name == ""


def test_totals_of_a_person(sheet_month):
    t = row_of(build_sheet(sheet_month.front, FIRST), sheet_month.person).totals
    assert t.worked_days == 7
    assert (t.late_count, t.late_minutes, t.early_count, t.early_minutes) == (1, 12, 1, 20)
    assert (t.absences, t.missing_punches) == (1, 1)


def test_leave_by_type_counts_only_the_days_inside_the_month(sheet_month):
    t = row_of(build_sheet(sheet_month.front, FIRST), sheet_month.person).totals
    # annual 12th-13th; sick the afternoon of the 14th; personal 29th-June 2nd: the 29th and 31st (30th rest)
    assert dict(t.leave_days) == {"annual": Decimal(2), "sick": Decimal("0.5"), "personal": Decimal(2)}
    june = row_of(build_sheet(sheet_month.front, date(2026, 6, 1)), sheet_month.person).totals
    assert dict(june.leave_days) == {"personal": Decimal(2)}


def test_leave_not_approved_or_of_another_department_is_not_counted(sheet_month):
    o = sheet_month
    write_leave(o.person, date(2026, 5, 18), date(2026, 5, 19), "annual", status=LeaveStatus.PENDING)
    write_leave(o.person, date(2026, 5, 20), date(2026, 5, 20), "annual", status=LeaveStatus.CANCELLED)
    t = row_of(build_sheet(o.front, FIRST), o.person).totals
    assert t.leave_of("annual") == Decimal(2)


def test_overtime_by_kind(sheet_month):
    t = row_of(build_sheet(sheet_month.front, FIRST), sheet_month.person).totals
    # the 11th: 90 minutes past a working shift; the 9th: a rest day worked; May 1st: a public holiday worked
    assert t.overtime_hours(WORKDAY) == Decimal("1.5")
    assert t.overtime_hours(REST_DAY) == Decimal(8)
    assert t.overtime_hours(HOLIDAY) == Decimal(4)


def test_overtime_nobody_approved_is_not_counted(sheet_month):
    db.session.execute(sa.update(AttendanceDay).where(AttendanceDay.day == date(2026, 5, 11))
                       .values(overtime_approved=False))
    t = row_of(build_sheet(sheet_month.front, FIRST), sheet_month.person).totals
    assert t.overtime_hours(WORKDAY) == 0 and t.overtime_hours(REST_DAY) == Decimal(8)


def test_rest_owed_is_the_roster_ledger_at_the_months_end(sheet_month):
    o = sheet_month
    sheet = build_sheet(o.front, FIRST)
    owed = rest_owed_balances([p.id for p in o.people], date(2026, 5, 31))
    assert {r.staff_id: r.totals.rest_owed for r in sheet.rows} == owed
    assert any(v for v in owed.values())  # the May roster's holidays accrue rest owed


def test_a_person_who_worked_a_day_in_the_department_is_on_its_sheet_with_that_day_only(sheet_month):
    o = sheet_month
    add_day(o.hk_staff, date(2026, 5, 20), DayStatus.LATE, department=o.front, late_minutes=30)
    add_day(o.hk_staff, date(2026, 5, 21), DayStatus.ABSENT)  # in housekeeping
    row = row_of(build_sheet(o.front, FIRST), o.hk_staff)
    assert row.totals.late_minutes == 30 and row.totals.absences == 0
    assert o.hk_staff.id in {r.staff_id for r in build_sheet(o.housekeeping, FIRST).rows}
    assert o.desk_staff.id not in {r.staff_id for r in build_sheet(o.front, FIRST).rows}


def test_an_empty_month(sheet_month):
    sheet = build_sheet(sheet_month.housekeeping, date(2026, 3, 1))
    assert sheet.rows == () and sheet.leave_types == ()


def test_comprehensive_hours_count_the_months_hours_beyond_its_shifts(sheet_month):
    from hrapp.models import Position, ShiftType
    person = sheet_month.fo_staff[1]
    position = Position(code="FO-CH", name="综合工时岗", department_id=person.department_id, comprehensive_hours=True)
    db.session.add(position)
    db.session.flush()
    person.position_id = position.id
    early = db.session.scalar(sa.select(ShiftType).where(ShiftType.code == "早",
                                                         ShiftType.department_id == sheet_month.front.id))
    planned = (early.end_time.hour - early.start_time.hour) * 60 - early.break_minutes
    add_day(person, date(2026, 5, 4), DayStatus.PRESENT, worked_minutes=planned + 120, shift_type_id=early.id,
            flags=["comprehensive_hours"])
    add_day(person, date(2026, 5, 5), DayStatus.PRESENT, worked_minutes=planned - 30, shift_type_id=early.id,
            flags=["comprehensive_hours"])
    t = row_of(build_sheet(sheet_month.front, FIRST), person).totals
    assert t.overtime_hours(WORKDAY) == Decimal("1.5")  # 120 over one day, 30 short the next: 90 minutes
