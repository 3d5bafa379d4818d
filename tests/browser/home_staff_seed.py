"""A small department (HSD) for the staff home journey: two people (HS0001 with the account "hsstaff"), this
month's and next month's rosters published, three reconciled days of this month (one late, one absent), an
annual-leave entitlement, and a shift swap the colleague asked of HS0001."""
from datetime import timedelta
from decimal import Decimal

from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.leave.defaults import ensure_default_types, leave_type
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.roster.services import apply_pattern, create_roster, publish_roster, save_shift_type
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import AttendanceDay, DayStatus, LeaveEntitlement, PeriodKind, Role, ShiftSwap
from tests.browser.roster_seed import PATTERN, SHIFTS
from tests.conftest import PASSWORD

HOME_STAFF = {"department": "HSD", "head": "hshead", "staff": "hsstaff", "staff_number": "HS0001",
              "colleague": "邓换班"}


def seed_home_staff_department(make_staff) -> None:
    """HSD (我的一天组) with HS0001-HS0002, a head account and a staff account for HS0001. Caller commits."""
    dept = save_department(None, None, HOME_STAFF["department"], "我的一天组", "My day team", None, 5)
    db.session.flush()
    me, mate = make_staff("HS0001", "何一天", dept), make_staff("HS0002", HOME_STAFF["colleague"], dept)
    for data in SHIFTS:
        save_shift_type(None, dept, data)
    head = create_user(HOME_STAFF["head"], PASSWORD, Role.HEAD, None, departments=[dept], must_change_password=False)
    create_user(HOME_STAFF["staff"], PASSWORD, Role.STAFF, None, staff=me, must_change_password=False)
    db.session.flush()
    today = company_today()
    first = today.replace(day=1)
    rosters = []
    for month in (first, (first + timedelta(days=32)).replace(day=1)):
        roster = create_roster(head, dept, PeriodKind.MONTH, month)
        db.session.flush()
        apply_pattern(head, roster, PATTERN, {me.id: 0, mate.id: 2}, None)
        publish_roster(head, roster, None)
        rosters.append(roster)
    for n, status in enumerate((DayStatus.PRESENT, DayStatus.LATE, DayStatus.ABSENT)):
        db.session.add(AttendanceDay(staff_id=me.id, day=first + timedelta(days=n), department_id=dept.id,
                                     status=status, late_minutes=9 if status == DayStatus.LATE else 0))
    ensure_default_types()
    db.session.add(LeaveEntitlement(staff_id=me.id, leave_type_id=leave_type("annual").id, year=today.year,
                                    granted_days=Decimal("5"), carried_days=Decimal("0"), adjusted_days=Decimal("0")))
    day = today + timedelta(days=3)
    db.session.add(ShiftSwap(roster_id=rosters[0 if day.month == today.month else 1].id, requester_id=mate.id,
                             partner_id=me.id, requester_day=day, partner_day=day, note="家里有事"))
    db.session.flush()
