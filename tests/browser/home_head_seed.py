"""A small department (HH, 头班组) for the head's home journey: a head with a staff record and three people on
today's published roster (one reconciled late, one absent), a pending leave request, and an early-shift demand
of two people a day with no roster for next month yet. Rows are written directly (the scene matters here)."""
from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.leave.defaults import ensure_default_types, leave_type
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.roster.rules import WORK, ShiftTypeData
from hrapp.blueprints.roster.services import save_shift_type
from hrapp.extensions import db
from hrapp.models import (
    AttendanceDay,
    DayStatus,
    LeaveRequest,
    LeaveStatus,
    PeriodKind,
    Role,
    Roster,
    RosterCell,
    RosterDemand,
    RosterStatus,
)
from tests.conftest import PASSWORD

HEAD_HOME = {"department": "HH", "head": "hhhead", "late": "头班迟到", "absent": "头班缺勤", "asker": "头班请假"}
SHANGHAI = ZoneInfo("Asia/Shanghai")


def seed_home_head_department(make_staff) -> None:
    """HH with HH0001 (the head's own record) and HH0002-HH0004; the head's account. Caller commits."""
    dept = save_department(None, None, HEAD_HOME["department"], "头班组", "Head home team", None, 5)
    db.session.flush()
    head_staff = make_staff("HH0001", "头班经理", dept)
    late, absent, asker = (make_staff(f"HH000{n}", HEAD_HOME[key], dept)
                           for n, key in ((2, "late"), (3, "absent"), (4, "asker")))
    create_user(HEAD_HOME["head"], PASSWORD, Role.HEAD, None, staff=head_staff, departments=[dept],
                must_change_password=False)
    shift = save_shift_type(None, dept, ShiftTypeData("全", "全天班", WORK, time(0, 1), time(23, 58), 0, "All day"))
    today = datetime.now(SHANGHAI).date()
    first = today.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    roster = Roster(department_id=dept.id, period_kind=PeriodKind.MONTH, starts_on=first, ends_on=last,
                    status=RosterStatus.PUBLISHED)
    db.session.add(roster)
    db.session.flush()
    db.session.add_all(RosterCell(roster_id=roster.id, staff_id=p.id, day=today, shift_type_id=shift.id)
                       for p in (head_staff, late, absent))
    db.session.add_all([
        AttendanceDay(staff_id=late.id, day=today, department_id=dept.id, status=DayStatus.LATE, late_minutes=15),
        AttendanceDay(staff_id=absent.id, day=today, department_id=dept.id, status=DayStatus.ABSENT)])
    db.session.add_all(RosterDemand(department_id=dept.id, shift_type_id=shift.id, weekday=weekday, required=2)
                       for weekday in range(7))
    ensure_default_types()
    starts = today + timedelta(days=3)
    db.session.add(LeaveRequest(staff_id=asker.id, department_id=dept.id, leave_type_id=leave_type("annual").id,
                                starts_on=starts, ends_on=starts, days=Decimal(1), status=LeaveStatus.PENDING,
                                reason="家中有事"))
    db.session.flush()
