"""The board's pages through the client: the day board, the month grid, one's own and a person's month, HR's
overview — with the right people and counts, each in its scope."""
from datetime import date, time

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import DayStatus, RosterCell, ShiftKind, ShiftType

from .conftest import DAY, MONTH


def _cells_on(day):
    return db.session.execute(sa.select(RosterCell.staff_id, ShiftType.kind).join(ShiftType)
                              .where(RosterCell.day == day)).all()


def test_day_board_shows_the_rostered_with_their_state(client, auth, rostered, make_day, make_punch):
    o = rostered
    cells = _cells_on(DAY)
    working = [staff_id for staff_id, kind in cells if kind == ShiftKind.WORK]
    late_person = next(p for p in o.people if p.id == working[0])
    make_day(late_person, DAY, DayStatus.LATE, late_minutes=17)
    make_punch(late_person, DAY, time(7, 17))
    auth.login("head")
    response = client.get(f"/attendance/today?department_id={o.front.id}&day={DAY.isoformat()}")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert body.count('data-staff="') == len(cells) == len(o.people)
    assert f'data-staff="{late_person.id}" data-state="late"' in body and "17" in body
    rests = sum(1 for _s, kind in cells if kind == ShiftKind.REST)
    # the past day's other working people never punched: "not in, shift started"
    assert body.count('data-state="overdue"') == len(working) - 1 + 1  # the badge at the top counts once
    assert body.count('data-state="rest"') == rests + (1 if rests else 0)
    assert f"/attendance/people/{late_person.id}?month={MONTH}" in body


def test_day_board_defaults_and_empty_state(client, auth, org):
    auth.login("head")
    response = client.get("/attendance/today")
    assert response.status_code == 200 and 'id="board-empty"' in response.get_data(as_text=True)


def test_day_board_refuses_departments_out_of_scope(client, auth, rostered):
    auth.login("head")
    assert client.get(f"/attendance/today?department_id={rostered.housekeeping.id}").status_code == 404
    assert client.get(f"/attendance/month?department_id={rostered.housekeeping.id}").status_code == 404
    auth.logout()
    auth.login("hkhead")
    assert client.get(f"/attendance/today?department_id={rostered.front.id}").status_code == 404
    auth.logout()
    auth.login("hr")
    assert client.get(f"/attendance/today?department_id={rostered.housekeeping.id}").status_code == 200


def test_month_grid_marks_and_totals(client, auth, org, make_day):
    make_day(org.desk_staff, date(2026, 5, 4), DayStatus.LATE, late_minutes=10)
    make_day(org.desk_staff, date(2026, 5, 5), DayStatus.PRESENT, overtime_minutes=120)
    make_day(org.desk_staff, date(2026, 5, 6), DayStatus.ABSENT)
    make_day(org.hk_staff, date(2026, 5, 4), DayStatus.LATE, late_minutes=99)
    auth.login("head")
    body = client.get(f"/attendance/month?department_id={org.front.id}&month={MONTH}").get_data(as_text=True)
    assert f'data-staff="{org.desk_staff.id}"' in body and f'data-staff="{org.head_staff.id}"' in body
    assert f'data-staff="{org.hk_staff.id}"' not in body
    row = body.split(f'data-staff="{org.desk_staff.id}"')[1].split("</tr>")[0]
    assert "迟" in row and "√" in row and "旷" in row
    assert "<td>2</td><td>1</td><td>10</td>\n      <td>1</td><td>2.0</td>" in row


def test_month_grid_filter_pages_and_empty_state(client, auth, org, make_staff):
    for _ in range(51):
        make_staff(org.front_desk)
    auth.login("hr")
    first = client.get(f"/attendance/month?department_id={org.front.id}&month={MONTH}").get_data(as_text=True)
    second = client.get(f"/attendance/month?department_id={org.front.id}&month={MONTH}&page=2").get_data(as_text=True)
    assert first.count('data-staff="') == 50 and second.count('data-staff="') == 3
    found = client.get(f"/attendance/month?department_id={org.front.id}&q=李前台").get_data(as_text=True)
    assert found.count('data-staff="') == 1 and f'data-staff="{org.desk_staff.id}"' in found
    none = client.get(f"/attendance/month?department_id={org.front.id}&q=nobody").get_data(as_text=True)
    assert 'id="month-empty"' in none


