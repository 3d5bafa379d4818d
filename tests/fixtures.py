"""Factory fixtures (indico style): each returns a callable that builds one persisted object."""
import itertools
from datetime import date, datetime, time
from decimal import Decimal

import pytest

from hrapp.blueprints.auth.services import hash_password
from hrapp.blueprints.org.services import save_department
from hrapp.company import utc_of_local
from hrapp.core.idcard import check_digit
from hrapp.extensions import db
from hrapp.models import (
    AttendanceDay,
    DayStatus,
    Department,
    Gender,
    Position,
    Punch,
    PunchSource,
    Role,
    StaffMember,
    User,
)

PASSWORD = "Correct-Horse-Battery-9"
_seq = itertools.count(1)


def make_id_number(birth: date, serial: int = 123) -> str:
    first17 = f"110101{birth:%Y%m%d}{serial % 1000:03d}"
    return first17 + check_digit(first17)


@pytest.fixture
def make_department(app):
    def make(code=None, name=None, parent=None, planned_headcount=10) -> Department:
        n = next(_seq)
        dept = save_department(None, None, code or f"D{n}", name or f"部门{n}", f"Dept {n}", parent, planned_headcount)
        db.session.commit()
        return dept
    return make


@pytest.fixture
def make_position(app, make_department):
    def make(code=None, name=None, department=None) -> Position:
        n = next(_seq)
        pos = Position(code=code or f"P{n}", name=name or f"岗位{n}", department=department or make_department())
        db.session.add(pos)
        db.session.commit()
        return pos
    return make


@pytest.fixture
def make_staff(app, make_department):
    def make(department=None, **kw) -> StaffMember:
        n = next(_seq)
        birth = kw.pop("birth_on", date(1990, 1, 1))
        staff = StaffMember(
            staff_number=kw.pop("staff_number", f"S{n:05d}"), name_zh=kw.pop("name_zh", f"员工{n}"),
            gender=kw.pop("gender", Gender.FEMALE), birth_on=birth, hire_on=kw.pop("hire_on", date(2020, 3, 1)),
            id_number=kw.pop("id_number", make_id_number(birth, n)),
            department=department or make_department(),
            daily_wage_amount=kw.pop("daily_wage_amount", Decimal("200.00")),
            monthly_base_amount=kw.pop("monthly_base_amount", Decimal("4500.00")), **kw)
        db.session.add(staff)
        db.session.commit()
        return staff
    return make


@pytest.fixture
def make_user(app):
    def make(role=Role.STAFF, username=None, staff=None, departments=(), password=PASSWORD, **kw) -> User:
        user = User(username=username or f"user{next(_seq)}", password_hash=hash_password(password), role=role,
                    staff=staff, **kw)
        user.headed_departments = list(departments)
        db.session.add(user)
        db.session.commit()
        return user
    return make


def write_day(staff, day: date, status: DayStatus, department=None, **kw) -> AttendanceDay:
    """A reconciled attendance day written directly (as reconciliation leaves it), flushed, not committed; the
    department is the person's unless given."""
    row = AttendanceDay(staff_id=staff.id, day=day, department_id=(department or staff.department).id,
                        status=status, **kw)
    db.session.add(row)
    db.session.flush()
    return row


@pytest.fixture
def make_day(app):
    """`write_day`, committed: `make_day(staff, day, status, department=None, **columns)`."""
    def make(staff, day: date, status: DayStatus, department=None, **kw) -> AttendanceDay:
        row = write_day(staff, day, status, department, **kw)
        db.session.commit()
        return row
    return make


@pytest.fixture
def make_punch(app):
    """A clock punch at a company-local time: `make_punch(staff, day, at, clock_id=None)`; `staff` None makes one
    whose clock id maps to no one."""
    def make(staff, day: date, at: time, clock_id: str | None = None) -> Punch:
        punch = Punch(clock_id=clock_id or (staff.staff_number if staff else "X999"), staff_id=staff.id if staff else None,
                      punched_at=utc_of_local(datetime.combine(day, at)), source=PunchSource.DEMO)
        db.session.add(punch)
        db.session.commit()
        return punch
    return make


@pytest.fixture
def org(make_department, make_staff, make_user):
    """A small company: two top departments (one with a sub-department), one person per role.

    Returns a namespace with departments, staff and users for access tests.
    """
    class Org:
        pass
    o = Org()
    o.front = make_department("FO", "前厅部")
    o.front_desk = make_department("FO-DESK", "前台", parent=o.front)
    o.housekeeping = make_department("HK", "客房部")
    o.head_staff = make_staff(o.front, name_zh="王经理")
    o.desk_staff = make_staff(o.front_desk, name_zh="李前台")
    o.hk_staff = make_staff(o.housekeeping, name_zh="赵服务员")
    o.admin = make_user(Role.ADMIN, "admin")
    o.hr = make_user(Role.HR, "hr")
    o.head = make_user(Role.HEAD, "head", staff=o.head_staff, departments=[o.front])
    o.staff = make_user(Role.STAFF, "staff", staff=o.desk_staff)
    o.other_staff = make_user(Role.STAFF, "other", staff=o.hk_staff)
    return o
