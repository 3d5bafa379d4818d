"""Roster data for the live server (called from live_server.seed): a 30-person park operations department
with three shifts, a rest marker and a demand the rotation 早早中中晚晚休休 meets with staggered starts.

Seven hours paid per shift keeps a six-day week at 42 hours; the shifts leave at least 16 hours of rest
between them in the rotation's order, so the rotated month has no hard breach.
"""
from datetime import date, time
from decimal import Decimal

from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.roster.rules import REST, WORK, ShiftTypeData
from hrapp.blueprints.roster.services import save_shift_type, set_demand
from hrapp.blueprints.staff.rules import StaffData
from hrapp.blueprints.staff.services import create_staff
from hrapp.extensions import db
from hrapp.models import Gender, Role

PASSWORD = "Correct-Horse-Battery-9"
PATTERN = "早早中中晚晚休休"
DEMAND = 5  # 30 people in an 8-day rotation put at least 6 on each shift every day
ROSTER = {"department": "OPS", "head": "opshead", "staff": "opsstaff", "staff_number": "R0005", "people": 30}
SHIFTS = (
    ShiftTypeData("早", "早班", WORK, time(7), time(15), 60, "Early", "#43a047"),
    ShiftTypeData("中", "中班", WORK, time(14), time(22), 60, "Late", "#fb8c00"),
    ShiftTypeData("晚", "夜班", WORK, time(22), time(6), 60, "Night", "#3949ab", is_night=True),
    ShiftTypeData("休", "休息", REST, name_en="Rest", colour="#bdbdbd", counts_as_workday=False),
)


def seed_roster_department() -> None:
    """Department OPS (运营部) with people R0001-R0030, its shift types and weekday demand; a head account
    (no staff record) and a staff account for R0005. The caller commits."""
    ops = save_department(None, None, ROSTER["department"], "运营部", "Park operations", None, 40)
    db.session.flush()
    people = [create_staff(StaffData(staff_number=f"R{n:04d}", name_zh=f"运营{n:02d}", gender=Gender.MALE,
                                     department_id=ops.id, hire_on=date(2021, 1, 4), birth_on=date(1992, 6, 1),
                                     daily_wage_amount=Decimal("180.00"), monthly_base_amount=Decimal("4200.00")),
                           None) for n in range(1, ROSTER["people"] + 1)]
    types = {t.code: save_shift_type(None, ops, t) for t in SHIFTS}
    db.session.flush()
    for code in ("早", "中", "晚"):
        for weekday in range(7):
            set_demand(None, ops, types[code], DEMAND, weekday=weekday)
    create_user(ROSTER["head"], PASSWORD, Role.HEAD, None, departments=[ops], must_change_password=False)
    staff = next(p for p in people if p.staff_number == ROSTER["staff_number"])
    create_user(ROSTER["staff"], PASSWORD, Role.STAFF, None, staff=staff, must_change_password=False)
