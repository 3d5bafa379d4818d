"""A small department (PHN) whose published roster of this month and the next puts two people on each shift,
so the phone journey's "my schedule" shows shifts and colleagues."""
from datetime import date, timedelta

from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.roster.services import apply_pattern, create_roster, publish_roster, save_shift_type
from hrapp.extensions import db
from hrapp.models import PeriodKind, Role
from tests.browser.roster_seed import PATTERN, SHIFTS
from tests.conftest import PASSWORD

PHONE = {"department": "PHN", "head": "phnhead", "staff": "phnstaff", "people": 4}


def seed_phone_department(make_staff) -> None:
    """PHN with four people (four-character names, so a per-character wrap would show), its shift types, a head,
    a staff account for the first person, and this month's and next month's rosters published. Caller commits."""
    dept = save_department(None, None, PHONE["department"], "手机部", "Phone team", None, 5)
    db.session.flush()
    people = [make_staff(f"P{n:04d}", f"欧阳手机{n}", dept) for n in range(1, PHONE["people"] + 1)]
    for data in SHIFTS:
        save_shift_type(None, dept, data)
    head = create_user(PHONE["head"], PASSWORD, Role.HEAD, None, departments=[dept],
                       must_change_password=False)
    create_user(PHONE["staff"], PASSWORD, Role.STAFF, None, staff=people[0],
                must_change_password=False)
    db.session.flush()
    first = date.today().replace(day=1)
    for month in (first, (first + timedelta(days=32)).replace(day=1)):
        roster = create_roster(head, dept, PeriodKind.MONTH, month)
        db.session.flush()
        # two people share every shift: the rotation of the roster journey, pairs on the same offset
        apply_pattern(head, roster, PATTERN, {p.id: 2 * (i // 2) for i, p in enumerate(people)}, None)
        publish_roster(head, roster, None)