def test_my_attendance_shows_own_days_and_punches(client, auth, org, make_day, make_punch):
    make_day(org.desk_staff, date(2026, 5, 4), DayStatus.LATE, late_minutes=8, worked_minutes=470)
    make_punch(org.desk_staff, date(2026, 5, 4), time(7, 8))
    make_punch(org.desk_staff, date(2026, 5, 7), time(9, 0))  # not reconciled yet
    make_day(org.hk_staff, date(2026, 5, 4), DayStatus.ABSENT)
    auth.login("staff")
    body = client.get(f"/attendance/me?month={MONTH}").get_data(as_text=True)
    assert 'data-day="2026-05-04" data-status="late"' in body and "2026-05-04 07:08" in body
    assert 'data-unreconciled="2026-05-07"' in body and "2026-05-07 09:00" in body
    assert body.count("data-day=") == 1


def test_my_attendance_needs_a_staff_record(client, auth, org):
    auth.login("admin")
    assert client.get("/attendance/me").status_code == 404


def test_person_page_scope(client, auth, org, make_day):
    make_day(org.hk_staff, date(2026, 5, 4), DayStatus.ABSENT)
    auth.login("head")
    assert client.get(f"/attendance/people/{org.desk_staff.id}").status_code == 200
    assert client.get(f"/attendance/people/{org.hk_staff.id}").status_code == 404
    auth.logout()
    auth.login("staff")
    assert client.get(f"/attendance/people/{org.desk_staff.id}").status_code == 200
    assert client.get(f"/attendance/people/{org.head_staff.id}").status_code == 404
    auth.logout()
    auth.login("hr")
    body = client.get(f"/attendance/people/{org.hk_staff.id}?month={MONTH}").get_data(as_text=True)
    assert 'data-status="absent"' in body


def test_overview_counts_per_department_and_unmapped(client, auth, org, make_day, make_punch):
    make_day(org.desk_staff, date(2026, 5, 4), DayStatus.LATE)
    make_day(org.desk_staff, date(2026, 5, 5), DayStatus.MISSING_PUNCH)
    make_day(org.hk_staff, date(2026, 5, 4), DayStatus.ABSENT)
    make_day(org.hk_staff, date(2026, 4, 30), DayStatus.ABSENT)  # another month
    make_punch(None, date(2026, 5, 4), time(8), clock_id="9999")
    auth.login("hr")
    body = client.get(f"/attendance/?month={MONTH}").get_data(as_text=True)
    desk = body.split(f'data-department="{org.front_desk.id}"')[1].split("</tr>")[0]
    hk = body.split(f'data-department="{org.housekeeping.id}"')[1].split("</tr>")[0]
    assert desk.count('text-end">1<') == 2 and hk.count('text-end">1<') == 1
    assert 'id="overview-unmapped"' in body and "/attendance/ids" in body
    auth.logout()
    auth.login("head")
    assert client.get("/attendance/").status_code == 403


def test_day_board_reads_punches_within_the_shifts_windows(client, auth, rostered, make_punch):
    """A night shift's check-out after midnight is its punch; a punch outside the windows is not."""
    o = rostered
    night = db.session.execute(sa.select(RosterCell.staff_id).join(ShiftType)
                               .where(RosterCell.day == DAY, ShiftType.code == "夜")).scalar()
    person = next(p for p in o.people if p.id == night)
    make_punch(person, DAY, time(21, 55))
    make_punch(person, date(2026, 5, 5), time(6, 4))
    make_punch(person, DAY, time(9, 0))  # hours before the check-in opens
    auth.login("head")
    body = client.get(f"/attendance/today?department_id={o.front.id}&day={DAY.isoformat()}").get_data(as_text=True)
    row = body.split(f'data-staff="{person.id}"')[1].split("</tr>")[0]
    assert "2026-05-04 21:55" in row and "2026-05-05 06:04" in row and "09:00" not in row
    assert 'data-state="in"' in body.split(f'data-staff="{person.id}"')[1][:30]
