"""Sheet fixtures: the published FO May 2026 roster (tests/roster/fixtures.py `rostered`) with reconciled days
and leave written directly (reconciliation and leave are other parts'), and a closed month."""
from datetime import date
from decimal import Decimal

import pytest

from hrapp.core.periods import MONTH
from hrapp.extensions import db
from hrapp.models import DayStatus, PeriodClose
from tests.fixtures import write_day
from tests.leave.fixtures import write_leave

add_day = write_day  # the sheet tests' name for it

MONTH_TEXT = "2026-05"
FIRST = date(2026, 5, 1)
LAST = date(2026, 5, 31)


def close_month(o, department=None, first: date = FIRST, last: date = LAST) -> PeriodClose:
    """The attendance month closed for `department` (the front office by default), written directly."""
    record = PeriodClose(module="attendance", period_kind=MONTH, starts_on=first, ends_on=last,
                         department_id=(department or o.front).id, closed_by_id=o.hr.id)
    db.session.add(record)
    db.session.commit()
    return record


@pytest.fixture
def sheet_month(rostered, leave_types):
    """`rostered` plus, for fo_staff[0] in May 2026: on time on the 4th, 12 minutes late on the 5th, left early
    20 minutes on the 6th, absent on the 7th, a missing punch on the 8th, 90 minutes of overtime on the 11th,
    a rest day worked on the 9th (8 h), a holiday worked on May 1st (4 h), all approved; annual leave 12th-13th and a sick
    half day on the 14th (afternoon); and personal leave from May 29th to June 2nd (May's part counted: the 29th and 31st, the 30th is a rostered
    rest day)."""
    o = rostered
    p = o.fo_staff[0]
    add_day(p, date(2026, 5, 4), DayStatus.PRESENT, worked_minutes=480)
    add_day(p, date(2026, 5, 5), DayStatus.LATE, late_minutes=12)
    add_day(p, date(2026, 5, 6), DayStatus.EARLY, early_minutes=20)
    add_day(p, date(2026, 5, 7), DayStatus.ABSENT)
    add_day(p, date(2026, 5, 8), DayStatus.MISSING_PUNCH)
    add_day(p, date(2026, 5, 9), DayStatus.REST_WORKED, worked_minutes=480, overtime_minutes=480,
            overtime_approved=True)
    add_day(p, date(2026, 5, 1), DayStatus.REST_WORKED, worked_minutes=240, overtime_minutes=240,
            overtime_approved=True)
    add_day(p, date(2026, 5, 11), DayStatus.PRESENT, worked_minutes=570, overtime_minutes=90,
            overtime_approved=True)
    add_day(p, date(2026, 5, 12), DayStatus.LEAVE)
    add_day(p, date(2026, 5, 13), DayStatus.LEAVE)
    write_leave(p, date(2026, 5, 12), date(2026, 5, 13), "annual")
    sick = write_leave(p, date(2026, 5, 14), date(2026, 5, 14), "sick", days=Decimal("0.5"))
    sick.starts_afternoon = True
    add_day(p, date(2026, 5, 30), DayStatus.REST)
    write_leave(p, date(2026, 5, 29), date(2026, 6, 2), "personal")
    db.session.commit()
    o.person = p
    return o
