"""A small department (ATT) for the attendance journey: three people on a shift that started 40 minutes before
the server started (so a punch now is late), this month's and last month's rosters published, last month's
punches (one late day) stored and reconciled, and an annual-leave entitlement for the staff account.

Cells and rosters are written directly (the scene, not the roster's rules, matters here). Just after local
midnight the shift starts at 00:00, so the journey's punch is late by the minutes since then.
"""
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from hrapp.blueprints.attendance.punch_store import PunchRow, store_punches
from hrapp.blueprints.attendance.reconcile.services import reconcile
from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.leave.defaults import ensure_default_types, leave_type
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.roster.rules import WORK, ShiftTypeData
from hrapp.blueprints.roster.services import save_shift_type
from hrapp.extensions import db
from hrapp.models import LeaveEntitlement, PeriodKind, PunchSource, Role, Roster, RosterCell, RosterStatus
from tests.conftest import PASSWORD

ATTENDANCE = {"department": "ATT", "head": "atthead", "staff": "attstaff", "staff_number": "A0001",
              "late_number": "A0002"}
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _month_days(first: date) -> list[date]:
    following = (first + timedelta(days=32)).replace(day=1)
    return [first + timedelta(days=n) for n in range((following - first).days)]


def seed_attendance_department(make_staff) -> None:
    """ATT (考勤组) with A0001-A0003, a head account (no staff record) and a staff account for A0001. Caller commits."""
    dept = save_department(None, None, ATTENDANCE["department"], "考勤组", "Attendance team", None, 5)
    db.session.flush()
    people = [make_staff(f"A{n:04d}", f"考勤员{n}", dept) for n in range(1, 4)]
    now = datetime.now(SHANGHAI).replace(tzinfo=None, second=0, microsecond=0)
    start = max(now - timedelta(minutes=40), datetime.combine(now.date(), time()))
    end = start + timedelta(hours=8)
    shift = save_shift_type(None, dept, ShiftTypeData("班", "值班", WORK, start.time(), end.time(), 0, "Duty",
                                                      "#43a047", is_night=end.date() > start.date()))
    create_user(ATTENDANCE["head"], PASSWORD, Role.HEAD, None, departments=[dept], must_change_password=False)
    create_user(ATTENDANCE["staff"], PASSWORD, Role.STAFF, None, staff=people[0], must_change_password=False)
    this_month = now.date().replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    for first in (last_month, this_month):
        days = _month_days(first)
        roster = Roster(department_id=dept.id, period_kind=PeriodKind.MONTH, starts_on=first, ends_on=days[-1],
                        status=RosterStatus.PUBLISHED)
        db.session.add(roster)
        db.session.flush()
        db.session.add_all(RosterCell(roster_id=roster.id, staff_id=p.id, day=d, shift_type_id=shift.id)
                           for p in people for d in days)
    db.session.flush()
    rows = []
    for person in people:
        for n, day in enumerate(_month_days(last_month)):
            begins = datetime.combine(day, shift.start_time)
            late = person.staff_number == ATTENDANCE["late_number"] and n == 2
            for local in (begins + timedelta(minutes=25 if late else -5), begins + timedelta(hours=8, minutes=5)):
                at = local.replace(tzinfo=SHANGHAI).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)
                rows.append(PunchRow(person.staff_number, at, PunchSource.DEMO))
    store_punches(rows)
    reconcile(last_month, _month_days(last_month)[-1])
    ensure_default_types()
    db.session.add(LeaveEntitlement(staff_id=people[0].id, leave_type_id=leave_type("annual").id, year=now.year,
                                    granted_days=Decimal(5), note="seed"))
