"""What approved leave does: the roster's cells become 假 (published rosters record the change with its reason),
the days are counted on the person's roster, compensatory rest re-accrues the rest-owed ledger, cancelled leave
tells the head which cells to re-plan, attendance is told (leave_changed)."""
from datetime import date, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from hrapp.blueprints.leave.defaults import ensure_default_types, leave_type
from hrapp.blueprints.leave.requests import steps
from hrapp.blueprints.leave.requests.services import LeaveDraft, create_request, record_leave
from hrapp.blueprints.leave.signals import leave_changed
from hrapp.blueprints.roster.services import apply_pattern, create_roster, rest_owed_balance
from hrapp.extensions import db
from hrapp.models import Notification, PeriodKind, RestOwedEntry, RosterCell, RosterChange, ShiftType

D = Decimal


def codes(roster, staff, first: date, last: date) -> dict[date, str]:
    rows = db.session.execute(sa.select(RosterCell.day, ShiftType.code).join(ShiftType).where(
        RosterCell.roster_id == roster.id, RosterCell.staff_id == staff.id, RosterCell.day.between(first, last)))
    return dict(rows.all())


@pytest.fixture
def fo(rostered):
    ensure_default_types()
    db.session.commit()
    return rostered


def test_days_follow_the_published_roster(fo):
    person = fo.fo_staff[0]
    before = codes(fo.roster, person, date(2026, 5, 11), date(2026, 5, 17))
    worked = sum(1 for code in before.values() if code in ("早", "中", "夜"))
    leave = create_request(fo.hr, person, leave_type("personal"),
                           LeaveDraft(leave_type("personal").id, date(2026, 5, 11), date(2026, 5, 17)))
    assert leave.days == D(worked) and worked < 7


def test_approval_marks_the_working_cells_and_records_the_change(fo):
    person, first, last = fo.fo_staff[0], date(2026, 5, 11), date(2026, 5, 17)
    before = codes(fo.roster, person, first, last)
    leave = create_request(fo.fo_user, person, leave_type("personal"),
                           LeaveDraft(leave_type("personal").id, first, last, reason="探亲"))
    seen = []
    leave_changed.connect(receiver := lambda _s, **kw: seen.append(kw))
    try:
        steps.approve(fo.head, leave, leave.version_id)
    finally:
        leave_changed.disconnect(receiver)
    after = codes(fo.roster, person, first, last)
    for day, code in before.items():
        assert after[day] == ("休" if code == "休" else "假"), day
    changes = db.session.scalars(sa.select(RosterChange).where(RosterChange.staff_id == person.id)).all()
    assert changes and all(c.new_code == "假" and c.reason for c in changes)
    assert seen == [{"staff_id": person.id, "first": first, "last": last}]


def test_compensatory_rest_reaccrues_the_ledger(fo):
    person = fo.fo_staff[1]
    owed = rest_owed_balance(person.id, date(2026, 5, 31))
    assert owed > 0  # May's rotation worked the holidays
    workday = next(d for d, c in sorted(codes(fo.roster, person, date(2026, 5, 18), date(2026, 5, 22)).items())
                   if c in ("早", "中", "夜"))
    record_leave(fo.hr, person, leave_type("rest_owed"), workday, workday)
    lines = db.session.scalars(sa.select(RestOwedEntry).where(RestOwedEntry.staff_id == person.id,
                                                              RestOwedEntry.day == workday)).all()
    assert [line.days for line in lines] == [D(-1)]
    assert rest_owed_balance(person.id, date(2026, 5, 31)) == owed - 1


def test_cancelled_leave_tells_the_head_which_cells_to_replan(fo):
    person = fo.fo_staff[0]
    draft = create_roster(fo.head, fo.front, PeriodKind.MONTH, date(2027, 1, 1))
    db.session.flush()
    apply_pattern(fo.head, draft, "早早早早早休休", {person.id: 0}, None)
    leave = record_leave(fo.hr, person, leave_type("personal"), date(2027, 1, 4), date(2027, 1, 8))
    marked = codes(draft, person, date(2027, 1, 4), date(2027, 1, 8))
    assert marked == {date(2027, 1, 4): "假", date(2027, 1, 5): "假", date(2027, 1, 6): "休", date(2027, 1, 7): "休",
                      date(2027, 1, 8): "假"}  # a draft: every company working day, rest days kept
    steps.cancel(fo.fo_user, leave, leave.version_id)
    told = db.session.scalars(sa.select(Notification.text).where(Notification.user_id == fo.head.id)
                              .order_by(Notification.id.desc())).first()
    assert "2027-01-04, 2027-01-05, 2027-01-08" in told
    # nothing is put back by itself
    assert codes(draft, person, date(2027, 1, 4), date(2027, 1, 8)) == marked


def test_a_locked_roster_is_left_alone(fo):
    person = fo.fo_staff[2]
    fo.roster.status = type(fo.roster.status).LOCKED
    db.session.flush()
    day = date(2026, 5, 20)
    before = codes(fo.roster, person, day, day + timedelta(days=1))
    record_leave(fo.hr, person, leave_type("personal"), day, day + timedelta(days=1))
    assert codes(fo.roster, person, day, day + timedelta(days=1)) == before
