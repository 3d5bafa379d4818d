"""A small department (TRN) for the training journey: two people, the second on duty all day today and tomorrow
(so enrolling them in a session starting soon shows a clash), the first with no shift; a head account and a staff
account for the first. Cells are written directly (the scene matters here, not the roster's rules)."""
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.roster.rules import WORK, ShiftTypeData
from hrapp.blueprints.roster.services import save_shift_type
from hrapp.extensions import db
from hrapp.models import PeriodKind, Role, Roster, RosterCell, RosterStatus
from tests.conftest import PASSWORD

TRAINING = {"department": "TRN", "head": "trnhead", "staff": "trnstaff", "staff_number": "T0001",
            "busy_number": "T0002"}
SHANGHAI = ZoneInfo("Asia/Shanghai")


def seed_training_department(make_staff) -> None:
    """TRN (培训组) with T0001 (no shift) and T0002 (on duty 00:00-23:59 today and tomorrow); a head account (no staff record) and a staff account for T0001. Caller commits."""
    dept = save_department(None, None, TRAINING["department"], "培训组", "Training team", None, 5)
    db.session.flush()
    people = [make_staff(f"T{n:04d}", f"学员{n}", dept) for n in range(1, 3)]
    now = datetime.now(SHANGHAI).replace(tzinfo=None, second=0, microsecond=0)
    # on duty all day, today and tomorrow: whenever the journey's session falls, it clashes
    shift = save_shift_type(None, dept, ShiftTypeData("值", "值班", WORK, time(0, 0), time(23, 59), 0, "Duty",
                                                      "#43a047"))
    create_user(TRAINING["head"], PASSWORD, Role.HEAD, None, departments=[dept], must_change_password=False)
    create_user(TRAINING["staff"], PASSWORD, Role.STAFF, None, staff=people[0], must_change_password=False)
    first = now.date()
    roster = Roster(department_id=dept.id, period_kind=PeriodKind.WEEK, starts_on=first,
                    ends_on=first + timedelta(days=6), status=RosterStatus.PUBLISHED)
    db.session.add(roster)
    db.session.flush()
    db.session.add_all(RosterCell(roster_id=roster.id, staff_id=people[1].id, day=first + timedelta(days=n),
                                  shift_type_id=shift.id) for n in range(2))
    db.session.flush()
