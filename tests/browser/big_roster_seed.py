"""A large department for the browser's paging journey (issue #10, point 17): BIG (大客房部) with 120 people,
more than two grid pages of 50, its shift types, and a draft roster of next month with a few shifts set.
The people are inserted directly (the import and staff services would take seconds for no gain here)."""
from datetime import date, timedelta
from decimal import Decimal

from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.roster.services import CellEdit, create_roster, save_shift_type, set_cells
from hrapp.extensions import db
from hrapp.models import Gender, PeriodKind, Role, StaffMember
from tests.browser.roster_seed import SHIFTS
from tests.conftest import PASSWORD

BIG = {"department": "BIG", "head": "bighead", "people": 120, "name": "客房", "target": "X0077"}


def big_name(n: int) -> str:
    return f"{BIG['name']}{n:03d}"


def seed_big_department() -> None:
    """BIG with people X0000-X0119 (named 客房000 …; numbers after every other seeded
    department's, so that they come last in the staff list), its shift types, a head account, and next month's draft
    roster in which the target person (page 2) works the first two days early. The caller commits."""
    dept = save_department(None, None, BIG["department"], "大客房部", "Large housekeeping", None, BIG["people"])
    db.session.flush()
    people = [StaffMember(staff_number=f"X{n:04d}", name_zh=big_name(n), gender=Gender.FEMALE, department_id=dept.id,
                          hire_on=date(2022, 1, 3), daily_wage_amount=Decimal("180.00"))
              for n in range(BIG["people"])]
    db.session.add_all(people)
    for data in SHIFTS:
        save_shift_type(None, dept, data)
    head = create_user(BIG["head"], PASSWORD, Role.HEAD, None, departments=[dept], must_change_password=False)
    db.session.flush()
    first = (date.today().replace(day=1) + timedelta(days=32)).replace(day=1)
    roster = create_roster(head, dept, PeriodKind.MONTH, first)
    db.session.flush()
    target = next(p for p in people if p.staff_number == BIG["target"])
    set_cells(head, roster, [CellEdit(target.id, first + timedelta(days=n), "早") for n in range(2)])
