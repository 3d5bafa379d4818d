"""Overtime approval: where the company says overtime needs approval, a day's overtime counts once a head (their
departments) or HR approves it; the approval survives re-reconciliation, lapses when later punches add minutes,
and can be withdrawn with a reason. Never one's own; closed months refused."""
from datetime import date

import sqlalchemy as sa

from hrapp.blueprints.attendance.reconcile.services import reconcile
from hrapp.extensions import db
from hrapp.models import AttendanceDay, AuditEntry, OvertimeApproval, PeriodClose, PeriodKind
from tests.access_matrix import Route, walk, web_callers
from tests.attendance.reconcile.conftest import AFTER_MAY, day_row, first_day_with, punch, utc

MAY_FIRST, MAY_LAST = date(2026, 5, 1), date(2026, 5, 31)


def _overtime_day(rostered, end_hour=16, end_minute=30):
    person = rostered.fo_staff[0]
    early = first_day_with(person, "早")
    punch(person, utc(early, 7, 0), utc(early, end_hour, end_minute))
    reconcile(MAY_FIRST, MAY_LAST, AFTER_MAY, staff_ids=[person.id])
    db.session.commit()
    return person, early, day_row(person, early)


def test_the_head_approves_a_days_overtime_and_it_survives_re_reconciliation(rostered, client, auth):
    person, early, row = _overtime_day(rostered)
    assert row.overtime_minutes == 90 and row.overtime_approved is False
    auth.login("head")
    page = client.get("/attendance/overtime/").get_data(as_text=True)
    assert f'data-day-id="{row.id}"' in page
    response = client.post(f"/attendance/overtime/days/{row.id}/approve",
                           data={"version_id": row.version_id, "note": "接待团队晚到"})
    assert response.status_code == 302
    assert day_row(person, early).overtime_approved is True
    assert reconcile(early, early, AFTER_MAY, staff_ids=[person.id])["changed"] == 0  # kept
    approval = db.session.scalar(sa.select(OvertimeApproval))
    assert (approval.minutes, approval.note) == (90, "接待团队晚到")
    assert db.session.scalar(sa.select(AuditEntry.action).where(AuditEntry.action == "overtime.approve"))
    punch(person, utc(early, 17, 30))  # a later punch: 150 minutes now, beyond what was approved
    assert day_row(person, early).overtime_minutes == 150 and day_row(person, early).overtime_approved is False


def test_a_stale_page_and_a_day_without_waiting_overtime_change_nothing(rostered, client, auth):
    person, early, row = _overtime_day(rostered)
    auth.login("hr")
    client.post("/auth/locale/en")
    stale = client.post(f"/attendance/overtime/days/{row.id}/approve", data={"version_id": row.version_id - 1},
                        follow_redirects=True)
    assert "changed" in stale.get_data(as_text=True) and day_row(person, early).overtime_approved is False
    client.post(f"/attendance/overtime/days/{row.id}/approve", data={"version_id": row.version_id})
    again = client.post(f"/attendance/overtime/days/{row.id}/approve",
                        data={"version_id": day_row(person, early).version_id}, follow_redirects=True)
    assert "no overtime waiting" in again.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OvertimeApproval)) == 1


def test_withdrawing_needs_a_reason_and_puts_the_day_back_to_waiting(rostered, client, auth):
    person, early, row = _overtime_day(rostered)
    auth.login("hr")
    client.post(f"/attendance/overtime/days/{row.id}/approve", data={"version_id": row.version_id})
    approval = db.session.scalar(sa.select(OvertimeApproval))
    client.post(f"/attendance/overtime/approvals/{approval.id}/withdraw", data={"version_id": approval.version_id})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OvertimeApproval)) == 1  # no reason: kept
    client.post(f"/attendance/overtime/approvals/{approval.id}/withdraw",
                data={"version_id": approval.version_id, "reason": "未经部门安排"})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OvertimeApproval)) == 0
    assert day_row(person, early).overtime_approved is False


def test_a_closed_month_refuses_the_approval(rostered, client, auth):
    person, early, row = _overtime_day(rostered)
    db.session.add(PeriodClose(module="attendance", period_kind=PeriodKind.MONTH, starts_on=MAY_FIRST,
                               ends_on=MAY_LAST, department_id=person.department_id))
    db.session.commit()
    auth.login("hr")
    client.post(f"/attendance/overtime/days/{row.id}/approve", data={"version_id": row.version_id})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OvertimeApproval)) == 0


def test_nobody_approves_their_own_overtime(rostered, client, auth):
    head = rostered.head_staff
    early = first_day_with(head, "早") or first_day_with(head, "常")
    row = AttendanceDay(staff_id=head.id, day=early or date(2026, 5, 4), department_id=head.department_id,
                        status="present", overtime_minutes=60)
    db.session.add(row)
    db.session.commit()
    auth.login("head")
    assert f'data-day-id="{row.id}"' not in client.get("/attendance/overtime/").get_data(as_text=True)
    assert client.post(f"/attendance/overtime/days/{row.id}/approve",
                       data={"version_id": row.version_id}).status_code == 403  # visible, not theirs to approve


def table(day_id: int) -> dict[str, Route]:
    #                                                                            anon staff other head hk_head hr admin
    return {
        "list": Route("GET", "/attendance/overtime/",                            "L    403   403   200  200     200 200"),
        # posted without a version: past the access check, then refused as stale (a redirect with the message)
        "approve": Route("POST", f"/attendance/overtime/days/{day_id}/approve",  "L    403   403   302  404     302 302"),
        "unknown": Route("POST", "/attendance/overtime/days/999999/approve",     "L    403   403   404  404     404 404"),
        "withdraw": Route("POST", "/attendance/overtime/approvals/999999/withdraw", "L  403   403   404  404     404 404"),
    }


def test_overtime_access_matrix(app, rostered):
    _person, _early, row = _overtime_day(rostered)
    walk(app, "attendance_overtime", table(row.id), web_callers(app))
