"""The day board and the month grid run a fixed number of SQL statements whatever the department's size."""
from datetime import date, time

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import DayStatus, Department, RosterCell, RosterMember, ShiftType

from .conftest import DAY, MONTH

MAX_STATEMENTS = 12  # the login's user, scope and nav included


def _statements(statements, client, url: str) -> list[str]:
    with statements() as seen:
        response = client.get(url)
    assert response.status_code == 200
    return seen


def _grow(o, make_staff, make_day, make_punch, n: int = 12):
    front = db.session.get(Department, o.front.id)
    people = [make_staff(front) for _ in range(n)]
    early = db.session.scalar(sa.select(ShiftType).where(ShiftType.code == "早", ShiftType.department_id == front.id))
    for person in people:  # the published roster, a month of early shifts each
        db.session.add(RosterMember(roster_id=o.roster.id, staff_id=person.id))
        db.session.add_all(RosterCell(roster_id=o.roster.id, staff_id=person.id, day=date(2026, 5, d),
                                      shift_type_id=early.id) for d in range(1, 32))
    db.session.commit()
    for person in people:
        make_day(person, DAY, DayStatus.LATE, late_minutes=5)
        make_punch(person, DAY, time(7, 5))
    return people


def test_day_board_statements_do_not_grow(client, auth, rostered, make_staff, make_day, make_punch, statements):
    auth.login("head")
    url = f"/attendance/today?department_id={rostered.front.id}&day={DAY.isoformat()}"
    small = _statements(statements, client, url)
    people = _grow(rostered, make_staff, make_day, make_punch)
    large = _statements(statements, client, url)
    body = client.get(url).get_data(as_text=True)
    assert all(f'data-staff="{p.id}" data-state="late"' in body for p in people)
    assert len(large) == len(small) <= MAX_STATEMENTS, large


def test_month_statements_do_not_grow(client, auth, rostered, make_staff, make_day, make_punch, statements):
    auth.login("head")
    url = f"/attendance/month?department_id={rostered.front.id}&month={MONTH}"
    small = _statements(statements, client, url)
    _grow(rostered, make_staff, make_day, make_punch)
    large = _statements(statements, client, url)
    assert len(large) == len(small) <= MAX_STATEMENTS, large
