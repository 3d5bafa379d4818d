"""HR sets a wrong punch aside: kept and shown struck through, no longer read by reconciliation (the day is read
again), audited, with a reason; refused twice, in a closed month, and to anyone but HR."""
from datetime import date

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AuditEntry, DayStatus, PeriodClose, PeriodKind, Punch
from tests.attendance.reconcile.conftest import day_row, first_day_with, punch, utc


def _wrong_day(rostered):
    person = rostered.fo_staff[0]
    early = first_day_with(person, "早")
    punch(person, utc(early, 7, 0), utc(early, 15, 0), utc(early, 15, 40))  # the last: someone else's finger
    db.session.commit()
    wrong = db.session.scalar(sa.select(Punch).where(Punch.staff_id == person.id).order_by(Punch.punched_at.desc()))
    return person, early, wrong


def test_hr_sets_a_punch_aside_and_the_day_is_read_again(rostered, client, auth):
    person, early, wrong = _wrong_day(rostered)
    assert day_row(person, early).out_punch_id == wrong.id
    auth.login("hr")
    page = client.get(f"/attendance/corrections/punches/{wrong.id}/exclude").get_data(as_text=True)
    assert 'id="exclude-submit"' in page
    assert client.post(f"/attendance/corrections/punches/{wrong.id}/exclude", data={"reason": ""}).status_code == 200
    assert db.session.get(Punch, wrong.id).excluded_at is None  # no reason: nothing changed
    response = client.post(f"/attendance/corrections/punches/{wrong.id}/exclude", data={"reason": "代打卡"})
    assert response.status_code == 302 and f"/attendance/people/{person.id}" in response.headers["Location"]
    db.session.expire_all()
    row = day_row(person, early)
    assert row.status == DayStatus.PRESENT and row.out_punch_id != wrong.id and row.overtime_minutes == 0
    assert db.session.get(Punch, wrong.id).exclude_reason == "代打卡"
    assert db.session.scalar(sa.select(AuditEntry.action).where(AuditEntry.action == "attendance_punch.exclude"))
    month = client.get(f"/attendance/people/{person.id}?month={early:%Y-%m}").get_data(as_text=True)
    assert "data-excluded" in month
    again = client.post(f"/attendance/corrections/punches/{wrong.id}/exclude", data={"reason": "再次"})
    assert again.status_code == 200 and 'id="punch-excluded"' in again.get_data(as_text=True)


def test_a_closed_month_refuses_it(rostered, client, auth):
    person, early, wrong = _wrong_day(rostered)
    db.session.add(PeriodClose(module="attendance", period_kind=PeriodKind.MONTH, starts_on=early.replace(day=1),
                               ends_on=date(2026, 5, 31), department_id=person.department_id))
    db.session.commit()
    auth.login("hr")
    client.post(f"/attendance/corrections/punches/{wrong.id}/exclude", data={"reason": "代打卡"})
    assert db.session.get(Punch, wrong.id).excluded_at is None


def test_only_hr_sets_punches_aside(rostered, client, auth):
    _person, _early, wrong = _wrong_day(rostered)
    for who in ("staff", "head"):
        auth.login(who)
        assert client.get(f"/attendance/corrections/punches/{wrong.id}/exclude").status_code == 403
        assert client.post(f"/attendance/corrections/punches/{wrong.id}/exclude",
                           data={"reason": "x"}).status_code == 403
        auth.logout()
    auth.login("hr")
    assert client.get("/attendance/corrections/punches/999999/exclude").status_code == 404
    assert db.session.get(Punch, wrong.id).excluded_at is None
